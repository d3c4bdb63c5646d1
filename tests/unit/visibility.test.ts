import { describe, expect, it } from "vitest";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { Transcript } from "../../shared/negotiation/transcript.js";
import {
  ANONYMOUS, archiveFor, canSee, joinInfo, knowsBidCount, knowsWithdrawal, privateBrief, projectEntry, publicScenario, readableBriefs, readablePlans, readableTeachingNotes,
  seatDebrief, seatViewer, TRAINER, type Stage, type Viewer,
} from "../../shared/negotiation/visibility.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import { loadScenario } from "../support/scenarios.js";

const tender = loadScenario("commodity-corrugated.yaml");
const pair = loadScenario("strategic-3pl.yaml");
const before: Stage = { scenario: tender, revealed: false };
const after: Stage = { scenario: tender, revealed: true };

let seq = 0;
function entry(type: LogEntry["type"], by: string, audience: LogEntry["audience"], payload: Record<string, unknown> = {}): LogEntry {
  return { seq: ++seq, at: 1_000 + seq, by, type, phase: "round-1", payload, audience };
}

/** One entry of every kind that matters in a tender, with who addressed it to whom. */
const ENTRIES = {
  "public chat": entry("chat.send", "buyer", "all", { text: "Welcome, bidders." }),
  "buyer's private objectives": entry("objectives.set", "buyer", ["buyer"], { objectives: ["deliver-savings"] }),
  "supplier A's talk with the buyer": entry("chat.send", "supplier-a", ["supplier-a", "buyer"], { text: "Can we meet?", to: ["buyer"] }),
  "buyer's note to every bidder": entry("chat.send", "buyer", ["buyer", "supplier-a", "supplier-b"], { text: "Bids close at noon.", to: ["supplier-a", "supplier-b"] }),
  "supplier B's sealed bid": entry("bid.submit", "supplier-b", ["supplier-b"], { package: { "unit-price": "eur-435" } }),
  "the opened round": entry("round.closed", "system", ["buyer"], { phase: "round-1", bids: [{ seat: "supplier-a", seq: 1, package: {} }, { seat: "supplier-b", seq: 5, package: {} }] }),
  "supplier A's rank": entry("bid.ranked", "system", ["supplier-a", "buyer"], { seat: "supplier-a", rank: 2, of: 2 }),
  "supplier A's bypass": entry("stakeholder.contact", "supplier-a", ["supplier-a"], { text: "Can operations push for us?" }),
  "supplier A's plan": entry("plan.set", "supplier-a", ["supplier-a"], { text: "Anchor high." }),
  "buyer's survey answers": entry("reflection.submit", "buyer", ["buyer"], { answers: { "trainer-comment": "Supplier A was rude." } }),
  "supplier B's withdrawal": entry("walkaway", "supplier-b", ["supplier-b", "buyer"], { reason: "Too low." }),
  "the award to B": entry("award.make", "buyer", ["buyer", "supplier-b"], { to: "supplier-b", bid: 5 }),
} satisfies Record<string, LogEntry>;

const VIEWERS: Record<string, Viewer> = {
  buyer: seatViewer("buyer"), "supplier A": seatViewer("supplier-a"), "supplier B": seatViewer("supplier-b"), trainer: TRAINER, anonymous: ANONYMOUS,
};

/** Who may see each entry, before the reveal and after it. */
const EXPECTED: Record<keyof typeof ENTRIES, { before: string[]; after: string[] }> = {
  "public chat": { before: ["buyer", "supplier A", "supplier B", "trainer"], after: ["buyer", "supplier A", "supplier B", "trainer"] },
  "buyer's private objectives": { before: ["buyer", "trainer"], after: ["buyer", "supplier A", "supplier B", "trainer"] },
  "supplier A's talk with the buyer": { before: ["buyer", "supplier A", "trainer"], after: ["buyer", "supplier A", "trainer"] },
  "buyer's note to every bidder": { before: ["buyer", "supplier A", "supplier B", "trainer"], after: ["buyer", "supplier A", "supplier B", "trainer"] },
  "supplier B's sealed bid": { before: ["supplier B", "trainer"], after: ["buyer", "supplier B", "trainer"] },
  "the opened round": { before: ["buyer", "trainer"], after: ["buyer", "supplier A", "supplier B", "trainer"] },
  "supplier A's rank": { before: ["buyer", "supplier A", "trainer"], after: ["buyer", "supplier A", "trainer"] },
  "supplier A's bypass": { before: ["supplier A", "trainer"], after: ["buyer", "supplier A", "trainer"] },
  "supplier A's plan": { before: ["supplier A", "trainer"], after: ["supplier A", "trainer"] },
  "buyer's survey answers": { before: ["buyer", "trainer"], after: ["buyer", "trainer"] },
  "supplier B's withdrawal": { before: ["buyer", "supplier B", "trainer"], after: ["buyer", "supplier B", "trainer"] },
  "the award to B": { before: ["buyer", "supplier B", "trainer"], after: ["buyer", "supplier B", "trainer"] },
};

