import { describe, expect, it } from "vitest";
import type { NegotiationEvent } from "../../shared/negotiation/events.js";
import { publicScenario } from "../../shared/negotiation/scenario-view.js";
import { partnership, secondSourceTender, tender } from "../fixtures/machine/scenarios.js";
import { seated, type Table } from "../fixtures/machine/table.js";

/** Partnership seated at 0 and moved on by the facilitator to the named phase. */
function partnershipIn(phase: string): Table {
  const table = seated(partnership, ["buyer", "seller"]);
  for (let at = 1; table.state() !== phase; at++) table.send({ type: "phase.advance", by: "facilitator", at });
  return table;
}

/** Tender with buyer, alpha and beta present, in the RFQ phase. */
const tenderInRfq = () => seated(tender, ["buyer", "alpha", "beta"]);

/** The event's rejection, after checking that it changed nothing: no entry, the same context apart from the clock and the rejection. */
function refused(table: Table, event: NegotiationEvent) {
  const { lastRejection: _before, lastEvent: _beforeEvent, now: _beforeNow, ...before } = table.ctx();
  const outcome = table.send(event);
  const { lastRejection: _after, lastEvent: _afterEvent, now: _afterNow, ...after } = table.ctx();
  expect(outcome.entries).toEqual([]);
  expect(after).toEqual(before);
  return outcome.rejection;
}

describe("what a phase allows", () => {
  it("rejects an offer during discovery and says where offers open and what to do now", () => {
    const table = partnershipIn("discovery");
    const event = { type: "offer.propose", by: "seller", to: "buyer", package: { price: "high", term: "short" }, at: 100 } as const;
    expect(table.snapshot().can(event)).toBe(false);
    const rejection = table.send(event).rejection;
    expect(rejection?.code).toBe("wrong-phase");
    expect(rejection?.message).toBe("You can make offers in the Proposals phase; for now you can chat, ask questions or answer questions.");
  });

  it("rejects a move that belongs to the other side with wrong-role", () => {
    const table = tenderInRfq();
    const rejection = table.send({ type: "rfq.issue", by: "alpha", at: 10 }).rejection;
    expect(rejection?.code).toBe("wrong-role");
    expect(rejection?.message).toContain("Only the procurement side can issue the RFQ");
    expect(table.send({ type: "value.argue", by: "buyer", lever: "freight", claim: "x", at: 11 }).rejection?.code).toBe("wrong-role");
  });

  it("issues the RFQ once, for everyone", () => {
    const table = tenderInRfq();
    expect(table.send({ type: "rfq.issue", by: "buyer", note: "Specs attached", at: 10 }).entries[0]).toMatchObject({ audience: "all", payload: { note: "Specs attached" } });
    expect(table.send({ type: "rfq.issue", by: "buyer", at: 11 }).rejection?.code).toBe("already-done");
  });
});

describe("preparation", () => {
  it("needs the seat's objectives before it can be ready", () => {
    const table = partnershipIn("preparation");
    const early = table.send({ type: "phase.ready", by: "buyer", at: 100 }).rejection;
    expect(early).toMatchObject({ code: "requirements-not-met", message: "Set your 2 objectives before you mark yourself ready." });
    table.send({ type: "objectives.set", by: "buyer", objectives: ["save", "secure"], at: 101 });
    expect(table.send({ type: "phase.ready", by: "buyer", at: 102 }).rejection).toBeNull();
  });

  it("accepts exactly the scenario's number of distinct objectives of the seat's own side, and lets them be changed", () => {
    const table = partnershipIn("preparation");
    const bad = [["save"], ["save", "save"], ["save", "margin"], ["save", "secure", "simplify"]];
    for (const objectives of bad) {
      expect(table.send({ type: "objectives.set", by: "buyer", objectives, at: 100 }).rejection?.code).toBe("invalid-objectives");
    }
    const first = table.send({ type: "objectives.set", by: "buyer", objectives: ["save", "secure"], at: 101 });
    expect(first.entries[0]).toMatchObject({ audience: ["buyer"], payload: { objectives: ["save", "secure"] } });
    table.send({ type: "objectives.set", by: "buyer", objectives: ["simplify", "save"], at: 102 });
    expect(table.ctx().objectives).toEqual({ buyer: ["simplify", "save"] });
  });

  it("takes guesses from the other side's objectives and a private plan", () => {
    const table = partnershipIn("preparation");
    expect(table.send({ type: "guess.set", by: "buyer", objectives: ["save", "secure"], at: 100 }).rejection?.code).toBe("invalid-objectives");
    expect(table.send({ type: "guess.set", by: "buyer", objectives: ["margin", "grow"], at: 101 }).entries[0]?.audience).toEqual(["buyer"]);
    expect(table.send({ type: "plan.set", by: "seller", text: "Lead with freight savings", at: 102 }).entries[0]?.audience).toEqual(["seller"]);
    table.send({ type: "plan.set", by: "seller", text: "Lead with freight, then service", at: 103 });
    expect(table.ctx()).toMatchObject({ guesses: { buyer: ["margin", "grow"] }, plans: { seller: "Lead with freight, then service" } });
  });
});

