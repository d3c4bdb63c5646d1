import type { Room } from "@colyseus/sdk";
import type { LogEntry } from "../../shared/negotiation/events.js";
import type { ControlInput, ErrorReply, MoveInput, OkReply } from "../../shared/protocol.js";

export type Reply = OkReply | ErrorReply;

/**
 * A test player over a real socket: sends moves with a request id and waits
 * for the room's reply to exactly that request.
 */
export class SeatClient {
  private counter = 0;
  private pending = new Map<string, (r: Reply) => void>();
  readonly unanswered: Reply[] = [];
  hello: { seat: string | null; token: string | null; negotiationId: string } | null = null;

  constructor(readonly room: Room, readonly name: string) {
    room.onMessage("reply", (r: Reply) => {
      const resolve = r.ref ? this.pending.get(r.ref) : undefined;
      if (resolve && r.ref) {
        this.pending.delete(r.ref);
        resolve(r);
      } else this.unanswered.push(r);
    });
    room.onMessage("hello", (h) => (this.hello = h));
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

  /** Every log entry this client can see: public and private, merged by seq. */
  log(): LogEntry[] {
    const s = this.state() as { log: EntryJson[]; seatViews: Record<string, { log: EntryJson[] }> };
    const all = [...s.log, ...Object.values(s.seatViews ?? {}).flatMap((v) => v.log)];
    const bySeq = new Map(all.map((e) => [e.seq, { ...e, payload: JSON.parse(e.payload), audience: JSON.parse(e.audience) } as LogEntry]));
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
}

interface EntryJson { seq: number; at: number; by: string; type: string; phase: string; payload: string; audience: string }
