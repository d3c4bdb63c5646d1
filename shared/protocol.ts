import { z } from "zod";
import type { LogEntry, RejectionCode } from "./negotiation/events.js";

/**
 * The wire protocol between clients and the negotiation room: one place for
 * the version, the schema of every client→server message and the union of
 * every server→client message, rejections included.
 */
export const PROTOCOL_VERSION = 1;

/** Longest free text a move may carry. */
export const MAX_TEXT = 2_000;
/** Largest message a client may send, serialised. */
export const MAX_MESSAGE_BYTES = 16_384;

const say = z.string().trim().min(1, "write something first").max(MAX_TEXT, `keep it under ${MAX_TEXT} characters`);
const ref = z.string().min(1).max(64);
const seatId = z.string().min(1).max(64);
const recipients = z.array(seatId).min(1).max(8).optional();
const pkg = z.record(z.string().max(64), z.string().max(64)).refine((p) => Object.keys(p).length <= 32, "too many issues");

/** The payload schema of every move, by move type. */
export const MovePayloadSchemas = {
  "phase.ready": z.object({}),
  "objectives.set": z.object({ objectives: z.array(z.string().max(64)).max(10) }),
  "plan.set": z.object({ text: say }),
  "guess.set": z.object({ objectives: z.array(z.string().max(64)).max(10) }),
  "chat.send": z.object({ text: say, to: recipients }),
  "question.ask": z.object({ text: say, to: recipients }),
  "question.answer": z.object({ question: z.int().positive(), text: say }),
  "fact.disclose": z.object({ fact: z.string().max(64), to: recipients }),
  "value.argue": z.object({ lever: z.string().max(64), claim: say, figure: z.number().finite().optional(), to: recipients }),
  "risk.raise": z.object({ risk: z.string().max(64), note: say, to: recipients }),
  "risk.address": z.object({ risk: z.string().max(64), note: say, to: recipients }),
  "stakeholder.contact": z.object({ text: say }),
  "rfq.issue": z.object({ note: z.string().max(MAX_TEXT).optional() }),
  "offer.propose": z.object({ to: seatId, package: pkg, final: z.boolean().optional(), note: z.string().max(MAX_TEXT).optional() }),
  "offer.accept": z.object({ offer: z.int().positive() }),
  "offer.reject": z.object({ offer: z.int().positive(), reason: say }),
  "bid.submit": z.object({ package: pkg, note: z.string().max(MAX_TEXT).optional() }),
  "award.make": z.object({ to: seatId }),
  walkaway: z.object({ reason: say }),
  "reflection.submit": z.object({ answers: z.record(z.string().max(64), z.union([z.number().finite(), z.string().max(MAX_TEXT)])) }),
} as const;

type PayloadSchemas = typeof MovePayloadSchemas;
/** zod infers `{}` as Record<string, never>, which no event with a `type` could satisfy. */
type Payload<T> = string extends keyof T ? Record<never, never> : T;
export type MovePayloadsFromProtocol = { [K in keyof PayloadSchemas]: Payload<z.infer<PayloadSchemas[K]>> };

const moveTypes = Object.keys(MovePayloadSchemas) as [keyof PayloadSchemas, ...(keyof PayloadSchemas)[]];

/** A move as a client sends it: the move type plus its payload; never who or when. */
export const MoveInputSchema = z.discriminatedUnion(
  "type",
  moveTypes.map((type) => MovePayloadSchemas[type].extend({ type: z.literal(type) })) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<string> }>,
    ...z.ZodObject<{ type: z.ZodLiteral<string> }>[],
  ],
);
export type MoveInput = { [K in keyof PayloadSchemas]: { type: K } & MovePayloadsFromProtocol[K] }[keyof PayloadSchemas];

/** Session controls a client may ask for; the room checks who may (facilitator, or procurement for its own rounds). */
export const ControlInputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("session.start") }),
  z.object({ type: z.literal("phase.advance") }),
  z.object({ type: z.literal("phase.extend"), minutes: z.number().int().min(1).max(60) }),
  z.object({ type: z.literal("session.pause") }),
  z.object({ type: z.literal("session.resume") }),
  z.object({ type: z.literal("session.end"), reason: say }),
]);
export type ControlInput = z.infer<typeof ControlInputSchema>;

/** Client → server messages, by Colyseus message type. */
export const ClientMessageSchemas = {
  move: z.object({ ref, move: z.unknown() }),
  control: z.object({ ref, control: z.unknown() }),
  "debrief.get": z.object({ ref }),
} as const;
export type ClientMessageType = keyof typeof ClientMessageSchemas;

/** Reasons the room itself adds to the machine's rejection codes. */
export type ProtocolErrorCode = RejectionCode | "unknown-message" | "bad-shape" | "too-large" | "rate-limited" | "server-error" | "not-ready";

export interface ErrorReply {
  ref: string | null;
  ok: false;
  code: ProtocolErrorCode;
  message: string;
  /** Where the input went wrong (field path), for a malformed move. */
  path?: string;
}
export interface OkReply {
  ref: string;
  ok: true;
  /** Log entries this request added, as this seat may see them. */
  entries: LogEntry[];
}

/** Server → client messages, by Colyseus message type. */
export interface ServerMessages {
  reply: OkReply | ErrorReply;
  /** A log entry this seat may see, pushed as it is appended. */
  entry: LogEntry;
  /** The debrief for this seat, once the negotiation ends (and on request). */
  debrief: unknown;
  hello: { protocol: number; seat: string | null; token: string | null; negotiationId: string };
}