describe("talking", () => {
  it("refuses empty and over-long texts but takes 2,000 characters", () => {
    const table = partnershipIn("discovery");
    expect(table.send({ type: "chat.send", by: "buyer", text: "   ", at: 100 }).rejection?.code).toBe("invalid-input");
    const long = table.send({ type: "chat.send", by: "buyer", text: "x".repeat(2001), at: 101 }).rejection;
    expect(long).toMatchObject({ code: "invalid-input", message: "Your message is 2,001 characters long; keep it to 2,000." });
    expect(table.send({ type: "chat.send", by: "buyer", text: "x".repeat(2000), at: 102 }).rejection).toBeNull();
  });

  it("sends talk to every counterpart by default and never lets suppliers address each other", () => {
    const table = tenderInRfq();
    const asked = table.send({ type: "question.ask", by: "alpha", text: "Which board grade?", at: 10 }).entries[0];
    expect(asked).toMatchObject({ audience: ["alpha", "buyer"], payload: { text: "Which board grade?", to: ["buyer"] } });
    const sideways = table.send({ type: "question.ask", by: "alpha", text: "Hi Beta", to: ["beta"], at: 11 }).rejection;
    expect(sideways?.code).toBe("invalid-recipient");
    const broadcast = table.send({ type: "chat.send", by: "buyer", text: "Bids due Friday", at: 12 }).entries[0];
    expect(broadcast?.audience).toEqual(["buyer", "alpha", "beta"]);
    const one = table.send({ type: "chat.send", by: "buyer", text: "Alpha only", to: ["alpha"], at: 13 }).entries[0];
    expect(one?.audience).toEqual(["buyer", "alpha"]);
    expect(table.send({ type: "chat.send", by: "buyer", text: "Nobody", to: [], at: 14 }).rejection?.code).toBe("invalid-recipient");
  });

  it("shares RFQ clarifications with every bidder but keeps other answers to the question's audience", () => {
    const tenderTable = tenderInRfq();
    const question = tenderTable.send({ type: "question.ask", by: "alpha", text: "Which board grade?", at: 10 }).entries[0]!.seq;
    const clarification = tenderTable.send({ type: "question.answer", by: "buyer", question, text: "B-flute", at: 11 }).entries[0];
    expect(clarification?.audience).toBe("all");

    const table = partnershipIn("discovery");
    const seq = table.send({ type: "question.ask", by: "seller", text: "What drives cost?", at: 100 }).entries[0]!.seq;
    expect(table.send({ type: "question.answer", by: "buyer", question: seq, text: "Freight", at: 101 }).entries[0]?.audience).toEqual(["seller", "buyer"]);
  });

  it("answers only existing questions asked of the answering seat", () => {
    const table = partnershipIn("discovery");
    const seq = table.send({ type: "question.ask", by: "seller", text: "What drives cost?", at: 100 }).entries[0]!.seq;
    expect(table.send({ type: "question.answer", by: "buyer", question: 999, text: "?", at: 101 }).rejection?.code).toBe("unknown-reference");
    expect(table.send({ type: "question.answer", by: "buyer", question: seq - 1, text: "?", at: 102 }).rejection?.code).toBe("unknown-reference");
    expect(table.send({ type: "question.answer", by: "seller", question: seq, text: "Myself", at: 103 }).rejection?.code).toBe("not-allowed");
  });

  it("discloses a fact from the seat's own brief, once, with its text for the counterpart to read", () => {
    const table = partnershipIn("discovery");
    expect(table.send({ type: "fact.disclose", by: "seller", fact: "budget", at: 100 }).rejection?.code).toBe("unknown-reference");
    expect(table.send({ type: "fact.disclose", by: "seller", fact: "capacity", at: 101 }).entries[0]).toMatchObject({
      audience: ["seller", "buyer"],
      payload: { fact: "capacity", to: ["buyer"], text: "Fact capacity", leverageCost: "low" },
    });
    expect(table.send({ type: "fact.disclose", by: "seller", fact: "capacity", at: 102 }).rejection?.code).toBe("already-done");
  });

  it("argues value only with a lever the seat knows, with an optional figure and the lever named for the buyer", () => {
    const table = partnershipIn("discovery");
    expect(table.send({ type: "value.argue", by: "seller", lever: "magic", claim: "Saves all", at: 100 }).rejection?.code).toBe("unknown-reference");
    expect(table.send({ type: "value.argue", by: "seller", lever: "freight", claim: "Saves", figure: Number.NaN, at: 101 }).rejection?.code).toBe("invalid-input");
    const argued = table.send({ type: "value.argue", by: "seller", lever: "freight", claim: "Consolidating lanes saves 4 %", figure: 4, at: 102 });
    expect(argued.entries[0]?.payload).toEqual({
      lever: "freight", claim: "Consolidating lanes saves 4 %", figure: 4, to: ["buyer"], leverTitle: "Freight", category: "freight", unit: "%",
    });
  });

  it("raises and addresses only the scenario's risks", () => {
    const table = partnershipIn("discovery");
    expect(table.send({ type: "risk.raise", by: "buyer", risk: "meteor", note: "What if?", at: 100 }).rejection?.code).toBe("unknown-reference");
    expect(table.send({ type: "risk.raise", by: "buyer", risk: "outage", note: "Plan B?", at: 101 }).rejection).toBeNull();
    expect(table.send({ type: "risk.address", by: "seller", risk: "outage", note: "Two plants", at: 102 }).rejection).toBeNull();
  });

  it("keeps a stakeholder contact between the seller and the stakeholder", () => {
    const table = partnershipIn("discovery");
    const contact = table.send({ type: "stakeholder.contact", by: "seller", text: "Can we meet without procurement?", at: 100 });
    expect(contact.entries[0]?.audience).toEqual(["seller"]);
    expect(table.send({ type: "stakeholder.contact", by: "buyer", text: "Hi", at: 101 }).rejection?.code).toBe("wrong-role");
  });
});

