import { describe, expect, it } from "vitest";
import { MINUTE, PACKAGES, tender } from "../fixtures/machine/scenarios.js";
import { entriesOf, seated, type Table } from "../fixtures/machine/table.js";
import { reflection, reflectionFor } from "../fixtures/machine/reflection.js";

// Tender phases: rfq 2 min, round-1 3 (procurement closes it), round-2 3 (all ready), award 2, reflection 5.
// Buyer's points: best 60, good 50, poor 20, worst 10.

/** Tender with buyer, alpha and beta present (gamma is optional and absent), moved on to a phase. */
function tenderIn(phase: string): Table {
  const table = seated(tender, ["buyer", "alpha", "beta"]);
  for (let at = 1; table.state() !== phase; at++) table.send({ type: "phase.advance", by: "facilitator", at });
  return table;
}

function bid(table: Table, by: string, pkg: Record<string, string>, at: number): number {
  const result = table.send({ type: "bid.submit", by, package: pkg, at });
  if (result.rejection) throw new Error(result.rejection.message);
  return result.entries[0]!.seq;
}

describe("sealed bids", () => {
  it("takes bids only in a bid round and only from suppliers", () => {
    const table = tenderIn("rfq");
    const early = table.send({ type: "bid.submit", by: "alpha", package: PACKAGES.good, at: 10 }).rejection;
    expect(early).toMatchObject({ code: "wrong-phase" });
    expect(early?.message).toMatch(/^You can submit a bid in the Round 1 phase; /);
    table.send({ type: "phase.advance", by: "facilitator", at: 20 });
    expect(table.send({ type: "bid.submit", by: "buyer", package: PACKAGES.good, at: 30 }).rejection?.code).toBe("wrong-role");
    expect(table.send({ type: "bid.submit", by: "alpha", package: { price: "low" }, at: 31 }).rejection?.code).toBe("invalid-package");
  });

  it("keeps each bid to its bidder, opens the latest bid of each supplier to procurement and ranks them", () => {
    const table = tenderIn("round-1");
    const first = table.send({ type: "bid.submit", by: "alpha", package: PACKAGES.poor, at: 100 }).entries[0];
    expect(first?.audience).toEqual(["alpha"]);
    const alphaLatest = bid(table, "alpha", PACKAGES.good, 110);
    const betaBid = bid(table, "beta", PACKAGES.best, 120);
    const closed = table.send({ type: "phase.advance", by: "buyer", at: 130 }).entries;
    expect(closed.map((e) => e.type)).toEqual(["phase.advance", "round.closed", "bid.ranked", "bid.ranked", "phase.started"]);
    expect(closed[1]).toMatchObject({
      at: 130,
      phase: "round-1",
      audience: ["buyer"],
      payload: { phase: "round-1", bids: [{ seat: "alpha", seq: alphaLatest, package: PACKAGES.good }, { seat: "beta", seq: betaBid, package: PACKAGES.best }] },
    });
    expect(closed[2]).toMatchObject({ audience: ["alpha", "buyer"], payload: { phase: "round-1", seat: "alpha", rank: 2, of: 2 } });
    expect(closed[3]).toMatchObject({ audience: ["beta", "buyer"], payload: { phase: "round-1", seat: "beta", rank: 1, of: 2 } });
  });

  it("gives equal bids the better rank and closes a round when every supplier is ready", () => {
    const table = tenderIn("round-2");
    bid(table, "alpha", PACKAGES.good, 100);
    bid(table, "beta", PACKAGES.good, 101);
    table.send({ type: "phase.ready", by: "alpha", at: 102 });
    expect(table.state()).toBe("round-2");
    table.send({ type: "phase.ready", by: "beta", at: 103 });
    expect(table.state()).toBe("award");
    expect(entriesOf(table, "bid.ranked").map((e) => e.payload.rank)).toEqual([1, 1]);
  });

  it("closes a round without bids on its deadline with no ranks", () => {
    const table = tenderIn("round-1");
    const endsAt = table.ctx().phaseEndsAt!;
    table.send({ type: "time.tick", by: "system", at: endsAt });
    expect(entriesOf(table, "round.closed")).toEqual([expect.objectContaining({ at: endsAt, payload: { phase: "round-1", bids: [] } })]);
    expect(entriesOf(table, "bid.ranked")).toEqual([]);
  });

  it("lets only procurement close a round procurement controls, and nobody but the facilitator close the others", () => {
    const table = tenderIn("round-1");
    const supplier = table.send({ type: "phase.advance", by: "alpha", at: 100 }).rejection;
    expect(supplier).toMatchObject({ code: "not-allowed", message: "Only procurement or the facilitator can close the Round 1 phase; mark yourself ready instead." });
    table.send({ type: "phase.advance", by: "buyer", at: 101 });
    expect(table.state()).toBe("round-2");
    expect(table.send({ type: "phase.advance", by: "buyer", at: 102 }).rejection?.code).toBe("not-allowed");
  });
});