describe("who sees which log entry (viewer × entry kind × stage)", () => {
  for (const [name, e] of Object.entries(ENTRIES)) {
    for (const [stageName, stage] of [["before", before], ["after", after]] as const) {
      it(`${name}, ${stageName} the reveal`, () => {
        const seen = Object.entries(VIEWERS).filter(([, v]) => canSee(stage, e, v)).map(([who]) => who);
        expect(seen).toEqual(EXPECTED[name as keyof typeof ENTRIES][stageName]);
      });
    }
  }
});

describe("what a seat receives of an entry it may see", () => {
  it("never names a rival bidder among the recipients", () => {
    const note = projectEntry(before, ENTRIES["buyer's note to every bidder"], seatViewer("supplier-a"));
    expect(note.audience).toEqual(["buyer", "supplier-a"]);
    expect(note.payload.to).toEqual(["supplier-a"]);
    expect(projectEntry(before, ENTRIES["buyer's note to every bidder"], seatViewer("buyer")).payload.to).toEqual(["supplier-a", "supplier-b"]);
  });

  it("leaves only the bidder's own bid in an opened round after the reveal", () => {
    const opened = projectEntry(after, ENTRIES["the opened round"], seatViewer("supplier-a"));
    expect((opened.payload.bids as { seat: string }[]).map((b) => b.seat)).toEqual(["supplier-a"]);
  });
});

describe("a viewer's own numbering", () => {
  const log = Object.values(ENTRIES);

  it("numbers each transcript 1..n with no gaps, so numbers reveal no hidden entry", () => {
    for (const viewer of [seatViewer("buyer"), seatViewer("supplier-a"), seatViewer("supplier-b")]) {
      const t = new Transcript(before, viewer);
      const mine = t.add(log);
      expect(mine.map((e) => e.seq)).toEqual(mine.map((_, i) => i + 1));
    }
    const trainer = new Transcript(before, TRAINER).add(log);
    expect(trainer.map((e) => e.seq)).toEqual(log.map((e) => e.seq)); // the trainer sees everything, in log order
  });

  it("renumbers the references inside payloads and refuses a number the viewer never saw", () => {
    const offer = entry("offer.propose", "procurement", ["procurement", "sales"], { to: "sales", package: {} });
    const secret = entry("stakeholder.contact", "sales", ["sales"], { text: "psst" });
    const accept = entry("offer.accept", "procurement", ["procurement", "sales"], { offer: offer.seq, package: {}, parties: ["procurement", "sales"] });
    const stage: Stage = { scenario: pair, revealed: false };
    const t = new Transcript(stage, seatViewer("procurement"));
    const [mineOffer, mineAccept] = t.add([offer, secret, accept]);
    expect(mineAccept?.payload.offer).toBe(mineOffer?.seq);
    expect(mineAccept?.seq).toBe(2); // the hidden contact left no gap
    expect(t.incoming({ type: "offer.reject", offer: 2, reason: "no" })).toEqual({ type: "offer.reject", offer: accept.seq, reason: "no" });
    expect(t.incoming({ type: "offer.accept", offer: 3 })).toMatchObject({ code: "offer-not-found" });
  });
});

