import { describe, expect, it } from "vitest";
import { mesoTolerance } from "../../shared/negotiation/offers.js";
import { pointsFor } from "../../shared/scenario/points.js";
import { ScenarioSchema, type Scenario } from "../../shared/scenario/schema.js";
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

/**
 * The partnership with four issues, so the seller has packages of equal value
 * to itself: its range is 40 + 15 + 15 + 15 = 85 points, so its MESO
 * tolerance is 5 % of 85 = 4.25, rounded to 4 points.
 */
const wide: Scenario = ScenarioSchema.parse({
  ...partnership,
  id: "tiny-meso",
  issues: [
    ...partnership.issues,
    { id: "support", name: "Support", options: [{ id: "basic", label: "Basic" }, { id: "premium", label: "Premium" }] },
    { id: "delivery", name: "Delivery", options: [{ id: "weekly", label: "Weekly" }, { id: "monthly", label: "Monthly" }] },
  ],
  seats: partnership.seats.map((seat) => ({
    ...seat,
    brief: {
      ...seat.brief,
      scoring: seat.side === "procurement"
        ? { price: { low: 40, high: 0 }, term: { short: 10, long: 20 }, support: { basic: 0, premium: 12 }, delivery: { weekly: 8, monthly: 0 } }
        : { price: { low: 0, high: 40 }, term: { short: 20, long: 5 }, support: { basic: 15, premium: 0 }, delivery: { weekly: 0, monthly: 15 } },
    },
  })),
});

/** Three packages worth 60 points each to the seller (30, 28 and 32 to the buyer), and one worth 35 to it. */
const MESO = {
  main: { price: "high", term: "short", support: "premium", delivery: "weekly" },
  one: { price: "high", term: "long", support: "basic", delivery: "weekly" },
  two: { price: "high", term: "long", support: "premium", delivery: "monthly" },
  cheap: { price: "low", term: "short", support: "basic", delivery: "weekly" },
};

function wideInProposals(): Table {
  const table = seated(wide, ["buyer", "seller"]);
  for (let at = 1; table.state() !== "proposals"; at++) table.send({ type: "phase.advance", by: "facilitator", at: at * 10 });
  return table;
}

function proposeMeso(table: Table, alternatives: Record<string, string>[], at: number, extra: { final?: boolean } = {}): number {
  const result = table.send({ type: "offer.propose", by: "seller", to: "buyer", package: MESO.main, alternatives, at, ...extra });
  if (result.rejection) throw new Error(result.rejection.message);
  return result.entries[0]!.seq;
}

