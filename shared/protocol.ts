import { z } from "zod";
import type { LogEntry, RejectionCode } from "./negotiation/events.js";
import { freeTextIssue, normaliseFreeText, refineFreeText } from "./text.js";
import type { SeatDebriefView } from "./scoring/reveal.js";

/**
 * The wire protocol between clients and the negotiation room: one place for
 * the version, the schema of every client→server message and the union of
 * every server→client message, rejections included.
 */
export const PROTOCOL_VERSION = 2; // 2: one view per viewer, per-viewer numbering, trainer keys

/** Longest free text a move may carry. */
export const MAX_TEXT = 2_000;
/** Largest message a client may send, serialised. */
export const MAX_MESSAGE_BYTES = 16_384;

// Free text is normalised (CRLF → LF, NFC, trimmed) and refused with control, bidi or invisible-only characters (shared/text.ts).
const freeText = z.string().overwrite(normaliseFreeText);
const say = freeText.min(1, "write something first").max(MAX_TEXT, `keep it under ${MAX_TEXT} characters`).superRefine(refineFreeText);
/** Optional free text (notes, survey answers): may be empty, otherwise the same rules as `say`. */
const note = freeText.max(MAX_TEXT, `keep it under ${MAX_TEXT} characters`).superRefine(refineFreeText);
// Ids are echoed, logged and persisted: a closed alphabet keeps NUL and look-alikes out.
const ref = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, "use letters, digits and - _ . : in a request id");
const ident = z.string().min(1).max(64).regex(/^[a-z][a-z0-9-]*$/, "use an id from the scenario (lower-case letters, digits and dashes)");
const seatId = ident;
// zod reports a failed union as "Invalid input"; say what is wrong with the text instead.
const answer = z.union([z.number().finite(), note], {
  error: (iss) => (typeof iss.input === "string" ? (freeTextIssue(iss.input) ?? `keep it under ${MAX_TEXT} characters`) : "answer with a number or a text"),
});
/** What a question is about: one issue, value lever, risk or objective of the scenario (scoring counts one question per topic). */
const topic = z.object({ kind: z.enum(["issue", "lever", "risk", "objective"]), id: ident });
export type QuestionTopic = z.infer<typeof topic>;
const recipients = z.array(seatId).min(1).max(8).optional();
const idKeyed = (what: string) => ({ error: (iss: { code: string }) => (iss.code === "invalid_key" ? `name each ${what} by its id (lower-case letters, digits and dashes)` : undefined) });
const pkg = z.record(ident, ident, idKeyed("issue")).refine((p) => Object.keys(p).length <= 32, "too many issues");

/** The payload schema of every move, by move type. */
export const MovePayloadSchemas = {
  "phase.ready": z.object({}),
  "objectives.set": z.object({ objectives: z.array(z.string().max(64)).max(10) }),
  "plan.set": z.object({ text: say }),
  "guess.set": z.object({ objectives: z.array(z.string().max(64)).max(10) }),
  "chat.send": z.object({ text: say, to: recipients }),
  "question.ask": z.object({ text: say, to: recipients, about: topic.optional() }),
  "question.answer": z.object({ question: z.int().positive(), text: say }),
  "fact.disclose": z.object({ fact: z.string().max(64), to: recipients }),
  "value.argue": z.object({ lever: z.string().max(64), claim: say, figure: z.number().finite().optional(), to: recipients }),
  "risk.raise": z.object({ risk: z.string().max(64), note: say, to: recipients }),
  "risk.address": z.object({ risk: z.string().max(64), note: say, to: recipients, term: z.object({ issue: ident, option: ident }).optional(), mitigation: ident.optional() }),
  "stakeholder.contact": z.object({ text: say }),
  "rfq.issue": z.object({ note: note.optional() }),
  /** `alternatives`: a MESO, one or two more packages of (about) equal value to the proposer, offered together; the counterpart accepts one. */
  "offer.propose": z.object({ to: seatId, package: pkg, alternatives: z.array(pkg).min(1).max(2).optional(), final: z.boolean().optional(), note: note.optional() }),
  /** `choice`: which package of a MESO is accepted (0 = `package`, 1 and 2 = the alternatives); omitted means 0. */
  "offer.accept": z.object({ offer: z.int().positive(), choice: z.int().min(0).max(2).optional() }),
  "offer.reject": z.object({ offer: z.int().positive(), reason: say }),
  "bid.submit": z.object({ package: pkg, note: note.optional() }),
  "award.make": z.object({ to: seatId }),
  walkaway: z.object({ reason: say }),
  "reflection.submit": z.object({ answers: z.record(ident, answer, idKeyed("answer")) }),
} as const;

type PayloadSchemas = typeof MovePayloadSchemas;
/** zod infers `{}` as Record<string, never>, which no event with a `type` could satisfy. */
type Payload<T> = string extends keyof T ? Record<never, never> : T;
export type MovePayloadsFromProtocol = { [K in keyof PayloadSchemas]: Payload<z.infer<PayloadSchemas[K]>> };

export type MoveInput = { [K in keyof PayloadSchemas]: { type: K } & MovePayloadsFromProtocol[K] }[keyof PayloadSchemas];

/* eslint-disable @typescript-eslint/no-unsafe-type-assertion -- zod cannot infer a union built from a mapped
   list: the schema below has one member per key of MovePayloadSchemas, exactly as MoveInput says. */
const moveTypes = Object.keys(MovePayloadSchemas) as [keyof PayloadSchemas, ...(keyof PayloadSchemas)[]];

/** A move as a client sends it: the move type plus its payload; never who or when. */
export const MoveInputSchema: z.ZodType<MoveInput> = z.discriminatedUnion(
  "type",
  moveTypes.map((type) => MovePayloadSchemas[type].extend({ type: z.literal(type) })) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<string> }>,
    ...z.ZodObject<{ type: z.ZodLiteral<string> }>[],
  ],
) as unknown as z.ZodType<MoveInput>;
/* eslint-enable @typescript-eslint/no-unsafe-type-assertion */

/** Session controls a client may ask for; the room checks who may (facilitator, or procurement for its own rounds). */
export const ControlInputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("session.start") }),
  z.object({ type: z.literal("phase.advance") }),
  z.object({ type: z.literal("phase.extend"), minutes: z.number().int().min(1).max(60) }),
  z.object({ type: z.literal("session.pause") }),
  z.object({ type: z.literal("session.resume") }),
  z.object({ type: z.literal("session.end"), reason: say }),
  z.object({ type: z.literal("market.event"), event: z.string().min(1).max(64) }),
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
export type ProtocolErrorCode = RejectionCode | "unknown-message" | "bad-shape" | "too-large" | "too-deep" | "too-complex" | "rate-limited" | "server-error" | "not-ready";

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

/** The first message after a join: who the server says you are. */
export interface HelloMessage {
  protocol: number;
  role: "seat" | "trainer";
  seat: string | null;
  /** The seat token behind the player's personal link; null for the trainer, who holds a trainer key already. */
  token: string | null;
  negotiationId: string;
  serverTime: number;
}

/** Server → client messages, by Colyseus message type. */
export interface ServerMessages {
  reply: OkReply | ErrorReply;
  hello: HelloMessage;
  /** This viewer's debrief, on request once the negotiation has ended: a seat's own, or the trainer's of every seat. */
  debrief: SeatDebriefView | Record<string, SeatDebriefView>;
}