describe("private fields and debrief parts", () => {
  it("reveals the counterparts' briefs at the debrief, never a rival bidder's", () => {
    expect(Object.keys(readableBriefs(before, seatViewer("supplier-a")))).toEqual(["supplier-a"]);
    expect(Object.keys(readableBriefs(after, seatViewer("supplier-a"))).sort()).toEqual(["buyer", "supplier-a"]);
    expect(Object.keys(readableBriefs(after, seatViewer("buyer"))).sort()).toEqual(["buyer", "supplier-a", "supplier-b", "supplier-c"]);
    expect(Object.keys(readableBriefs(before, TRAINER))).toHaveLength(4);
    expect(readableBriefs(after, ANONYMOUS)).toEqual({});
  });

  it("keeps preparation plans their author's, and a withdrawal between the bidder and the buyer", () => {
    expect(readablePlans(after, seatViewer("buyer"))).toEqual(["buyer"]);
    expect(knowsWithdrawal(before, seatViewer("buyer"), "supplier-b")).toBe(true);
    expect(knowsWithdrawal(after, seatViewer("supplier-a"), "supplier-b")).toBe(false);
    expect(knowsWithdrawal(before, seatViewer("supplier-b"), "supplier-b")).toBe(true);
  });

  it("tells the buyer and the trainer how many bids are in during a round, and never a bidder, not even after the debrief", () => {
    for (const stage of [before, after]) {
      expect(knowsBidCount(stage, seatViewer("buyer"))).toBe(true);
      expect(knowsBidCount(stage, TRAINER)).toBe(true);
      for (const bidder of ["supplier-a", "supplier-b", "supplier-c"]) expect(knowsBidCount(stage, seatViewer(bidder))).toBe(false);
      expect(knowsBidCount(stage, ANONYMOUS)).toBe(false);
      expect(knowsBidCount(stage, seatViewer("nobody"))).toBe(false); // an unknown seat id learns nothing
    }
  });

  it("gives a losing bidder its own debrief only: not the winner's terms, nor another seat's scores", () => {
    const seatPart = (seat: string, counterpart: string | null, points: number) => ({
      seat, side: seat === "buyer" ? "procurement" : "sales", title: seat, counterparts: seat === "buyer" ? ["supplier-a", "supplier-b"] : ["buyer"],
      outcome: { counterpart, ownPoints: { value: points }, batna: { value: 40 } }, alignment: { own: [`${seat}-goal`] },
      trust: { value: 77, events: [ENTRIES["the award to B"].seq, ENTRIES["supplier A's talk with the buyer"].seq] },
    });
    const d = {
      scenarioId: tender.id, scenarioVersion: tender.version, kind: tender.kind,
      outcome: { deal: true, reason: "awarded", agreement: { parties: ["buyer", "supplier-b"], package: { "unit-price": "eur-435" }, source: 5 }, endedSeq: 99, explanation: "awarded to B" },
      pairs: [{ procurementSeat: "buyer", salesSeat: "supplier-a" }, { procurementSeat: "buyer", salesSeat: "supplier-b" }],
      seats: { buyer: seatPart("buyer", "supplier-b", 81), "supplier-a": seatPart("supplier-a", null, 40), "supplier-b": seatPart("supplier-b", "buyer", 66) },
      keyMoments: [{ seq: ENTRIES["the award to B"].seq, kind: "agreement", seats: ["buyer", "supplier-b"], caption: "awarded" }],
    } as unknown as NegotiationDebrief;
    const t = new Transcript(after, seatViewer("supplier-a"));
    t.add(Object.values(ENTRIES));
    const view = seatDebrief(after, d, "supplier-a", t.relabel);
    const text = JSON.stringify(view);
    expect(view.outcome.agreement).toBeNull();
    expect(text).not.toContain("eur-435");
    expect(view.keyMoments).toEqual([]); // the award is not in its transcript
    expect(view.counterparts).toEqual([{ seat: "buyer", side: "procurement", title: "buyer", ownPoints: null, batna: 40, objectives: ["buyer-goal"] }]);
    expect(view.own?.trust.events).toEqual([t.relabel(ENTRIES["supplier A's talk with the buyer"].seq)]); // evidence it cannot see is dropped
    expect(text).not.toContain("supplier-b-goal");
    expect(view.pairs).toHaveLength(1);
  });
});

/** The 3PL flagship with every field the issue-10 schema adds, each carrying a marker only its audience may receive. */
function withEveryNewField(s: Scenario): Scenario {
  const moneyOf = (seat: Scenario["seats"][number], mark: string) => ({
    unit: "EUR per year",
    basis: `${mark} money basis of ${seat.id}`,
    options: Object.fromEntries(Object.entries(seat.brief.scoring).map(([issue, opts]) => [issue, Object.fromEntries(Object.entries(opts).map(([o, pts]) => [o, pts * 1000]))])),
  });
  return {
    ...s,
    seats: s.seats.map((seat) => ({ ...seat, brief: { ...seat.brief, money: moneyOf(seat, "SEAT-MONEY") } })),
    objectives: s.objectives.map((o, i) => (i === 0 ? { ...o, threshold: { atLeast: 2_300_000, label: "THRESHOLD-LABEL 5 % of logistics cost" } } : o)),
    valueLevers: s.valueLevers.map((l) => ({ ...l, worth: { side: "procurement" as const, low: 987_654, high: 1_234_567 }, yearOne: 0.37 })),
    risks: s.risks.map((r) => ({ ...r, bites: { chance: 0.3, cost: { procurement: 424_242 }, what: "BITES-WHAT a cut-over in peak season" } })),
    ...(s.stakeholder ? { stakeholder: { ...s.stakeholder, tells: "never" as const } } : {}),
    yearLater: { renewal: { sales: { extended: 1, expanded: 2, retendered: -3 } }, basis: "YEAR-LATER-BASIS from the renewal model" },
    agreement: { name: "heads of terms", condition: "the CISO's security review" },
    teachingNotes: {
      expected: "TEACHING-EXPECTED most tables settle between 62 and 70 joint points.",
      trap: "TEACHING-TRAP groups trade the rate cut before they price consolidation.",
      questions: ["TEACHING-QUESTION who priced the lever first?"],
      showTheRoom: ["TEACHING-SHOW the year-later column next to signing."],
    },
  };
}