describe("multiple equivalent offers (MESO)", () => {
  const seller = wide.seats.find((s) => s.id === "seller")!;

  it("judges equivalence on the proposer's own table: 5 % of its points range, rounded, at least 2", () => {
    expect(mesoTolerance(wide.issues, seller.brief.scoring)).toBe(4);
    expect(mesoTolerance(partnership.issues, partnership.seats[0]!.brief.scoring)).toBe(3); // 5 % of 50 = 2.5 → 3
    expect([MESO.main, MESO.one, MESO.two].map((p) => pointsFor(seller, p))).toEqual([60, 60, 60]);
  });

  it("logs the alternatives, and turns the chosen one into the agreement", () => {
    const table = wideInProposals();
    const offer = proposeMeso(table, [MESO.one, MESO.two], 100, { final: true });
    expect(entriesOf(table, "offer.propose")[0]?.payload).toMatchObject({ package: MESO.main, alternatives: [MESO.one, MESO.two], final: true });
    const accepted = table.send({ type: "offer.accept", by: "buyer", offer, choice: 2, at: 200 });
    expect(accepted.rejection).toBeNull();
    expect(accepted.entries[0]).toMatchObject({ type: "offer.accept", payload: { offer, choice: 2, package: MESO.two, parties: ["buyer", "seller"] } });
    const agreement = { parties: ["buyer", "seller"], package: MESO.two, source: offer };
    expect(accepted.entries[1]?.payload).toEqual({ outcome: "deal", reason: "accepted", agreement });
    expect(table.ctx().agreement).toEqual(agreement);
  });

  it("accepts the main package of a MESO without a choice, and a plain offer with choice 0", () => {
    const table = wideInProposals();
    const offer = proposeMeso(table, [MESO.one], 100);
    const accepted = table.send({ type: "offer.accept", by: "buyer", offer, at: 200 });
    expect(accepted.entries[0]?.payload).toMatchObject({ choice: 0, package: MESO.main });
    const plain = inProposals();
    const single = propose(plain, "buyer", "seller", PACKAGES.good, 100);
    const taken = plain.send({ type: "offer.accept", by: "seller", offer: single, choice: 0, at: 200 });
    expect(taken.rejection).toBeNull();
    expect(taken.entries[0]?.payload).not.toHaveProperty("choice");
  });

  it("refuses alternatives not of about equal value to the proposer, naming only its own points", () => {
    const table = wideInProposals();
    const refused = table.send({ type: "offer.propose", by: "seller", to: "buyer", package: MESO.main, alternatives: [MESO.one, MESO.cheap], at: 100 }).rejection;
    expect(refused).toMatchObject({
      code: "invalid-package",
      message:
        "The packages of a multiple equivalent offer must be worth about the same to you: each alternative within 4 points of your main package on your own scoring " +
        "(5 % of your 85-point range, rounded, at least 2). Your main package is worth 60 points to you, alternative 1 is worth 60 and alternative 2 is worth 35 (25 below). " +
        "Bring alternative 2 to between 56 and 64 points, or propose it on its own.",
    });
    // The buyer's own points for the refused package appear nowhere in the seller's rejection.
    const buyer = wide.seats.find((s) => s.id === "buyer")!;
    expect(pointsFor(buyer, MESO.cheap)).toBe(58);
    expect(refused?.message).not.toContain("58");
    expect(entriesOf(table, "offer.propose")).toHaveLength(0);
  });

  it("refuses duplicate packages, incomplete alternatives and runner-up-only options in them", () => {
    const table = wideInProposals();
    const same = table.send({ type: "offer.propose", by: "seller", to: "buyer", package: MESO.main, alternatives: [{ ...MESO.main }], at: 100 }).rejection;
    expect(same).toMatchObject({ code: "invalid-package", message: "Alternative 1 is the same package as your main package; each package must differ in at least one term." });
    const twins = table.send({ type: "offer.propose", by: "seller", to: "buyer", package: MESO.main, alternatives: [MESO.one, MESO.one], at: 101 }).rejection;
    expect(twins?.message).toBe("Alternatives 1 and 2 are the same package; each package must differ in at least one term.");
    const partial = table.send({ type: "offer.propose", by: "seller", to: "buyer", package: MESO.main, alternatives: [{ price: "high" }], at: 102 }).rejection;
    expect(partial).toMatchObject({ code: "invalid-package", message: 'Alternative 1: fix the package: no option chosen for "Term"; no option chosen for "Support"; no option chosen for "Delivery".' });
    const none = table.send({ type: "offer.propose", by: "seller", to: "buyer", package: MESO.main, alternatives: [], at: 103 }).rejection;
    expect(none).toMatchObject({ code: "invalid-input", message: "Offer one or two equivalent alternatives beside your main package, or none." });
  });

  it("refuses a choice on a plain offer, and one out of range on a MESO", () => {
    const plain = inProposals();
    const single = propose(plain, "buyer", "seller", PACKAGES.good, 100);
    const onPlain = plain.send({ type: "offer.accept", by: "seller", offer: single, choice: 1, at: 101 }).rejection;
    expect(onPlain).toMatchObject({ code: "invalid-input", message: "That offer is a single package, not a choice of packages; accept it as it stands." });
    expect(plain.snapshot().can({ type: "offer.accept", by: "seller", offer: single, choice: 1, at: 102 })).toBe(false);
    const table = wideInProposals();
    const offer = proposeMeso(table, [MESO.one], 100);
    const beyond = table.send({ type: "offer.accept", by: "buyer", offer, choice: 2, at: 101 }).rejection;
    expect(beyond).toMatchObject({ code: "invalid-input", message: "That offer puts 2 packages on the table; choose 0 (the main package) or 1 (the alternative)." });
    expect(table.ctx().agreement).toBeNull();
  });

  it("lets a counter-proposal replace an open MESO, and a rejection close all of its packages", () => {
    const table = wideInProposals();
    const offer = proposeMeso(table, [MESO.one, MESO.two], 100);
    const counter = propose(table, "buyer", "seller", MESO.cheap, 101);
    expect(table.ctx().openOffers).toEqual([{ seq: counter, from: "buyer", to: "seller" }]);
    const stale = table.send({ type: "offer.accept", by: "buyer", offer, choice: 1, at: 102 }).rejection;
    expect(stale?.code).toBe("offer-superseded");
    const again = proposeMeso(table, [MESO.one, MESO.two], 103);
    table.send({ type: "offer.reject", by: "buyer", offer: again, reason: "None of these works on price", at: 104 });
    expect(table.ctx().openOffers).toEqual([]);
    expect(table.send({ type: "offer.accept", by: "buyer", offer: again, choice: 2, at: 105 }).rejection?.code).toBe("offer-superseded");
  });
});
