import { describe, expect, it } from "vitest";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import type { Component, NegotiationDebrief, SeatDebrief } from "../../shared/scoring/types.js";
import { findSeat, pointsFor } from "../../shared/scenario/points.js";
import {
  PERSONAS,
  TENDER,
  TENDER_BIDS,
  collaborativeSeller,
  fairTender,
  hardballBuyer3pl,
  hardballSeller,
  hardballTenderBuyer,
  honestTcoSeller,
  modelCollaborator,
  priceHaggler,
  principledWalkaway,
  quietIncumbentTender,
  silentSeller,
  spammerSeller,
  tenderRanking,
  withSpam,
  type Persona,
  type Play,
} from "../support/personas.js";

/*
 * Adversarial scoring: distinct negotiator behaviours played through the real
 * machine (tests/support/personas.ts) and scored with the product's scoring.
 * Each test states what a trainer would expect from the debrief. Expected
 * values are computed from the plays' own packages (pointsFor), never copied
 * from a run.
 */

const score = (play: Play): NegotiationDebrief => scoreNegotiation(play.scenario, play.log);
const memo = new Map<Persona, NegotiationDebrief>();
function debriefOf(persona: Persona): NegotiationDebrief {
  let d = memo.get(persona);
  if (!d) memo.set(persona, (d = score(persona())));
  return d;
}
function seatOf(persona: Persona, seat: string): SeatDebrief {
  const d = debriefOf(persona).seats[seat];
  if (!d) throw new Error(`no debrief for ${seat}`);
  return d;
}
const part = (score: { components: Component[] }, id: string): Component | undefined => score.components.find((c) => c.id === id);
const tipIds = (d: SeatDebrief): string[] => d.coaching.tips.map((t) => t.id);

const BEHAVIOURS = ["trust", "valueFraming", "riskCoverage", "styleFit"] as const;

/** The four behaviour scores of a seat. */
function behaviour(d: SeatDebrief): Record<(typeof BEHAVIOURS)[number], number> {
  return {
    trust: d.trust.value,
    valueFraming: d.valueFraming.value,
    riskCoverage: d.risk?.coverage.value ?? NaN,
    styleFit: d.style.fit.value,
  };
}

/** Every behaviour score and every component value of each, keyed "score" and "score/component". */
function behaviourDetail(d: SeatDebrief): Record<string, number> {
  const out: Record<string, number> = { ...behaviour(d) };
  for (const [name, s] of [["trust", d.trust], ["valueFraming", d.valueFraming], ["styleFit", d.style.fit]] as const) {
    for (const c of s.components) out[`${name}/${c.id}`] = c.value;
  }
  return out;
}

describe("the collaborative value seller against the hardball seller and the spammer", () => {
  const collaborative = behaviour(seatOf(collaborativeSeller, "sales"));
  const others = { "hardball seller": hardballSeller, spammer: spammerSeller };

  it("all three reach a deal, the spammer on exactly the collaborative seller's package", () => {
    for (const p of [collaborativeSeller, hardballSeller, spammerSeller]) expect(debriefOf(p).outcome.deal).toBe(true);
    expect(debriefOf(spammerSeller).outcome.agreement?.package).toEqual(debriefOf(collaborativeSeller).outcome.agreement?.package);
  });

  for (const [name, persona] of Object.entries(others)) {
    for (const b of BEHAVIOURS) {
      it(`the collaborative seller's ${b} is at least 10 points above the ${name}'s`, () => {
        const other = behaviour(seatOf(persona, "sales"));
        expect(collaborative[b] - other[b], `collaborative ${collaborative[b]} vs ${name} ${other[b]}`).toBeGreaterThanOrEqual(10);
      });
    }
  }

  it("a seller who sends only content-free moves scores no better than one who said nothing at all", () => {
    const spam = behaviourDetail(seatOf(spammerSeller, "sales"));
    const silent = behaviourDetail(seatOf(silentSeller, "sales"));
    expect(debriefOf(silentSeller).outcome.agreement?.package).toEqual(debriefOf(spammerSeller).outcome.agreement?.package);
    for (const [key, value] of Object.entries(spam)) {
      if (silent[key] === undefined) continue;
      expect(value, key).toBeLessThanOrEqual(silent[key]!);
    }
  });
});