describe("award", () => {
  it("awards the supplier's latest bid, from the last round it bid in", () => {
    const table = tenderIn("round-1");
    const alphaBid = bid(table, "alpha", PACKAGES.poor, 100);
    bid(table, "beta", PACKAGES.worst, 101);
    table.send({ type: "phase.advance", by: "buyer", at: 102 });
    bid(table, "beta", PACKAGES.best, 103);
    table.send({ type: "phase.advance", by: "facilitator", at: 104 });
    expect(table.state()).toBe("award");
    const awarded = table.send({ type: "award.make", by: "buyer", to: "alpha", at: 200 });
    expect(awarded.entries.map((e) => e.type)).toEqual(["award.make", "negotiation.ended", "phase.started"]);
    // The losing bidder does not read the winner's terms: only the buyer and the winner see the award.
    expect(awarded.entries[0]).toMatchObject({ audience: ["buyer", "alpha"], payload: { to: "alpha", bid: alphaBid, package: PACKAGES.poor } });
    expect(awarded.entries[1]?.audience).toEqual(["buyer", "alpha"]);
    expect(awarded.entries[1]?.payload).toEqual({
      outcome: "deal",
      reason: "awarded",
      agreement: { parties: ["buyer", "alpha"], package: PACKAGES.poor, source: alphaBid },
    });
    expect(table.state()).toBe("reflection");
  });

  it("refuses an award to an absent supplier or one without a bid", () => {
    const table = tenderIn("award");
    expect(table.send({ type: "award.make", by: "buyer", to: "gamma", at: 100 }).rejection?.code).toBe("invalid-recipient");
    const none = table.send({ type: "award.make", by: "buyer", to: "beta", at: 101 }).rejection;
    expect(none).toMatchObject({ code: "requirements-not-met", message: "Beta has not submitted a bid you could award." });
  });

  it("reports no deal when the award phase runs out", () => {
    const table = tenderIn("award");
    table.send({ type: "time.tick", by: "system", at: table.ctx().phaseEndsAt! + MINUTE });
    expect(entriesOf(table, "negotiation.ended")[0]?.payload).toEqual({ outcome: "no-deal", reason: "timeout", agreement: null });
  });
});

describe("walking away from a tender", () => {
  it("withdraws only the supplier, privately, and leaves it out of readiness, rounds and the award", () => {
    const table = tenderIn("round-2");
    bid(table, "alpha", PACKAGES.best, 100);
    const walked = table.send({ type: "walkaway", by: "alpha", reason: "Price too low", at: 101 });
    expect(walked.entries).toEqual([expect.objectContaining({ type: "walkaway", audience: ["alpha", "buyer"] })]);
    expect(table.send({ type: "bid.submit", by: "alpha", package: PACKAGES.good, at: 102 }).rejection?.code).toBe("withdrawn");
    table.send({ type: "phase.ready", by: "beta", at: 103 });
    expect(table.state()).toBe("award");
    expect(entriesOf(table, "round.closed")[0]?.payload.bids).toEqual([]);
    expect(table.send({ type: "award.make", by: "buyer", to: "alpha", at: 104 }).rejection).toMatchObject({ code: "invalid-recipient", message: "Alpha has withdrawn from the tender." });
  });

  it("ends the tender with no deal when every supplier has withdrawn, and the withdrawn still reflect", () => {
    const table = tenderIn("round-1");
    table.send({ type: "walkaway", by: "alpha", reason: "Too far", at: 100 });
    const last = table.send({ type: "walkaway", by: "beta", reason: "Too cheap", at: 101 });
    expect(last.entries.map((e) => e.type)).toEqual(["walkaway", "negotiation.ended", "phase.started"]);
    expect(last.entries[1]?.payload).toEqual({ outcome: "no-deal", reason: "all-withdrew", agreement: null });
    expect(table.state()).toBe("reflection");
    expect(table.send({ type: "reflection.submit", by: "alpha", answers: reflection(1), at: 102 }).rejection).toBeNull();
  });

  it("ends the whole tender when procurement walks away", () => {
    const table = tenderIn("round-1");
    const walked = table.send({ type: "walkaway", by: "buyer", reason: "Budget cut", at: 100 });
    expect(walked.entries[0]?.audience).toBe("all");
    expect(walked.entries[1]?.payload).toEqual({ outcome: "no-deal", reason: "walkaway", agreement: null });
    expect(table.state()).toBe("reflection");
  });
});

describe("the tender's reflection survey", () => {
  it("asks the buyer to rate each supplier at the table, and each supplier the buyer", () => {
    const table = tenderIn("reflection");
    // The buyer faced two suppliers: the one-counterpart items are not its survey, the per-supplier ratings are.
    const fixed = table.send({ type: "reflection.submit", by: "buyer", answers: reflection(4), at: 100 });
    expect(fixed.entries).toEqual([]);
    expect(fixed.rejection?.code).toBe("invalid-input");
    expect(fixed.rejection?.message).toMatch(/^Please complete the reflection: /);
    const answers = reflectionFor(tender, "buyer", table.ctx().present, 6);
    expect(Object.keys(answers)).toEqual(expect.arrayContaining(["rating-alpha", "rating-beta"]));
    expect(Object.keys(answers)).not.toContain("rating-gamma");
    expect(table.send({ type: "reflection.submit", by: "buyer", answers, at: 101 }).rejection).toBeNull();
    // A supplier has one counterpart, the buyer, and answers the fixed items.
    expect(table.send({ type: "reflection.submit", by: "alpha", answers: reflection(5), at: 102 }).rejection).toBeNull();
  });
});
