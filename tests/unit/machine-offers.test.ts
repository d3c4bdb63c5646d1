import { describe, expect, it } from "vitest";
import { MINUTE, PACKAGES, partnership } from "../fixtures/machine/scenarios.js";
import { entriesOf, seated, type Table } from "../fixtures/machine/table.js";
import { reflection } from "../fixtures/machine/reflection.js";

/** Partnership in the Proposals phase (started at 10 by the facilitator). */
function inProposals(): Table {
  const table = seated(partnership, ["buyer", "seller"]);
  for (let at = 1; table.state() !== "proposals"; at++) table.send({ type: "phase.advance", by: "facilitator", at: at * 10 });
  return table;
}

function propose(table: Table, by: string, to: string, pkg: Record<string, string>, at: number): number {
  const result = table.send({ type: "offer.propose", by, to, package: pkg, at });
  if (result.rejection) throw new Error(result.rejection.message);
  return result.entries[0]!.seq;
}

describe("proposals", () => {
  it("needs a complete package of real options, addressed to one counterpart", () => {
    const table = inProposals();
    const partial = table.send({ type: "offer.propose", by: "buyer", to: "seller", package: { price: "low" }, at: 100 }).rejection;
    expect(partial).toMatchObject({ code: "invalid-package", message: 'Fix the package: no option chosen for "Term".' });
    const bogus = table.send({ type: "offer.propose", by: "buyer", to: "seller", package: { price: "free", term: "long" }, at: 101 }).rejection;
    expect(bogus?.message).toContain('"free" is not an option of "Price"');
    expect(table.send({ type: "offer.propose", by: "buyer", to: "buyer", package: PACKAGES.best, at: 102 }).rejection?.code).toBe("invalid-recipient");
    const made = table.send({ type: "offer.propose", by: "buyer", to: "seller", package: PACKAGES.best, note: "Opening", at: 103 }).entries[0];
    expect(made).toMatchObject({ audience: ["buyer", "seller"], payload: { to: "seller", package: PACKAGES.best, note: "Opening" } });
  });

  it("accepts only an existing offer addressed to the accepting seat", () => {
    const table = inProposals();
    const offer = propose(table, "buyer", "seller", PACKAGES.best, 100);
    expect(table.send({ type: "offer.accept", by: "seller", offer: 999, at: 101 }).rejection?.code).toBe("offer-not-found");
    expect(table.send({ type: "offer.accept", by: "seller", offer: offer - 1, at: 102 }).rejection?.code).toBe("offer-not-found");
    const own = table.send({ type: "offer.accept", by: "buyer", offer, at: 103 }).rejection;
    expect(own?.code).toBe("offer-not-for-you");
    expect(table.snapshot().can({ type: "offer.accept", by: "seller", offer, at: 104 })).toBe(true);
  });

  it("lets a counter-offer supersede the earlier one in both directions, pointing to the latest", () => {
    const table = inProposals();
    const first = propose(table, "buyer", "seller", PACKAGES.best, 100);
    const counter = propose(table, "seller", "buyer", PACKAGES.poor, 101);
    const stale = table.send({ type: "offer.accept", by: "seller", offer: first, at: 102 }).rejection;
    expect(stale).toMatchObject({ code: "offer-superseded", message: "That offer has been replaced by a newer one; your own newer offer is on the table." });
    const revised = propose(table, "buyer", "seller", PACKAGES.good, 103);
    expect(table.snapshot().can({ type: "offer.accept", by: "buyer", offer: counter, at: 104 })).toBe(false);
    const superseded = table.send({ type: "offer.accept", by: "buyer", offer: counter, at: 104 }).rejection;
    expect(superseded).toMatchObject({ code: "offer-superseded", message: "That offer has been replaced by a newer one; your own newer offer is on the table." });
    expect(table.ctx().openOffers).toEqual([{ seq: revised, from: "buyer", to: "seller" }]);
  });

  it("turns an accepted offer into the agreement and jumps to reflection", () => {
    const table = inProposals();
    const offer = propose(table, "seller", "buyer", PACKAGES.good, 100);
    const accepted = table.send({ type: "offer.accept", by: "buyer", offer, at: 200 });
    expect(accepted.entries.map((e) => [e.type, e.at, e.phase])).toEqual([
      ["offer.accept", 200, "proposals"],
      ["negotiation.ended", 200, "proposals"],
      ["phase.started", 200, "reflection"],
    ]);
    expect(accepted.entries[0]).toMatchObject({ audience: ["buyer", "seller"], payload: { offer, package: PACKAGES.good, parties: ["buyer", "seller"] } });
    const agreement = { parties: ["buyer", "seller"], package: PACKAGES.good, source: offer };
    expect(accepted.entries[1]?.payload).toEqual({ outcome: "deal", reason: "accepted", agreement });
    expect(table.state()).toBe("reflection");
    expect(table.ctx().agreement).toEqual(agreement);
    expect(table.ctx().phaseEndsAt).toBe(200 + 5 * MINUTE);
  });

  it("closes a rejected offer, which then can no longer be accepted", () => {
    const table = inProposals();
    const offer = propose(table, "buyer", "seller", PACKAGES.best, 100);
    expect(table.send({ type: "offer.reject", by: "seller", offer, reason: "", at: 101 }).rejection?.code).toBe("invalid-input");
    const rejected = table.send({ type: "offer.reject", by: "seller", offer, reason: "Below cost", at: 102 }).entries[0];
    expect(rejected).toMatchObject({ audience: ["seller", "buyer"], payload: { offer, reason: "Below cost" } });
    const closed = table.send({ type: "offer.accept", by: "seller", offer, at: 103 }).rejection;
    expect(closed).toMatchObject({ code: "offer-superseded", message: "That offer is no longer open; make a new proposal instead." });
  });
});