describe("content-free moves never raise a score", () => {
  const cases = Object.entries(PERSONAS).flatMap(([name, persona]) => {
    const seats = Object.keys(debriefOf(persona).seats);
    return [["every seat", "all"] as const, ...seats.map((s) => [s, [s]] as const)].map(([who, spam]) => ({ name, persona, who, spam }));
  });

  it.each(cases)("$name: when $who adds chat \"ok\", \"?\" questions, claims \"x\" and risk notes \"ok\", no seat's score rises", ({ persona, spam }) => {
    const base = debriefOf(persona);
    const spammed = score(withSpam(persona, spam));
    // The same negotiation: same outcome, same packages on the table.
    expect(spammed.outcome.reason).toBe(base.outcome.reason);
    expect(spammed.outcome.agreement?.package).toEqual(base.outcome.agreement?.package);
    for (const [seat, before] of Object.entries(base.seats)) {
      const after = spammed.seats[seat];
      expect(after, seat).toBeDefined();
      const was = behaviourDetail(before);
      const now = behaviourDetail(after!);
      for (const [key, value] of Object.entries(now)) {
        if (was[key] === undefined || Number.isNaN(value)) continue;
        expect(value, `${seat} ${key}`).toBeLessThanOrEqual(was[key]!);
      }
    }
  });
});

describe("no false hardball flags", () => {
  it.each([
    ["the collaborative value seller", collaborativeSeller],
    ["the model collaborator", modelCollaborator],
  ] as const)("%s is not flagged for hardball and gets no hardball tip", (_name, persona) => {
    const sales = seatOf(persona, "sales");
    expect(sales.style.hardball.value, sales.style.hardball.explanation).toBe(0);
    expect(tipIds(sales)).not.toContain("hardball-partnership");
  });

  it("the model collaborator who opens moderately and accepts a fair offer is not told it made few concessions", () => {
    const sales = seatOf(modelCollaborator, "sales");
    expect(debriefOf(modelCollaborator).outcome.reason).toBe("accepted");
    expect(sales.style.hardball.explanation).not.toMatch(/few concessions/i);
    expect(sales.style.hardball.events).toEqual([]);
  });

  it("re-mixing a package without lowering the buyer's points is not a retraction", () => {
    const consistency = part(seatOf(modelCollaborator, "sales").trust, "consistency");
    expect(consistency?.value, consistency?.explanation).toBe(100);
    expect(tipIds(seatOf(modelCollaborator, "sales"))).not.toContain("overclaim-or-retraction");
  });

  it("the hardball buyer in a partnership is flagged (the flag still works)", () => {
    const buyer = seatOf(hardballBuyer3pl, "procurement");
    expect(buyer.style.hardball.value).toBeGreaterThan(0);
    expect(tipIds(buyer)).toContain("hardball-partnership");
  });
});

describe("the principled walk-away", () => {
  const sales = seatOf(principledWalkaway, "sales");

  it("ends the talks without a deal, every offer it received below its BATNA", () => {
    expect(debriefOf(principledWalkaway).outcome).toMatchObject({ deal: false, reason: "walkaway" });
  });

  it("keeps full marks for respecting the process", () => {
    const process = part(sales.trust, "process");
    expect(process?.value, process?.explanation).toBe(100);
  });

  it("is not told it missed the deal zone, and is told the walk-away was right", () => {
    expect(tipIds(sales)).not.toContain("missed-deal-zone");
    expect(tipIds(sales)).toContain("walkaway-right");
  });
});

describe("value framing reads what was said, not keywords", () => {
  it("the keyword-avoiding price haggler frames value worse than the honest TCO seller", () => {
    const haggler = seatOf(priceHaggler, "sales").valueFraming;
    const tco = seatOf(honestTcoSeller, "sales").valueFraming;
    expect(haggler.value, `${haggler.explanation} / ${tco.explanation}`).toBeLessThan(tco.value);
  });

  it("saying \"price is only part of it\" does not lower the TCO share", () => {
    const withLine = part(seatOf(honestTcoSeller, "sales").valueFraming, "tco-share");
    const without = part(seatOf(collaborativeSeller, "sales").valueFraming, "tco-share");
    expect(withLine, "the seller's value framing has a tco-share part").toBeDefined();
    expect(withLine!.value, withLine!.explanation).toBeGreaterThanOrEqual(without!.value);
  });
});

