import { describe, expect, it } from "vitest";
import { MOVE_TYPES } from "../../shared/scenario/schema.js";
import { ControlInputSchema, MAX_TEXT, MoveInputSchema, MovePayloadSchemas } from "../../shared/protocol.js";

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
