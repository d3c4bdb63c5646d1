import type { Room } from "@colyseus/sdk";
import type { LogEntry } from "../../shared/negotiation/events.js";
import type { ControlInput, ErrorReply, HelloMessage, MoveInput, OkReply } from "../../shared/protocol.js";

export type Reply = OkReply | ErrorReply;

/**
 * A test player over a real socket: sends moves with a request id and waits
 * for the room's reply to exactly that request.
 */
export class SeatClient {
  private counter = 0;
  private pending = new Map<string, (r: Reply) => void>();
  readonly unanswered: Reply[] = [];
  hello: HelloMessage | null = null;

  constructor(readonly room: Room, readonly name: string) {
    room.onMessage("reply", (r: Reply) => {
      const resolve = r.ref ? this.pending.get(r.ref) : undefined;
      if (resolve && r.ref) {
        this.pending.delete(r.ref);
        resolve(r);
      } else this.unanswered.push(r);
    });
    room.onMessage("hello", (h: HelloMessage) => (this.hello = h));
    room.onMessage("debrief", () => undefined);
  }

  private request(type: "move" | "control", body: unknown): Promise<Reply> {
    const ref = `${this.name}-${++this.counter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${type} ${JSON.stringify(body)} within 5 s`)), 5_000);
      this.pending.set(ref, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.room.send(type, type === "move" ? { ref, move: body } : { ref, control: body });
    });
  }

  move(move: MoveInput | Record<string, unknown>): Promise<Reply> {
    return this.request("move", move);
  }

  control(control: ControlInput): Promise<Reply> {
    return this.request("control", control);
  }

  /** Sends a move and fails the test with the server's message if it is refused. */
  async must(move: MoveInput): Promise<LogEntry[]> {
    const r = await this.move(move);
    if (!r.ok) throw new Error(`${this.name}: ${move.type} refused: ${r.code} — ${r.message}`);
    return r.entries;
  }

  /** Plain snapshot of the synced state. */
  state(): Record<string, unknown> {
    return (this.room.state as { toJSON(): Record<string, unknown> }).toJSON();
  }

  /** The one view this client receives (its own seat's, or the trainer's); undefined before the first patch. */
  view(): ViewJson | undefined {
    const views = Object.values((this.state() as { views?: Record<string, ViewJson> }).views ?? {});
    if (views.length > 1) throw new Error(`${this.name} received ${views.length} views; a client must receive only its own`);
    return views[0];
  }

  /** This client's transcript, in its own numbering. */
  log(): LogEntry[] {
    return (this.view()?.log ?? []).map((e) => ({ ...e, type: e.type as LogEntry["type"], payload: JSON.parse(e.payload) as Record<string, unknown>, audience: JSON.parse(e.audience) as LogEntry["audience"] }));
  }

  /** Waits (up to 5 s) for an entry of this client's transcript that matches, and returns it in this client's numbering. */
  async find(match: (e: LogEntry) => boolean): Promise<LogEntry> {
    const until = Date.now() + 5_000;
    for (;;) {
      const hit = this.log().findLast(match);
      if (hit) return hit;
      if (Date.now() > until) throw new Error(`${this.name}: no matching entry within 5 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The briefs this client may read, by seat. */
  briefs(): Record<string, { brief: { story: string } }> {
    return Object.fromEntries(Object.entries(this.view()?.briefs ?? {}).map(([seat, json]) => [seat, JSON.parse(json) as { brief: { story: string } }]));
  }
}

export interface ViewJson {
  viewer: string;
  revealed: boolean;
  log: EntryJson[];
  briefs: Record<string, string>;
  objectives: string;
  guesses: string;
  plans: string;
  withdrawn: string[];
  debrief: string;
}

interface EntryJson { seq: number; at: number; by: string; type: string; phase: string; payload: string; audience: string }