describe("what a question is about", () => {
  it("takes an issue, a risk or an objective of the scenario, or a lever the asker knows, and logs it", () => {
    const table = partnershipIn("discovery");
    const topics = [{ kind: "issue", id: "term" }, { kind: "risk", id: "outage" }, { kind: "objective", id: "margin" }] as const;
    topics.forEach((about, k) => {
      const asked = table.send({ type: "question.ask", by: "buyer", text: "Tell me more?", about, at: 100 + k });
      expect(asked.entries[0]?.payload).toEqual({ text: "Tell me more?", about, to: ["seller"] });
    });
    expect(table.send({ type: "question.ask", by: "seller", text: "What would freight savings be worth?", about: { kind: "lever", id: "freight" }, at: 110 }).rejection).toBeNull();
    expect(table.send({ type: "question.ask", by: "seller", text: "Anything else?", at: 111 }).rejection).toBeNull();
  });

  it("refuses a topic the scenario does not have, saying what it does have", () => {
    const table = partnershipIn("discovery");
    const ask = (about: { kind: "issue" | "lever" | "risk" | "objective"; id: string }, at: number) =>
      refused(table, { type: "question.ask", by: "buyer", text: "Tell me more?", about, at });
    expect(ask({ kind: "issue", id: "warranty" }, 100)).toMatchObject({ code: "unknown-reference", message: `"warranty" is not an issue of this scenario; ask about Price or Term.` });
    expect(ask({ kind: "risk", id: "meteor" }, 101)).toMatchObject({ code: "unknown-reference", message: `"meteor" is not a risk of this scenario; ask about “Outage” or “Data leak”.` });
    expect(ask({ kind: "objective", id: "world-peace" }, 102)).toMatchObject({
      code: "unknown-reference",
      message: `"world-peace" is not an objective of this scenario; ask about one from the objectives either side picks from.`,
    });
    const badKind = refused(table, { type: "question.ask", by: "buyer", text: "Hm?", about: { kind: "weather", id: "rain" } as never, at: 103 });
    expect(badKind).toMatchObject({ code: "invalid-input", message: "Say what the question is about: one issue, value lever, risk or objective of this scenario, or leave it out." });
  });

  it("refuses a lever the asker does not know without revealing whether another seat knows it", () => {
    const table = partnershipIn("discovery");
    const theirs = refused(table, { type: "question.ask", by: "buyer", text: "Freight?", about: { kind: "lever", id: "freight" }, at: 100 });
    const none = refused(table, { type: "question.ask", by: "buyer", text: "Magic?", about: { kind: "lever", id: "magic" }, at: 101 });
    expect(theirs).toMatchObject({
      code: "unknown-reference",
      message: `"freight" is not a value lever from your brief; your brief lists none, so ask about an issue, a risk or an objective.`,
    });
    expect(none?.code).toBe(theirs?.code);
    expect(none?.message).toBe(theirs?.message.replace('"freight"', '"magic"'));
    expect(refused(table, { type: "question.ask", by: "seller", text: "Magic?", about: { kind: "lever", id: "magic" }, at: 102 })).toMatchObject({
      code: "unknown-reference",
      message: `"magic" is not a value lever from your brief; ask about “Freight”.`,
    });
  });
});

