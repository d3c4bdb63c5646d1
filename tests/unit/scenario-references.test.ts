import { describe, expect, it } from "vitest";
import { checkReferences, formatPath, type ReferenceProblem } from "../../shared/scenario/references.js";
import type { Scenario, Seat } from "../../shared/scenario/schema.js";
import { loadFixture } from "./scenario-fixtures.js";

const partnership = () => structuredClone(loadFixture("valid-tiny.yaml"));
const tender = () => structuredClone(loadFixture("valid-commodity.yaml"));
const secondSourced = () => structuredClone(loadFixture("valid-second-source.yaml"));

function found(scenario: Scenario, severity: ReferenceProblem["severity"] = "error"): string[] {
  return checkReferences(scenario)
    .filter((p) => p.severity === severity)
    .map((p) => `${formatPath(p.path)}: ${p.message}`);
}

function seat(scenario: Scenario, id: string): Seat {
  const s = scenario.seats.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no seat ${id}`);
  return s;
}

describe("checkReferences", () => {
  it("finds nothing wrong in the valid fixtures", () => {
    expect(checkReferences(partnership())).toEqual([]);
    expect(checkReferences(tender())).toEqual([]);
    expect(checkReferences(secondSourced())).toEqual([]);
  });

  it("rejects duplicate ids in every collection", () => {
    const s = partnership();
    s.issues[0]!.options[1]!.id = "low";
    s.seats[1]!.id = "buyer";
    s.objectives[1]!.id = "cut-cost";
    s.valueLevers.push({ ...s.valueLevers[0]! });
    s.risks.push({ ...s.risks[0]! });
    s.phases[1]!.id = "prepare";
    s.seats[0]!.brief.privateFacts.push({ ...s.seats[0]!.brief.privateFacts[0]! });
    expect(found(s)).toEqual(expect.arrayContaining([
      `issues[0].options[1].id: option (of issue "price") id "low" is used twice (first at issues[0].options[0])`,
      `seats[1].id: seat id "buyer" is used twice (first at seats[0])`,
      `seats[0].brief.privateFacts[1].id: private fact (of seat "buyer") id "budget-cut" is used twice (first at seats[0].brief.privateFacts[0])`,
      `objectives[1].id: objective id "cut-cost" is used twice (first at objectives[0])`,
      `valueLevers[1].id: value lever id "fewer-breakdowns" is used twice (first at valueLevers[0])`,
      `risks[1].id: risk id "contractor-exit" is used twice (first at risks[0])`,
      `phases[1].id: phase id "prepare" is used twice (first at phases[0])`,
    ]));
  });

  it("requires every seat to score every issue, and nothing else", () => {
    const s = partnership();
    delete seat(s, "buyer").brief.scoring.term;
    seat(s, "supplier").brief.scoring["warranty"] = { long: 5 };
    expect(found(s)).toEqual([
      `seats[0].brief.scoring: seat "buyer" does not score issue "term": give points for each of its options`,
      `seats[1].brief.scoring.warranty: unknown issue "warranty" (known: price, term)`,
    ]);
  });

  it("rejects deal terms naming options an issue does not have", () => {
    const s = partnership();
    s.objectives[0]!.servedBy = [{ issue: "price", options: ["cheap"] }];
    s.valueLevers[0]!.realisedBy = [{ issue: "term", options: ["five-year"] }];
    s.risks[0]!.mitigatedBy = [{ issue: "term", options: ["two-years"] }];
    expect(found(s)).toEqual([
      `objectives[0].servedBy[0].options[0]: "cheap" is not an option of issue "price" (known: low, mid, high)`,
      `valueLevers[0].realisedBy[0].options[0]: "five-year" is not an option of issue "term" — did you mean "one-year"?`,
      `risks[0].mitigatedBy[0].options[0]: "two-years" is not an option of issue "term" — did you mean "two-year"?`,
    ]);
  });

  it("checks alignments pair an existing procurement objective with an existing sales one, once", () => {
    const s = partnership();
    s.alignments.push({ objectives: ["plan-technicians", "reliable-service"], relation: "aligned" });
    s.alignments.push({ objectives: ["cut-cost", "nobody"], relation: "conflict" });
    s.alignments.push({ objectives: ["long-contract", "keep-margin"], relation: "aligned" });
    expect(found(s)).toEqual([
      "alignments[2].objectives: the pair plan-technicians + reliable-service is already listed at alignments[0]",
      `alignments[3].objectives[1]: unknown objective "nobody" (known: cut-cost, keep-flexibility, reliable-service, long-contract, keep-margin, plan-technicians)`,
      "alignments[4].objectives: pairs two sales objectives; an alignment pairs one procurement and one sales objective",
    ]);
  });

  it("checks value levers name real seats and objectives and an honest figure range", () => {
    const s = partnership();
    s.valueLevers[0]!.knownTo = ["supplier", "facilitator"];
    s.valueLevers[0]!.servesObjectives = ["reliable-servce"];
    s.valueLevers[0]!.figure = { low: 30, high: 20, unit: "%" };
    expect(found(s)).toEqual([
      `valueLevers[0].knownTo[1]: unknown seat "facilitator" (known: buyer, supplier)`,
      `valueLevers[0].servesObjectives[0]: unknown objective "reliable-servce" — did you mean "reliable-service"?`,
      "valueLevers[0].figure: figure.low (30) is above figure.high (20)",
    ]);
  });

  it("requires exactly one procurement seat, which cannot be optional", () => {
    const none = partnership();
    seat(none, "buyer").side = "sales";
    expect(found(none)).toContain("seats: a scenario needs exactly one procurement seat; found 0");
    const optional = partnership();
    seat(optional, "buyer").optional = true;
    expect(found(optional)).toEqual([`seats[0].optional: the procurement seat "buyer" cannot be optional: there is no negotiation without the buyer`]);
  });

  it("keeps seat ids clear of the names the event log reserves", () => {
    const s = partnership();
    seat(s, "supplier").id = "system";
    s.valueLevers[0]!.knownTo = ["system"];
    expect(found(s)).toEqual([`seats[1].id: "system" is reserved for the event log; choose another seat id`]);
  });

  it("requires a commodity bid to have 2 to 4 suppliers, at least 2 of them required", () => {
    const few = tender();
    few.seats = few.seats.filter((s) => s.id !== "woodco" && s.id !== "palletpro");
    expect(found(few)).toEqual([
      "seats: a commodity bid needs 2 to 4 supplier (sales) seats; found 1",
      "seats: a commodity bid needs at least 2 supplier seats that are not optional, so there is always competition; found 0",
    ]);
    const many = tender();
    many.seats.push({ ...seat(many, "woodco"), id: "extra-1" }, { ...seat(many, "woodco"), id: "extra-2" });
    expect(found(many)).toEqual(["seats: a commodity bid needs 2 to 4 supplier (sales) seats; found 5"]);
    const optional = tender();
    seat(optional, "palletpro").optional = true;
    expect(found(optional)).toEqual(["seats: a commodity bid needs at least 2 supplier seats that are not optional, so there is always competition; found 1"]);
  });

  it("requires a commodity bid to have sealed bids and an award after the last of them", () => {
    const noBids = tender();
    noBids.phases = noBids.phases.filter((p) => p.kind !== "sealed-bid" && p.kind !== "award");
    expect(found(noBids)).toEqual(["phases: a commodity bid needs at least one sealed-bid phase", "phases: a commodity bid needs an award phase"]);
    const early = tender();
    const award = early.phases.splice(4, 1)[0]!;
    early.phases.splice(3, 0, award);
    expect(found(early)).toEqual([`phases[3].kind: the award phase must come after the last sealed-bid phase ("bafo")`]);
  });

  it("warns when a commodity bid has no specification to issue with the RFQ", () => {
    const s = tender();
    delete s.spec;
    expect(found(s, "warning")).toEqual(["spec: a commodity bid has no spec: the RFQ will be issued without a specification"]);
  });

  it("requires a strategic partnership to have one required supplier and a negotiation phase", () => {
    const s = partnership();
    seat(s, "supplier").optional = true;
    s.phases = s.phases.filter((p) => p.kind !== "negotiation");
    expect(found(s)).toEqual([
      `seats[1].optional: the only supplier seat "supplier" cannot be optional`,
      "phases: a strategic partnership needs at least one negotiation phase",
    ]);
    const bids = partnership();
    bids.phases.splice(2, 0, { id: "bids", kind: "sealed-bid", title: "Bids", minutes: 5 });
    expect(found(bids, "warning")).toEqual(["phases[2].kind: a sealed-bid phase belongs to a commodity bid, not a strategic partnership"]);
  });

  it("requires enough objectives on each side for the three-objectives exercise", () => {
    const s = partnership();
    s.objectives = s.objectives.filter((o) => o.id !== "long-contract");
    s.alignments = [];
    expect(found(s)).toEqual(["objectives: the sales side needs at least 3 objectives to choose from (objectivesPerSide is 3); found 2"]);
    s.objectivesPerSide = 2;
    expect(found(s)).toEqual([]);
  });

  it("requires exactly one reflection phase, placed last", () => {
    const none = partnership();
    none.phases.pop();
    expect(found(none)).toEqual(["phases: a scenario needs exactly one reflection phase (the short survey before the debrief); found 0"]);
    const two = partnership();
    two.phases.push({ ...two.phases[3]!, id: "reflect-again" });
    expect(found(two)).toEqual(["phases: a scenario needs exactly one reflection phase (the short survey before the debrief); found 2"]);
  });

  it("only lets a phase override give a side moves that side can make, in the right kind of phase", () => {
    const s = partnership();
    s.phases[2]!.moves = { sales: ["phase.ready", "award.make", "bid.submit"], procurement: ["chat.send"] };
    expect(found(s)).toEqual([
      `phases[2].moves.sales[1]: "award.make" is never a sales move`,
      `phases[2].moves.sales[2]: "bid.submit" can only be made in a sealed-bid phase, not in a negotiation phase`,
    ]);
    expect(found(s, "warning")).toEqual([
      `phases[2].moves.procurement: without "phase.ready" the procurement side can never say it is ready: the phase ends only on time or by the facilitator`,
    ]);
  });

  it("does not warn about readiness for suppliers when the buyer alone closes the phase", () => {
    const s = tender();
    s.phases[2]!.moves = { sales: ["bid.submit"] };
    expect(checkReferences(s)).toEqual([]);
  });

  it("requires a risk's concrete mitigations to have distinct ids", () => {
    const s = secondSourced();
    s.risks[1]!.mitigations[1]!.id = "index-clause";
    expect(found(s)).toEqual([
      `risks[1].mitigations[1].id: mitigation (of risk "below-cost") id "index-clause" is used twice (first at risks[1].mitigations[0])`,
    ]);
  });

  it("requires an issue's words to be phrases, and warns about one listed twice", () => {
    const s = secondSourced();
    s.issues[0]!.words = ["discount", "  ", "Discount"];
    expect(found(s)).toEqual([`issues[0].words[1]: a word of issue "price" is empty: write a phrase players would use for it (e.g. "discount")`]);
    expect(found(s, "warning")).toEqual([`issues[0].words[2]: "Discount" is already listed at issues[0].words[0]`]);
  });

  it("checks the second-source rule names a real issue, its award options and their remainders", () => {
    const unknownIssue = secondSourced();
    unknownIssue.secondSource!.issue = "shares";
    expect(found(unknownIssue)).toEqual([
      `issues[1].options[0].secondSourceOnly: option "share-20" of issue "share" is marked secondSourceOnly, but the second source is carried by issue "shares"; only that issue's runner-up share may be marked`,
      `secondSource.issue: unknown issue "shares" — did you mean "share"?`,
    ]);
    const s = secondSourced();
    s.secondSource!.remainder = { "share-20": null, "share-60": "share-40", "share-80": "share-20", "share-100": null, "share-50": "share-20" };
    expect(found(s)).toEqual([
      `secondSource.remainder.share-20: "share-20" is a second-source share (secondSourceOnly), which no award can carry; key the remainder by the options a bid can name`,
      `secondSource.remainder.share-60: "share-40" is not an option of issue "share" — did you mean "share-20"?`,
      `secondSource.remainder.share-50: "share-50" is not an option of issue "share" — did you mean "share-20"?`,
    ]);
  });

  it("warns when an option the award can carry has no remainder entry", () => {
    const s = secondSourced();
    delete s.secondSource!.remainder["share-80"];
    expect(found(s)).toEqual([]);
    expect(found(s, "warning")).toEqual([
      `secondSource.remainder: option "share-80" of issue "share" has no remainder entry: say which option the runner-up gets when the award carries it (null when nothing is left)`,
    ]);
  });

  it("keeps second sources to commodity bids and second-source shares to the second-source issue", () => {
    const s = partnership();
    s.secondSource = { issue: "term", remainder: { "one-year": null } };
    expect(found(s)).toEqual([
      `secondSource: a second source belongs to a commodity bid, where the runner-up of the sealed rounds can take the rest of the volume; a strategic-partnership has one supplier, so remove "secondSource"`,
    ]);
    const stray = secondSourced();
    stray.issues[0]!.options[2]!.secondSourceOnly = true;
    delete stray.secondSource;
    expect(found(stray)).toEqual([
      `issues[0].options[2].secondSourceOnly: option "p100" of issue "price" is marked secondSourceOnly, but the scenario has no secondSource rule; only that issue's runner-up share may be marked`,
      `issues[1].options[0].secondSourceOnly: option "share-20" of issue "share" is marked secondSourceOnly, but the scenario has no secondSource rule; only that issue's runner-up share may be marked`,
    ]);
  });

  it("requires two options a bid can name on every issue", () => {
    const s = secondSourced();
    for (const option of s.issues[1]!.options.slice(1, 3)) option.secondSourceOnly = true;
    expect(found(s)).toEqual(expect.arrayContaining([
      `issues[1].options: issue "share" needs at least two options a bid or offer can name; found 1 besides its second-source share`,
    ]));
  });

  it("requires a money table to value every issue and option, and nothing else", () => {
    const s = structuredClone(loadFixture("money-contradiction.yaml"));
    expect(checkReferences(s)).toEqual([]);
    const money = seat(s, "buyer").brief.money!;
    delete money.options["case-programme"];
    delete money.options["unit-price"]!["eur-420"];
    money.options["unit-price"]!["eur-400"] = 1;
    money.options["lead-time"] = { "days-5": 0 };
    expect(found(s)).toEqual([
      `seats[0].brief.money.options.unit-price: seat "buyer" puts no money on option(s) "eur-420" of issue "unit-price"`,
      `seats[0].brief.money.options.unit-price.eur-400: "eur-400" is not an option of issue "unit-price" — did you mean "eur-405"?`,
      `seats[0].brief.money.options: seat "buyer" puts no money on issue "case-programme": value each of its options (0 for today's terms)`,
      `seats[0].brief.money.options.lead-time: unknown issue "lead-time" (known: unit-price, volume-share, case-programme)`,
    ]);
  });

  it("warns when the seats of one side count money in different units", () => {
    const s = structuredClone(loadFixture("money-contradiction.yaml"));
    seat(s, "boxco").brief.money = { unit: "USD per year", options: structuredClone(seat(s, "foldwise").brief.money!.options) };
    expect(found(s, "warning")).toEqual([`seats[2].brief.money.unit: the sales seats use different money units ("USD per year", "EUR per year"): thresholds, lever worth and the year-later figures are in one unit per side`]);
  });

  it("requires money wherever a threshold, a lever's worth, a risk's cost or a renewal figure is counted", () => {
    const s = structuredClone(loadFixture("money-contradiction.yaml"));
    s.objectives.push({ id: "margin-money", side: "sales", label: "Keep €300 k of margin", servedBy: [], threshold: { atLeast: 300_000, label: "€300 k" } });
    s.valueLevers[0]!.worth = { side: "sales", low: 900, high: 100 };
    s.valueLevers[0]!.knownTo = ["boxco"];
    s.risks[0]!.bites = { chance: 0.2, cost: { procurement: 400_000, sales: 100_000 }, what: "The lines stop for three days." };
    s.risks[2]!.bites = { chance: 0.1, cost: {}, what: "Artwork leaks before launch." };
    s.yearLater = { renewal: { sales: { extended: 100, expanded: 50, retendered: 0 } } };
    expect(found(s)).toEqual([
      `objectives[6].threshold: the threshold of objective "margin-money" is in the sales side's money, but seat(s) "boxco" have no money table (brief.money)`,
      "valueLevers[0].worth: worth.low (900) is above worth.high (100)",
      `valueLevers[0].worth: lever "pallet-fit" is worth money to the sales side, but seat(s) "boxco" have no money table (brief.money) to check it against`,
      `risks[0].bites.cost.sales: the cost of risk "outage" is in the sales side's money, but seat(s) "boxco" have no money table (brief.money)`,
      `risks[2].bites.cost: risk "artwork" bites nobody: give its cost to procurement, sales or both`,
      `yearLater.renewal.sales: the renewal figures for sales is in the sales side's money, but seat(s) "boxco" have no money table (brief.money)`,
    ]);
    expect(found(s, "warning")).toEqual([
      `risks[2].bites: risk "artwork" bites, but lists no deal terms (mitigatedBy) and no mitigations, so only answering it at the table can avert it`,
      `yearLater: the year-later view plays a strategic partnership forward; a commodity-bid has no renewal to decide, so "yearLater" is ignored`,
      `yearLater.renewal.sales: for the supplier, expanded (50) ≥ extended (100) ≥ retendered (0) should hold: losing the contract cannot be worth more than keeping it`,
    ]);
  });

  it("counts an objective with a money threshold and no deal terms as servable, and teaching notes as optional", () => {
    const s = structuredClone(loadFixture("money-lever-nothing.yaml"));
    expect(checkReferences(s)).toEqual([]);
    expect(s.teachingNotes).toBeUndefined();
    s.objectives[0]!.threshold!.atLeast = 0;
    expect(found(s, "warning")).toEqual([`objectives[0].threshold.atLeast: objective "cut-cost" is served by an agreement worth 0 or more: today's terms (0) already serve it; a threshold is a gain against today's terms`]);
  });

  it("skips checks that read a section which failed to parse, instead of cascading", () => {
    const s = partnership();
    s.seats = [];
    expect(checkReferences(s, new Set(["seats"]))).toEqual([]);
    expect(found(s)).toContain("seats: a scenario needs exactly one procurement seat; found 0");
  });
});
