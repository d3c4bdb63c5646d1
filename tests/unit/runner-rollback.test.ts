import { SimulatedClock } from "xstate";
import { describe, expect, it } from "vitest";
import { createNegotiationRunner, type NegotiationRunner, type RunnerOptions } from "../../shared/negotiation/runner.js";
import { MINUTE, partnership } from "../fixtures/machine/scenarios.js";

function startedRunner(clock: SimulatedClock, extra: Partial<Pick<RunnerOptions, "onDeadline">> = {}): NegotiationRunner {
  const runner = createNegotiationRunner(partnership, { clock, ...extra });
  runner.send({ type: "seat.claim", by: "buyer", seat: "buyer", occupant: "human" });
  runner.send({ type: "seat.claim", by: "seller", seat: "seller", occupant: "human" });
  runner.send({ type: "session.start", by: "facilitator" });
  return runner;
}

/** Advance to discovery, where both seats may chat. */
function inDiscovery(runner: NegotiationRunner): void {
  while (runner.snapshot().context.phase !== "discovery") runner.send({ type: "phase.advance", by: "facilitator" });
}

describe("rolling the runner back", () => {
  it("undoes a move completely: same state, same log, and the next move numbered as if it never happened", () => {
    const clock = new SimulatedClock();
    const runner = startedRunner(clock);
    inDiscovery(runner);
    const before = runner.snapshot();
    const lost = runner.send({ type: "chat.send", by: "buyer", text: "This one is lost" });
    expect(lost.accepted).toBe(true);
    runner.rollBack(before);
    expect(runner.snapshot().value).toEqual(before.value);
    expect(runner.snapshot().context).toEqual(before.context);
    const kept = runner.send({ type: "chat.send", by: "buyer", text: "This one is kept" });
    expect(kept.entries.map((e) => [e.seq, e.payload.text])).toEqual([[before.context.log.length + 1, "This one is kept"]]);
  });

  it("undoes a finishing move: the session is live again", () => {
    const clock = new SimulatedClock();
    const runner = startedRunner(clock);
    runner.send({ type: "session.end", by: "facilitator", reason: "Plenary" });
    const before = runner.snapshot();
    runner.send({ type: "session.end", by: "facilitator", reason: "Debrief now" });
    expect(runner.snapshot().status).toBe("done");
    runner.rollBack(before);
    expect(runner.snapshot().status).toBe("active");
    expect(runner.send({ type: "session.end", by: "facilitator", reason: "Again" }).accepted).toBe(true);
    expect(runner.snapshot().status).toBe("done");
  });

  it("re-arms the deadline of the state it returns to, and a rolled-back deadline fires again", () => {
    const clock = new SimulatedClock();
    const runner = startedRunner(clock);
    const before = runner.snapshot();
    clock.increment(MINUTE); // briefing's deadline: the runner ticks into preparation
    expect(runner.snapshot().context.phase).toBe("preparation");
    runner.rollBack(before);
    expect(runner.snapshot().context.phase).toBe("briefing");
    clock.increment(0); // the deadline is past: armed with no delay
    expect(runner.snapshot().context.phase).toBe("preparation");
    clock.increment(2 * MINUTE - 1);
    expect(runner.snapshot().context.phase).toBe("preparation");
    clock.increment(1);
    expect(runner.snapshot().context.phase).toBe("discovery");
  });

  it("tells subscribers the state it went back to", () => {
    const clock = new SimulatedClock();
    const runner = startedRunner(clock);
    const phases: string[] = [];
    runner.subscribe((snapshot) => phases.push(snapshot.context.phase));
    const before = runner.snapshot();
    runner.send({ type: "phase.advance", by: "facilitator" });
    runner.rollBack(before);
    runner.send({ type: "phase.advance", by: "facilitator" });
    expect(phases).toEqual(["preparation", "briefing", "preparation"]);
  });
});

describe("a runner with onDeadline", () => {
  it("hands the deadline to its caller instead of ticking by itself", () => {
    const clock = new SimulatedClock();
    let due = 0;
    const runner = startedRunner(clock, { onDeadline: () => due++ });
    clock.increment(MINUTE);
    expect(due).toBe(1);
    expect(runner.snapshot().context.phase).toBe("briefing");
    runner.send({ type: "time.tick", by: "system" });
    expect(runner.snapshot().context.phase).toBe("preparation");
    clock.increment(2 * MINUTE);
    expect(due).toBe(2);
  });
});