describe("the end of the talks", () => {
  it("ends a two-party negotiation when either side walks away", () => {
    const table = inProposals();
    const walked = table.send({ type: "walkaway", by: "seller", reason: "No margin left", at: 100 });
    expect(walked.entries.map((e) => e.type)).toEqual(["walkaway", "negotiation.ended", "phase.started"]);
    expect(walked.entries[0]?.audience).toBe("all");
    expect(walked.entries[1]?.payload).toEqual({ outcome: "no-deal", reason: "walkaway", agreement: null });
    expect(table.state()).toBe("reflection");
  });

  it("answers every move after the end with negotiation-over, except the reflection survey", () => {
    const table = inProposals();
    table.send({ type: "walkaway", by: "seller", reason: "No margin left", at: 100 });
    const chat = table.send({ type: "chat.send", by: "buyer", text: "Wait!", at: 101 }).rejection;
    expect(chat).toMatchObject({ code: "negotiation-over", message: "The negotiation has ended; submit your reflection survey." });
    expect(table.send({ type: "offer.propose", by: "buyer", to: "seller", package: PACKAGES.best, at: 102 }).rejection?.code).toBe("negotiation-over");
  });

  it("ends the talks when the facilitator ends the session, and the session itself from reflection", () => {
    const table = inProposals();
    table.send({ type: "session.end", by: "facilitator", reason: "Time for plenary", at: 100 });
    expect(table.state()).toBe("reflection");
    expect(entriesOf(table, "negotiation.ended")[0]?.payload.reason).toBe("ended-by-facilitator");
    table.send({ type: "session.end", by: "facilitator", reason: "Plenary now", at: 200 });
    expect(table.state()).toBe("debrief");
    expect(entriesOf(table, "negotiation.ended")).toHaveLength(1);
  });

  it("reports no deal when the facilitator moves past the last deal-making phase", () => {
    const table = inProposals();
    table.send({ type: "phase.advance", by: "facilitator", at: 100 });
    expect(entriesOf(table, "negotiation.ended")[0]?.payload).toEqual({ outcome: "no-deal", reason: "timeout", agreement: null });
  });
});

describe("reflection", () => {
  it("takes one private survey per seat and opens the debrief when everyone has answered", () => {
    const table = inProposals();
    table.send({ type: "walkaway", by: "seller", reason: "No margin left", at: 100 });
    expect(table.send({ type: "reflection.submit", by: "buyer", answers: { trust: [1] } as never, at: 101 }).rejection?.code).toBe("invalid-input");
    const mine = table.send({ type: "reflection.submit", by: "buyer", answers: reflection(2, "tough"), at: 102 }).entries[0];
    expect(mine).toMatchObject({ audience: ["buyer"], payload: { answers: reflection(2, "tough") } });
    expect(table.send({ type: "reflection.submit", by: "buyer", answers: reflection(3), at: 103 }).rejection?.code).toBe("already-done");
    expect(table.state()).toBe("reflection");
    table.send({ type: "reflection.submit", by: "seller", answers: reflection(4), at: 104 });
    expect(table.state()).toBe("debrief");
    expect(table.snapshot().status).toBe("done");
    expect(entriesOf(table, "phase.started").at(-1)).toMatchObject({ at: 104, payload: { phase: "debrief", endsAt: null } });
  });
});