describe("a concrete answer to a risk", () => {
  it("takes one of the risk's deal terms and one of its mitigations, and logs them", () => {
    const table = partnershipIn("discovery");
    table.send({ type: "risk.raise", by: "buyer", risk: "outage", note: "Plan B?", at: 100 });
    const answer = { risk: "outage", note: "A long term and a standby line", term: { issue: "term", option: "long" }, mitigation: "standby" };
    expect(table.send({ type: "risk.address", by: "seller", ...answer, at: 101 }).entries[0]?.payload).toEqual({ ...answer, to: ["buyer"] });
  });

  it("refuses a term that does not address the risk, and says which do", () => {
    const table = partnershipIn("discovery");
    const address = (term: { issue: string; option: string }, risk = "outage") => refused(table, { type: "risk.address", by: "seller", risk, note: "Covered", term, at: 100 });
    const message = "the terms that do: Term: Long.";
    expect(address({ issue: "term", option: "short" })).toMatchObject({ code: "unknown-reference", message: `“Term: Short” does not address “Outage”; ${message}` });
    expect(address({ issue: "price", option: "high" })).toMatchObject({ code: "unknown-reference", message: `“Price: High” does not address “Outage”; ${message}` });
    expect(address({ issue: "warranty", option: "long" })).toMatchObject({ code: "unknown-reference", message: `"warranty: long" does not address “Outage”; ${message}` });
    expect(address({ issue: "term", option: "long" }, "leak")).toMatchObject({ code: "unknown-reference", message: "No deal term addresses “Data leak”; leave the term out." });
    expect(refused(table, { type: "risk.address", by: "seller", risk: "outage", note: "Covered", term: { issue: "term" } as never, at: 101 })).toMatchObject({
      code: "invalid-input",
      message: "Name the deal term as an issue and one of its options, or leave the term out.",
    });
  });

  it("refuses a mitigation the risk does not list, and says which it does", () => {
    const table = partnershipIn("discovery");
    const address = (mitigation: string, risk = "outage") => refused(table, { type: "risk.address", by: "seller", risk, note: "Covered", mitigation, at: 100 });
    expect(address("prayer")).toMatchObject({
      code: "unknown-reference",
      message: `"prayer" is not a mitigation of “Outage”; pick “A standby line at a second plant” or “Two weeks of safety stock”.`,
    });
    expect(address("standby", "leak")).toMatchObject({ code: "unknown-reference", message: "“Data leak” lists no concrete mitigations; leave the mitigation out." });
  });
});

describe("the answers a risk offers, in the public scenario", () => {
  it("carries each risk's deal terms and concrete mitigations, so the client can offer them", () => {
    expect(publicScenario(partnership).risks).toEqual([
      {
        id: "outage", category: "operational", title: "Outage", description: "Supply stops.",
        mitigatedBy: [{ issue: "term", options: ["long"] }],
        mitigations: [{ id: "standby", text: "A standby line at a second plant" }, { id: "stock", text: "Two weeks of safety stock" }],
      },
      { id: "leak", category: "information-security", title: "Data leak", description: "Forecasts reach a competitor.", mitigatedBy: [], mitigations: [] },
    ]);
  });
});

describe("a second-source share", () => {
  it("cannot be bid: it is only ever the runner-up's share", () => {
    const table = seated(secondSourceTender, ["buyer", "alpha", "beta"]);
    table.send({ type: "phase.advance", by: "facilitator", at: 1 });
    expect(table.state()).toBe("round-1");
    const rejection = refused(table, { type: "bid.submit", by: "alpha", package: { price: "low", share: "share-40" }, at: 100 });
    expect(rejection).toEqual({
      code: "invalid-package",
      message: "“40 % (second source)” is the runner-up's share, not a term you can bid or offer; for Volume share, choose 60 % or 100 %.",
      by: "alpha",
      type: "bid.submit",
      at: 100,
    });
    expect(table.send({ type: "bid.submit", by: "alpha", package: { price: "low", share: "share-60" }, at: 101 }).rejection).toBeNull();
  });
});
