import { describe, expect, it } from "vitest";
import { mesoTolerance } from "../../shared/negotiation/offers.js";
import { biddableOptions, findSeat, pointsFor } from "../../shared/scenario/points.js";
import type { Package, Scenario, Seat } from "../../shared/scenario/schema.js";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import { mesoInsights } from "../../shared/scoring/meso.js";
import { STRATEGIC, Table } from "../support/personas.js";

/*
 * MESOs played through the real machine on the strategic partnership. The
 * scenario's tables are being revised, so nothing here is hard-coded: the
 * packages are found from the tables (alternatives the seller values within
 * its tolerance of its main package) and every expected figure comes from
 * pointsFor on the scenario's own tables.
 */

const scenario: Scenario = STRATEGIC;
const buyer: Seat = scenario.seats.find((s) => s.side === "procurement")!;
const seller: Seat = scenario.seats.find((s) => s.side === "sales")!;

/** Points of one option on a seat's table, through pointsFor on a one-issue package. */
const step = (seat: Seat, issue: string, option: string | undefined) => pointsFor(seat, option === undefined ? {} : { [issue]: option });

/** The middle biddable option of every issue: a package somewhere in the deal zone. */
function middle(): Package {
  return Object.fromEntries(scenario.issues.map((i) => {
    const options = biddableOptions(i);
    return [i.id, options[Math.floor(options.length / 2)]!.id];
  }));
}

interface Candidate { pkg: Package; changed: string[] }

/** Packages that change two issues of `main`, worth within the seller's tolerance of it to the seller, where the buyer gains on one and gives up on the other. */
function equivalents(main: Package): Candidate[] {
  const tolerance = mesoTolerance(scenario.issues, seller.brief.scoring);
  const base = pointsFor(seller, main);
  const out: Candidate[] = [];
  const issues = scenario.issues;
  for (let i = 0; i < issues.length; i++) {
    for (let j = i + 1; j < issues.length; j++) {
      for (const a of biddableOptions(issues[i]!)) {
        for (const b of biddableOptions(issues[j]!)) {
          if (a.id === main[issues[i]!.id] || b.id === main[issues[j]!.id]) continue;
          const pkg = { ...main, [issues[i]!.id]: a.id, [issues[j]!.id]: b.id };
          if (Math.abs(pointsFor(seller, pkg) - base) > tolerance) continue;
          const di = step(buyer, issues[i]!.id, a.id) - step(buyer, issues[i]!.id, main[issues[i]!.id]);
          const dj = step(buyer, issues[j]!.id, b.id) - step(buyer, issues[j]!.id, main[issues[j]!.id]);
          if (di * dj < 0 && di + dj > 0) out.push({ pkg, changed: [issues[i]!.id, issues[j]!.id] });
        }
      }
    }
  }
  return out;
}

const main = middle();
const found = equivalents(main);
/** The buyer's pick: a mixed trade it gains on overall; the other alternative changes two different issues. */
const chosen = found[0]!;
const other = found.find((c) => c.changed.every((id) => !chosen.changed.includes(id)))!;

const label = (issue: string, option: string | undefined) => {
  const i = scenario.issues.find((x) => x.id === issue)!;
  return `${i.name}: ${i.options.find((o) => o.id === option)!.label}`;
};
const name = (issue: string) => scenario.issues.find((x) => x.id === issue)!.name;
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

/** A partnership table in the proposals phase, with the seller's MESO on it. */
function withMeso(): { table: Table; offer: number } {
  const table = new Table(scenario, [buyer.id, seller.id]);
  while (scenario.phases.find((p) => p.id === table.phase)?.kind !== "negotiation") table.control({ type: "phase.advance", by: "facilitator" });
  const offer = table.move(seller.id, { type: "offer.propose", to: buyer.id, package: main, alternatives: [other.pkg, chosen.pkg], note: "Three ways to the same place: pick the one that suits you" });
  return { table, offer };
}