const rich = withEveryNewField(pair);
const richBefore: Stage = { scenario: rich, revealed: false };
const richAfter: Stage = { scenario: rich, revealed: true };
const TRAINER_ONLY = ["TEACHING-", "BITES-WHAT", "YEAR-LATER-BASIS", "987654", "1234567", "424242"];
/** Keys no seat's copy of the scenario may hold: the model's inputs, the trainer's notes and the stakeholder's script. */
const TRAINER_KEYS = new Set(["teachingNotes", "worth", "yearOne", "bites", "yearLater", "tells", "trustPenalty", "response", "secondSource", "alignments", "coaching", "marketEvents", "note"]);

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) { out.add(k); keysOf(v, out); }
  return out;
}

describe("teaching notes and the fields only the trainer reads", () => {
  it("the trainer reads the teaching notes before and after the debrief; no seat ever does, nor a stranger", () => {
    for (const stage of [richBefore, richAfter]) {
      expect(readableTeachingNotes(stage, TRAINER)).toEqual(rich.teachingNotes);
      for (const seat of rich.seats) expect(readableTeachingNotes(stage, seatViewer(seat.id))).toBeNull();
      expect(readableTeachingNotes(stage, ANONYMOUS)).toBeNull();
    }
    const { teachingNotes: _notes, ...withoutNotes } = pair;
    expect(readableTeachingNotes({ scenario: withoutNotes, revealed: false }, TRAINER)).toBeNull(); // a scenario without notes
  });

  it("the public scenario and the join screen carry none of the trainer's fields, and do carry what the parties sign", () => {
    const p = publicScenario(rich);
    const text = JSON.stringify([p, joinInfo(rich, "ABCDEFGH", "running", [])]);
    for (const marker of [...TRAINER_ONLY, "SEAT-MONEY", "THRESHOLD-LABEL"]) expect(text).not.toContain(marker);
    expect([...keysOf(p)].filter((k) => TRAINER_KEYS.has(k) || k === "money" || k === "threshold")).toEqual([]);
    expect(p.agreement).toEqual({ name: "heads of terms", condition: "the CISO's security review" });
  });

  it("a seat's brief holds its own money and its side's thresholds, never the levers' worth, the risks' bites, the renewal model or the notes", () => {
    for (const seat of rich.seats) {
      const brief = privateBrief(rich, seat.id)!;
      expect(brief.brief.money?.basis).toBe(`SEAT-MONEY money basis of ${seat.id}`);
      expect([...keysOf(brief)].filter((k) => TRAINER_KEYS.has(k))).toEqual([]);
      const text = JSON.stringify(brief);
      for (const marker of TRAINER_ONLY) expect(text).not.toContain(marker);
      const first = rich.objectives[0]!;
      expect(Object.keys(brief.thresholds)).toEqual(first.side === seat.side ? [first.id] : []);
    }
    // Before the debrief a seat reads only its own money; after it, its counterparts' too (as their points).
    expect(JSON.stringify(readableBriefs(richBefore, seatViewer("sales")))).not.toContain("money basis of procurement");
    expect(JSON.stringify(readableBriefs(richAfter, seatViewer("sales")))).toContain("money basis of procurement");
  });

  it("a seat's archive never carries the notes; the trainer's does", () => {
    const d = { scenarioId: rich.id, scenarioVersion: rich.version, kind: rich.kind, outcome: { deal: false, reason: "walkaway", agreement: null, endedSeq: null, explanation: "" }, pairs: [], seats: {}, keyMoments: [] } as unknown as NegotiationDebrief;
    const transcript = { entries: [], relabel: () => null };
    const seat = archiveFor(richAfter, seatViewer("sales"), d, transcript, {});
    expect(seat.teachingNotes).toBeNull();
    const seatText = JSON.stringify(seat);
    for (const marker of TRAINER_ONLY) expect(seatText).not.toContain(marker);
    expect(archiveFor(richAfter, TRAINER, d, transcript, {}).teachingNotes).toEqual(rich.teachingNotes);
  });
});