describe("every seat is scored on what its role can do", () => {
  const buyer = seatOf(fairTender, "buyer");

  it("the tender buyer's value framing has no weighted part for asking questions, which it cannot do", () => {
    const questionParts = buyer.valueFraming.components.filter((c) => /question|discover|ask/i.test(`${c.id} ${c.label}`) && (c.weight ?? 0) > 0);
    expect(questionParts.map((c) => c.id)).toEqual([]);
    expect(tipIds(buyer)).not.toContain("discover");
  });

  it("the tender buyer who answered every real clarification question is fully transparent", () => {
    const transparency = part(buyer.trust, "transparency");
    expect(transparency?.value, transparency?.explanation).toBe(100);
  });
});

describe("tips never contradict the outcome", () => {
  const deals = Object.entries(PERSONAS).filter(([, p]) => debriefOf(p).outcome.deal);

  it.each(deals)("%s: no tip predicts a very slim chance of a deal that was reached", (_name, persona) => {
    expect(debriefOf(persona).outcome.deal).toBe(true);
    for (const seat of Object.values(debriefOf(persona).seats)) {
      if (!seat.outcome.deal) continue;
      for (const tip of seat.coaching.tips) expect(tip.text, `${seat.seat} ${tip.id}`).not.toMatch(/very slim chance/i);
    }
  });
});

describe("both sides see the same goal alignment", () => {
  const pairs = Object.entries(PERSONAS).flatMap(([name, persona]) => {
    const d = debriefOf(persona);
    const buyer = Object.values(d.seats).find((s) => s.side === "procurement")!;
    const partner = buyer.outcome.counterpart;
    return partner && d.seats[partner] ? [{ name, persona, a: buyer.seat, b: partner }] : [];
  });

  it.each(pairs)("$name: $a and $b count the same aligned and conflicting objective pairs", ({ persona, a, b }) => {
    const x = seatOf(persona, a).alignment;
    const y = seatOf(persona, b).alignment;
    const count = (al: typeof x, rel: string) => al.pairs.filter((p) => p.relation === rel).length;
    expect(count(x, "aligned")).toBe(count(y, "aligned"));
    expect(count(x, "conflict")).toBe(count(y, "conflict"));
    expect(x.aligned.value, `${x.aligned.explanation} / ${y.aligned.explanation}`).toBe(y.aligned.value);
    expect(x.misaligned.value, `${x.misaligned.explanation} / ${y.misaligned.explanation}`).toBe(y.misaligned.value);
  });
});