describe("a MESO on the strategic partnership", () => {
  it("finds packages the seller values alike in the scenario's own tables", () => {
    expect(found.length).toBeGreaterThan(0);
    expect(other).toBeDefined();
  });

  it("is offered, one package accepted, and the debrief names what the choice revealed", () => {
    const { table, offer } = withMeso();
    const accept = table.move(buyer.id, { type: "offer.accept", offer, choice: 2 });
    const log = table.finish();
    const ended = log.find((e) => e.type === "negotiation.ended")!;
    expect((ended.payload.agreement as { package: Package }).package).toEqual(chosen.pkg);

    // Every existing scoring of the agreement reads the chosen package.
    const debrief = scoreNegotiation(scenario, log);
    expect(debrief.seats[buyer.id]!.outcome.ownPoints.value).toBe(pointsFor(buyer, chosen.pkg));
    expect(debrief.seats[seller.id]!.outcome.ownPoints.value).toBe(pointsFor(seller, chosen.pkg));

    const [insight, ...more] = mesoInsights(scenario, log);
    expect(more).toEqual([]);
    expect(insight).toMatchObject({
      seq: offer,
      by: seller.id,
      to: buyer.id,
      packages: [main, other.pkg, chosen.pkg],
      chosen: 2,
      outcome: "accepted",
      points: { proposer: [main, other.pkg, chosen.pkg].map((p) => pointsFor(seller, p)), chooser: [main, other.pkg, chosen.pkg].map((p) => pointsFor(buyer, p)) },
      events: [offer, accept],
    });
    // Both seats' debriefs carry it: the chooser reads what its choice revealed, the proposer what offering a choice did.
    expect(debrief.seats[buyer.id]!.meso).toEqual([insight]);
    expect(debrief.seats[seller.id]!.meso).toEqual([insight]);

    // Chosen against the main package: the two issues it changed, in the scenario's order, on the buyer's table.
    const [x, y] = scenario.issues.map((i) => i.id).filter((id) => chosen.changed.includes(id)) as [string, string];
    const delta = (id: string) => step(buyer, id, chosen.pkg[id]) - step(buyer, id, main[id]);
    const gained = delta(x) > 0 ? x : y;
    const gaveUp = gained === x ? y : x;
    const net = delta(x) + delta(y);
    const B = buyer.organisation;
    const S = seller.organisation;
    const q = (text: string) => `“${text}”`;
    const points = (n: number) => `${n} ${Math.abs(n) === 1 ? "point" : "points"}`;
    expect(insight!.revealed).toContain(
      `${B} chose the package with ${q(label(x, chosen.pkg[x]))} and ${q(label(y, chosen.pkg[y]))} over the one with ${q(label(x, main[x]))} and ${q(label(y, main[y]))}: ` +
        `the choice suggests it puts ${q(name(gained))} above ${q(name(gaveUp))}. ` +
        `On its own table that is ${q(name(x))} ${signed(delta(x))} and ${q(name(y))} ${signed(delta(y))} points, ${signed(net)} ${net === 1 ? "point" : "points"} in all: its own numbers bear the signal out.`,
    );
    const buyerPoints = [main, other.pkg, chosen.pkg].map((p) => pointsFor(buyer, p));
    const best = Math.max(...buyerPoints);
    expect(insight!.revealed).toMatch(
      best === buyerPoints[2]
        ? new RegExp(`Of the three, the package it took was worth the most to it: ${points(best)}`)
        : new RegExp(`Of the three, it did not take its best: .* was worth ${points(best)} to it, the one it took ${buyerPoints[2]}, so it left ${points(best - buyerPoints[2]!)} on the table\\.$`),
    );
    expect(insight!.revealed).toContain("It also chose it, with ");
    expect(insight!.revealed).not.toContain("undefined");

    const sellerPoints = [main, other.pkg, chosen.pkg].map((p) => pointsFor(seller, p));
    const gap = sellerPoints[2]! - sellerPoints[0]!;
    const relative = gap === 0 ? "the same as its main package" : `${Math.abs(gap)} ${gap > 0 ? "above" : "below"} its main package`;
    expect(insight!.forProposer).toContain(
      `${S} offered ${B} 3 packages of about equal value to itself (${sellerPoints[0]}, ${sellerPoints[1]} and ${sellerPoints[2]} points on its own table) instead of one, and let ${B} choose. ` +
        `${B} took alternative 2, worth ${sellerPoints[2]} points to ${S} (${relative}). The choice told ${S} that ${B} puts `,
    );
    expect(insight!.forProposer).toMatch(/without .* conceding anything to find out\.$/);
  });

  it("reports a countered MESO, with nothing chosen", () => {
    const { table, offer } = withMeso();
    const counter = table.move(buyer.id, { type: "offer.propose", to: seller.id, package: chosen.pkg });
    const [insight] = mesoInsights(scenario, [...table.ctx.log]);
    expect(insight).toMatchObject({ seq: offer, outcome: "countered", chosen: null, revealed: null, events: [offer, counter] });
    expect(insight!.forProposer).toContain(`${buyer.organisation} countered with a proposal of its own instead of choosing`);
  });

  it("reports a rejected MESO and points to what every package shared", () => {
    const { table, offer } = withMeso();
    table.move(buyer.id, { type: "offer.reject", offer, reason: "None of these fixes the rate" });
    const [insight] = mesoInsights(scenario, [...table.ctx.log]);
    expect(insight).toMatchObject({ outcome: "rejected", chosen: null, revealed: null });
    const untouched = scenario.issues.filter((i) => !chosen.changed.includes(i.id) && !other.changed.includes(i.id));
    expect(insight!.forProposer).toContain(`${buyer.organisation} rejected all of them (“None of these fixes the rate”).`);
    for (const i of untouched) expect(insight!.forProposer).toContain(label(i.id, main[i.id]));
  });

  it("reports a MESO left open when the talks ended", () => {
    const { table, offer } = withMeso();
    const log = table.finish();
    const [insight] = mesoInsights(scenario, log);
    expect(insight).toMatchObject({ seq: offer, outcome: "open", chosen: null, events: [offer] });
    expect(insight!.forProposer).toContain("had not answered it when the talks ended");
    expect(findSeat(scenario, insight!.to)?.side).toBe("procurement");
  });
});
