import { describe, expect, it } from "vitest";
import { partnership, tender } from "../fixtures/machine/scenarios.js";
import { seated, type Table } from "../fixtures/machine/table.js";

/** Partnership seated at 0 and moved on by the facilitator to the named phase. */
function partnershipIn(phase: string): Table {
  const table = seated(partnership, ["buyer", "seller"]);
  for (let at = 1; table.state() !== phase; at++) table.send({ type: "phase.advance", by: "facilitator", at });
  return table;
}

/** Tender with buyer, alpha and beta present, in the RFQ phase. */
const tenderInRfq = () => seated(tender, ["buyer", "alpha", "beta"]);

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