describe("the tender debrief tells every seat the truth", () => {
  const d = debriefOf(fairTender);
  const [winner, runnerUp, loser] = tenderRanking();

  it("the buyer awarded the best final bid, so the ranking read from the bids holds", () => {
    expect(d.outcome).toMatchObject({ deal: true, reason: "awarded" });
    expect(d.outcome.agreement?.parties).toEqual(["buyer", winner]);
  });

  it("the winner has a deal, the runner-up the second source, the third bidder no award", () => {
    expect(d.seats[winner!]!.outcome.result).toBe("deal");
    expect(d.seats[runnerUp!]!.outcome.result).toBe("second-source");
    expect(d.seats[loser!]!.outcome.result).toBe("not-awarded");
    expect(d.seats["buyer"]!.outcome.result).toBe("deal");
  });

  it("the runner-up is not told to fall back on its BATNA, and the loser is not told it reached an agreement", () => {
    const second = d.seats[runnerUp!]!.outcome;
    expect(second.headline).toMatch(/second source/i);
    expect(second.ownPoints.explanation).not.toMatch(/fall back on your BATNA/i);
    const third = d.seats[loser!]!.outcome;
    expect(third.headline).not.toMatch(/reached an agreement/i);
  });

  it("the runner-up is scored on its last bid with the share the award leaves", () => {
    const rule = TENDER.secondSource;
    expect(rule, "the tender scenario states its second-source rule").toBeDefined();
    const awarded = d.outcome.agreement!.package[rule!.issue]!;
    const remainder = rule!.remainder[awarded];
    expect(remainder, `the rule leaves a share after a ${awarded} award`).toBeTruthy();
    const pkg = { ...TENDER_BIDS[runnerUp!]![2], [rule!.issue]: remainder! };
    const supplier = findSeat(TENDER, runnerUp!)!;
    const buyer = findSeat(TENDER, "buyer")!;
    expect(d.seats[runnerUp!]!.outcome.ownPoints.value).toBe(pointsFor(supplier, pkg));
    expect(d.seats[runnerUp!]!.outcome.secondSource).toMatchObject({ seat: runnerUp, supplierPoints: pointsFor(supplier, pkg), buyerPoints: pointsFor(buyer, pkg) });
  });

  it("the buyer's debrief lists the bids it received, by supplier, in points for both sides", () => {
    const received = d.seats["buyer"]!.offers.received;
    expect(received, "the buyer gets its bid history").toBeDefined();
    const buyer = findSeat(TENDER, "buyer")!;
    const bySupplier = Object.fromEntries(received!.map((r) => [r.seat, r]));
    expect(Object.keys(bySupplier).sort()).toEqual(Object.keys(TENDER_BIDS).sort());
    for (const [seat, bids] of Object.entries(TENDER_BIDS)) {
      const supplier = findSeat(TENDER, seat)!;
      expect(bySupplier[seat]!.name).toContain(supplier.organisation);
      expect(bySupplier[seat]!.points.map((p) => [p.ownPoints, p.counterpartPoints])).toEqual(bids.map((b) => [pointsFor(buyer, b), pointsFor(supplier, b)]));
    }
  });

  it("the incumbent who bypassed procurement ends with less trust than the bidders who kept to the process", () => {
    const a = d.seats["supplier-a"]!.trust.value;
    expect(d.seats["supplier-b"]!.trust.value - a).toBeGreaterThanOrEqual(10);
    expect(d.seats["supplier-c"]!.trust.value - a).toBeGreaterThanOrEqual(10);
  });

  it("the incumbent's content-free moves earn it nothing over the same tender without them", () => {
    const spam = behaviourDetail(d.seats["supplier-a"]!);
    const quiet = behaviourDetail(seatOf(quietIncumbentTender, "supplier-a"));
    for (const [key, value] of Object.entries(spam)) {
      if (quiet[key] === undefined || Number.isNaN(value)) continue;
      expect(value, key).toBeLessThanOrEqual(quiet[key]!);
    }
  });

  it("a buyer who invents competing bids and tells bidders different things fits the tender style worse than a fair buyer", () => {
    expect(seatOf(hardballTenderBuyer, "buyer").style.fit.value).toBeLessThan(seatOf(fairTender, "buyer").style.fit.value);
  });
});

describe("explanations use names, never seat ids", () => {
  /** Every sentence shown to a trainee: explanations, headlines, captions, tips and reasons for ignored moves. */
  function texts(value: unknown, path: string, out: [string, string][]): [string, string][] {
    if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === "string" && ["explanation", "headline", "caption", "why"].includes(k)) out.push([`${path}.${k}`, v]);
        else if (typeof v === "string" && k === "text" && path.includes("tips")) out.push([`${path}.${k}`, v]);
        else texts(v, `${path}.${k}`, out);
      }
    }
    return out;
  }

  it.each(Object.entries(PERSONAS))("%s: no explanation names a seat by its id", (_name, persona) => {
    const d = debriefOf(persona);
    const found = texts({ seats: d.seats, keyMoments: d.keyMoments, outcome: d.outcome }, "", []).filter(
      ([, t]) => /\((buyer|supplier-[abc]|procurement|sales)\)/.test(t) || /\bsupplier-[abc]\b/.test(t),
    );
    expect(found).toEqual([]);
  });
});
