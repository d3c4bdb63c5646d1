import { describe, expect, it } from "vitest";
import { MOVE_TYPES } from "../../shared/scenario/schema.js";
import { ClientMessageSchemas, ControlInputSchema, MAX_TEXT, MoveInputSchema, MovePayloadSchemas } from "../../shared/protocol.js";

describe("wire protocol", () => {
  it("has a payload schema for every move the scenario format knows", () => {
    expect(Object.keys(MovePayloadSchemas).sort()).toEqual([...MOVE_TYPES].sort());
  });

  it("accepts a well-formed proposal and keeps its package", () => {
    const move = MoveInputSchema.parse({ type: "offer.propose", to: "sales", package: { rates: "index" }, final: false });
    expect(move).toEqual({ type: "offer.propose", to: "sales", package: { rates: "index" }, final: false });
  });

  it("names the field that is wrong in a malformed move", () => {
    const result = MoveInputSchema.safeParse({ type: "offer.accept", offer: "seven" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["offer"]);
  });

  it("refuses an unknown move type, empty text and text over the limit", () => {
    expect(MoveInputSchema.safeParse({ type: "offer.steal" }).success).toBe(false);
    expect(MoveInputSchema.safeParse({ type: "chat.send", text: "   " }).success).toBe(false);
    expect(MoveInputSchema.safeParse({ type: "chat.send", text: "x".repeat(MAX_TEXT + 1) }).success).toBe(false);
  });

  it("never lets a message body say who is moving", () => {
    const move = MoveInputSchema.parse({ type: "chat.send", text: "hello", by: "buyer", at: 0 });
    expect(move).not.toHaveProperty("by");
    expect(move).not.toHaveProperty("at");
  });

  it("bounds a facilitator's extension", () => {
    expect(ControlInputSchema.safeParse({ type: "phase.extend", minutes: 5 }).success).toBe(true);
    expect(ControlInputSchema.safeParse({ type: "phase.extend", minutes: 600 }).success).toBe(false);
  });
});

describe("free text and ids on the wire", () => {
  const chat = (text: string) => MoveInputSchema.safeParse({ type: "chat.send", text });

  it.each([
    ["a NUL byte", "deal\u0000", "remove the control characters (such as NUL) from your text"],
    ["a right-to-left override", "\u202Eevil", "remove the text-direction control characters (such as U+202E) from your text"],
    ["only zero-width spaces", "\u200B\u200B", "write something people can read: this has only invisible characters"],
  ])("refuses a chat with %s, saying what to do", (_name, text, message) => {
    expect(chat(text).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["text", message]]);
  });

  it("stores chat text with LF line breaks, trimmed", () => {
    expect(chat("  one\r\ntwo  ").data).toEqual({ type: "chat.send", text: "one\ntwo" });
  });

  it("accepts an empty optional note but refuses one with a control character", () => {
    const offer = (note: string) => MoveInputSchema.safeParse({ type: "offer.propose", to: "sales", package: { rates: "index" }, note });
    expect(offer("").success).toBe(true);
    expect(offer("ok\u0007").error?.issues[0]?.path).toEqual(["note"]);
  });

  it("refuses a control character in a reason that ends the session", () => {
    expect(ControlInputSchema.safeParse({ type: "session.end", reason: "bye\u0000" }).success).toBe(false);
  });

  it("explains a bad survey answer instead of 'Invalid input'", () => {
    const answer = (value: unknown) => MoveInputSchema.safeParse({ type: "reflection.submit", answers: { "one-word": value } }).error?.issues[0]?.message;
    expect(answer("fair\u0000")).toBe("remove the control characters (such as NUL) from your text");
    expect(answer(true)).toBe("answer with a number or a text");
    expect(MoveInputSchema.safeParse({ type: "reflection.submit", answers: { "one-word": "fair", comment: "", "outcome-fair": 5 } }).success).toBe(true);
  });

  it.each([
    ["a recipient", { type: "chat.send", text: "hi", to: ["sa\u0000les"] }],
    ["a package issue", { type: "offer.propose", to: "sales", package: { "ra\u0000tes": "index" } }],
    ["a package option", { type: "bid.submit", package: { rates: "Index" } }],
    ["a survey item", { type: "reflection.submit", answers: { "one\u0000word": "fair" } }],
  ])("refuses %s that is not a scenario id", (_name, move) => {
    expect(MoveInputSchema.safeParse(move).success).toBe(false);
  });

  it("refuses a request id with a NUL byte or a space", () => {
    expect(ClientMessageSchemas.move.safeParse({ ref: "0k3j9x21m4q8zz-17", move: {} }).success).toBe(true);
    expect(ClientMessageSchemas.move.safeParse({ ref: "r\u00001", move: {} }).success).toBe(false);
    expect(ClientMessageSchemas.move.safeParse({ ref: "r 1", move: {} }).success).toBe(false);
  });
});
