import { SimulatedClock } from "xstate";
import { describe, expect, it } from "vitest";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { createNegotiationRunner, type NegotiationRunner } from "../../shared/negotiation/runner.js";
import { MINUTE, partnership } from "../fixtures/machine/scenarios.js";

function startedRunner(clock: SimulatedClock, onEntries?: (entries: LogEntry[]) => void): NegotiationRunner {
  const runner = createNegotiationRunner(partnership, { clock, ...(onEntries ? { onEntries } : {}) });
  runner.send({ type: "seat.claim", by: "buyer", seat: "buyer", occupant: "human" });
  runner.send({ type: "seat.claim", by: "seller", seat: "seller", occupant: "bot" });
  runner.send({ type: "session.start", by: "facilitator" });
  return runner;
}

describe("negotiation runner", () => {
  it("stamps each event with the clock's time and answers with its entries", () => {
    const clock = new SimulatedClock();
    clock.set(5_000);
    const runner = startedRunner(clock);
    clock.increment(1_000);
    const ready = runner.send({ type: "phase.ready", by: "buyer", ref: "r1" });
    expect(ready).toEqual({ accepted: true, entries: [expect.objectContaining({ type: "phase.ready", at: 6_000, by: "buyer" })] });
  });

  it("answers a rejected send with that send's rejection, echoing its ref", () => {
    const clock = new SimulatedClock();
    const runner = startedRunner(clock);
    const first = runner.send({ type: "chat.send", by: "buyer", text: "Too early", ref: "a" });
    expect(first).toMatchObject({ accepted: false, rejection: { code: "wrong-phase", ref: "a", by: "buyer" } });
    const second = runner.send({ type: "phase.ready", by: "buyer", ref: "b" });
    expect(second.accepted).toBe(true);
    const third = runner.send({ type: "chat.send", by: "buyer", text: "Too early", ref: "c" });
    expect(third).toMatchObject({ accepted: false, rejection: { ref: "c" } });
  });

  it("moves to the next phase when the clock passes the deadline, and reports the entries it made", () => {
    const clock = new SimulatedClock();
    const seen: LogEntry[] = [];
    const runner = startedRunner(clock, (entries) => seen.push(...entries));
    clock.increment(MINUTE - 1);
    expect(runner.snapshot().value).toBe("briefing");
    clock.increment(1);
    expect(runner.snapshot().value).toBe("preparation");
    expect(seen.at(-1)).toMatchObject({ type: "phase.started", at: MINUTE, payload: { phase: "preparation" } });
    clock.increment(2 * MINUTE);
    expect(runner.snapshot().value).toBe("discovery");
  });

  it("holds the deadline while paused and re-arms it on resume", () => {
    const clock = new SimulatedClock();
    const runner = startedRunner(clock);
    clock.increment(10_000);
    runner.send({ type: "session.pause", by: "facilitator" });
    clock.increment(5 * MINUTE);
    expect(runner.snapshot().value).toBe("briefing");
    runner.send({ type: "session.resume", by: "facilitator" });
    clock.increment(MINUTE - 10_000 - 1);
    expect(runner.snapshot().value).toBe("briefing");
    clock.increment(1);
    expect(runner.snapshot().value).toBe("preparation");
  });

  it("catches up on the first tick after restoring a snapshot whose deadlines have passed", () => {
    const clock = new SimulatedClock();
    const first = startedRunner(clock);
    const stored = JSON.parse(JSON.stringify(first.persisted()));
    const log = JSON.parse(JSON.stringify(first.snapshot().context.log));
    first.stop();
    clock.increment(4 * MINUTE);
    const seen: LogEntry[] = [];
    const revived = createNegotiationRunner(partnership, { clock, snapshot: stored, log, onEntries: (e) => seen.push(...e) });
    expect(revived.snapshot().value).toBe("briefing");
    clock.increment(0);
    expect(revived.snapshot().value).toBe("discovery");
    expect(seen.map((e) => [e.payload.phase, e.at])).toEqual([
      ["preparation", MINUTE],
      ["discovery", 3 * MINUTE],
    ]);
  });

  it("rejects sends once the session is over or the runner has stopped", () => {
    const clock = new SimulatedClock();
    const runner = startedRunner(clock);
    runner.send({ type: "session.end", by: "facilitator", reason: "Plenary" });
    runner.send({ type: "session.end", by: "facilitator", reason: "Debrief now" });
    expect(runner.snapshot().status).toBe("done");
    expect(runner.send({ type: "chat.send", by: "buyer", text: "Hello?" })).toMatchObject({ accepted: false, rejection: { code: "negotiation-over" } });
    runner.stop();
    expect(runner.send({ type: "time.tick", by: "system" }).accepted).toBe(false);
  });

  it("lets a subscriber follow every change and unsubscribe", () => {
    const clock = new SimulatedClock();
    const runner = startedRunner(clock);
    const phases: string[] = [];
    const unsubscribe = runner.subscribe((snapshot) => phases.push(snapshot.context.phase));
    runner.send({ type: "phase.advance", by: "facilitator" });
    unsubscribe();
    runner.send({ type: "phase.advance", by: "facilitator" });
    expect(phases).toEqual(["preparation"]);
  });
});
