/**
 * Checks for text people type: free text in moves (chat, claims, notes,
 * reasons) and display names. Pure and isomorphic, so the client can warn
 * before sending and the server re-checks at the edge.
 *
 * Why: PostgreSQL rejects NUL (text) and "\u0000" (jsonb), so one such chat
 * would stop a negotiation from being saved; bidi overrides make a message
 * read differently from what was sent; zero-width-only names and chats look
 * like nothing; a player called "The Facilitator" can impersonate the trainer.
 */

/** Why a text was refused. */
export type TextProblem =
  | "not-text"
  | "empty"
  | "invisible-only"
  | "control-character"
  | "bidi-control"
  | "lone-surrogate"
  | "stacked-marks"
  | "too-long"
  | "reserved";

/** A refusal with a message a player can act on. */
export interface TextRefusal {
  ok: false;
  code: TextProblem;
  message: string;
}

/** Free text as it should be stored, or why it cannot be. */
export type FreeTextResult = { ok: true; text: string } | TextRefusal;

/** A display name as it should be shown, or why it cannot be. */
export type DisplayNameResult = { ok: true; name: string } | TextRefusal;

/** Options of {@link checkFreeText}. */
export interface FreeTextOptions {
  /** Accept text that is empty after trimming (optional notes). Default false. */
  allowEmpty?: boolean;
  /** Longest text accepted, in UTF-16 code units (as zod's `.max` counts). No limit when absent. */
  maxLength?: number;
}

/** Longest display name, in code points, after normalisation. */
export const MAX_DISPLAY_NAME = 40;
/** Longest raw name looked at: anything longer cannot normalise into a sensible name. */
const MAX_RAW_NAME = 200;
/** UAX #15's stream-safe limit: no real script stacks more marks on one character. */
const MAX_MARKS_IN_TEXT = 30;
/** Names are short and shown everywhere: a tighter cap keeps them on one line. */
const MAX_MARKS_IN_NAME = 4;

// C0 and C1 controls and DEL, except tab and line feed (carriage returns are normalised away first).
const CONTROL = /[\0-\x08\x0B-\x1F\x7F-\x9F]/u;
// Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). Marks (LRM, RLM, ALM) are allowed: RTL text needs them.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
// In u-mode a valid pair is one code point, so only unpaired halves match.
const LONE_SURROGATE = /\p{Cs}/u;
// Zero-width and format characters, fillers, variation selectors, tags (all Default_Ignorable), plus the braille blank.
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\u2800]/u;
const INVISIBLE_GLOBAL = /[\p{Default_Ignorable_Code_Point}\p{White_Space}\u2800]/gu;

const HINTS: Record<TextProblem, string> = {
  "not-text": "send the text as a string",
  empty: "write something first",
  "invisible-only": "write something people can read: this has only invisible characters",
  "control-character": "remove the control characters (such as NUL) from your text",
  "bidi-control": "remove the text-direction control characters (such as U+202E) from your text",
  "lone-surrogate": "retype your text: it holds a broken character (a lone surrogate)",
  "stacked-marks": "remove the stacked accent marks from your text",
  "too-long": "shorten your text",
  reserved: "choose another name",
};

function refuse(code: TextProblem, message?: string): TextRefusal {
  const hint = HINTS[code];
  return { ok: false, code, message: message ?? `${hint.charAt(0).toUpperCase()}${hint.slice(1)}.` };
}

function stackedMarks(limit: number): RegExp {
  return new RegExp(`\\p{M}{${limit + 1},}`, "u");
}
const STACKED_IN_TEXT = stackedMarks(MAX_MARKS_IN_TEXT);
const STACKED_IN_NAME = stackedMarks(MAX_MARKS_IN_NAME);

/**
 * Free text as it is stored: line breaks as "\n", NFC, trimmed. Idempotent,
 * so a zod `.overwrite()` can apply it before the length checks.
 */
export function normaliseFreeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC").trim();
}

/** Whether nothing in `text` would show: only whitespace and zero-width or format characters. */
export function isInvisible(text: string): boolean {
  return text.replace(INVISIBLE_GLOBAL, "") === "";
}

/**
 * Checks one free text (a chat line, a claim, a note, a reason). Refuses C0/C1
 * control characters except tab and line feed (CR and CRLF become LF), bidi
 * embeddings/overrides/isolates, lone surrogates, more than 30 stacked marks,
 * and text that is empty or only invisible characters. Zero-width joiners and
 * variation selectors are kept: emoji and several scripts need them.
 *
 * @returns the normalised text to store, or a refusal whose message says what to do.
 */
export function checkFreeText(text: string, options: FreeTextOptions = {}): FreeTextResult {
  if (typeof text !== "string") return refuse("not-text");
  if (LONE_SURROGATE.test(text)) return refuse("lone-surrogate");
  const normalised = normaliseFreeText(text);
  if (CONTROL.test(normalised)) return refuse("control-character");
  if (BIDI.test(normalised)) return refuse("bidi-control");
  if (normalised === "") return options.allowEmpty ? { ok: true, text: "" } : refuse("empty");
  if (isInvisible(normalised)) return refuse("invisible-only");
  if (STACKED_IN_TEXT.test(normalised)) return refuse("stacked-marks");
  if (options.maxLength !== undefined && normalised.length > options.maxLength) {
    return refuse("too-long", `Shorten your text to ${options.maxLength} characters or fewer.`);
  }
  return { ok: true, text: normalised };
}

/** What a zod refinement context offers (zod's `RefinementCtx` fits), so this file needs no zod import. */
export interface IssueSink {
  addIssue(message: string): void;
}

/**
 * A zod `.superRefine` for free-text fields: adds one issue with a short
 * lower-case hint for anything {@link checkFreeText} refuses, except emptiness
 * and length, which the schema's own `.min`/`.max` report (so optional notes
 * may be empty).
 */
export function refineFreeText(value: string, ctx: IssueSink): void {
  const issue = freeTextIssue(value);
  if (issue !== null) ctx.addIssue(issue);
}

/**
 * The short lower-case hint for what {@link checkFreeText} refuses in `value`
 * (emptiness and length aside), or null: for zod error maps, e.g. a union's.
 */
export function freeTextIssue(value: string): string | null {
  const result = checkFreeText(value, { allowEmpty: true });
  return result.ok ? null : HINTS[result.code];
}

// Joiners and selectors are kept in names only where they join or modify something visible (emoji, Persian ZWNJ).
const ZERO_WIDTH_JOINERS = new Set([0x200c, 0x200d]);
function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}
const SPACE = /\p{White_Space}/u;
function isVisible(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  const ch = String.fromCodePoint(cp);
  return !IGNORABLE.test(ch) && !SPACE.test(ch);
}

/** Removes zero-width and format characters, keeping a joiner between two visible characters and a selector after one. */
function stripIgnorable(text: string): string {
  const points = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  let out = "";
  points.forEach((cp, i) => {
    const ch = String.fromCodePoint(cp);
    if (!IGNORABLE.test(ch)) out += ch;
    else if (ZERO_WIDTH_JOINERS.has(cp) && isVisible(points[i - 1]) && isVisible(points[i + 1])) out += ch;
    else if (isVariationSelector(cp) && isVisible(points[i - 1])) out += ch;
  });
  return out;
}

/**
 * Normalises a display name: NFC, zero-width/format characters removed, inner
 * whitespace collapsed, trimmed. Refuses non-strings, control characters
 * (tabs and line breaks count as spaces), bidi controls, lone surrogates,
 * stacked marks, names empty or invisible after normalisation, names over
 * {@link MAX_DISPLAY_NAME} code points, and names that read as a role of the
 * session (see {@link isReservedName}).
 */
export function normaliseDisplayName(raw: unknown): DisplayNameResult {
  if (typeof raw !== "string") return refuse("not-text", "Enter a name.");
  if (raw.length > MAX_RAW_NAME) return refuse("too-long", `Keep your name to ${MAX_DISPLAY_NAME} characters.`);
  if (LONE_SURROGATE.test(raw)) return refuse("lone-surrogate", "Retype your name: it holds a broken character.");
  const spaced = raw.replace(/[\t\n\r]/g, " ").normalize("NFC");
  if (CONTROL.test(spaced)) return refuse("control-character", "Remove the control characters from your name.");
  if (BIDI.test(spaced)) return refuse("bidi-control", "Remove the text-direction control characters from your name.");
  const name = stripIgnorable(spaced).replace(/\p{White_Space}+/gu, " ").trim();
  if (name === "") {
    return raw.trim() === "" ? refuse("empty", "Enter a name.") : refuse("invisible-only", "Your name has only invisible characters: type a name people can read.");
  }
  if (STACKED_IN_NAME.test(name)) return refuse("stacked-marks", "Remove the stacked accent marks from your name.");
  if (Array.from(name).length > MAX_DISPLAY_NAME) return refuse("too-long", `Keep your name to ${MAX_DISPLAY_NAME} characters.`);
  if (isReservedName(name)) return refuse("reserved", `Choose another name: "${name}" could be mistaken for a role in this session.`);
  return { ok: true, name };
}

// Look-alikes of Latin letters (Cyrillic, Greek, a few Latin letters NFKD leaves alone), by case.
const CONFUSABLES = new Map(
  "АA ВB ЕE ЅS ІI ЈJ КK МM НH ОO РP СC ТT ХX УY аa еe оo рp сc уy хx іi јj ѕs ԁd һh ӏl ԛq ԝw вb кk мm нh тt ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX αa ιi κk νv οo ρp τt υu χx ıi łl øo đd ħh"
    .split(" ")
    .map((pair) => [pair.slice(0, -1), pair.slice(-1)] as const),
);
const SYMBOLS: Record<string, string> = { "!": "l", "|": "l", "@": "a", $: "s" };
const DIGITS: Record<string, string> = { "0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t" };

/** Folds letters that read alike ("l", "1", "I" → "i"; "rn" → "m"; "vv" → "w") so a look-alike compares equal. */
function fold(token: string): string {
  return token.replace(/[013457]/g, (d) => DIGITS[d] ?? d).replace(/rn/g, "m").replace(/vv/g, "w").replace(/l/g, "i");
}

/** The words of a name as they read: compatibility forms, accents, case, look-alikes and punctuation folded away. */
function skeletonTokens(name: string): string[] {
  const plain = name
    .normalize("NFKD")
    .replace(/[\p{M}\p{Default_Ignorable_Code_Point}]/gu, "")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2") // "TheFacilitator" reads as two words
    .replace(/[^\0-\x7F]/gu, (ch) => CONFUSABLES.get(ch) ?? ch)
    .replace(/(?<=[\p{L}\p{N}])[!|@$](?=[\p{L}\p{N}])/gu, (ch) => SYMBOLS[ch] ?? ch)
    .toLowerCase();
  return plain
    .split(/[^\p{L}\p{N}]+/u)
    .map((token) => token.replace(/\d+$/, "")) // "Admin2" is still the admin
    .filter((token) => token !== "")
    .map(fold);
}

const ARTICLES = new Set(["the", "a", "an", "your", "our", "my"]);
// Read as a role on their own; also ordinary words or surnames, so only the whole name is refused ("Sam Host" is fine).
const RESERVED_WHOLE = [
  "facilitator", "trainer", "moderator", "host", "admin", "administrator", "system", "server", "bot",
  "procurement", "sales", "observer", "organiser", "organizer", "instructor", "coach", "you", "everyone", "everybody",
].map(fold);
// Titles nobody carries as part of a name: refused anywhere ("Facilitator Jane", "Jane (admin)").
const RESERVED_ANYWHERE = new Set(["facilitator", "moderator", "administrator", "admin"].map(fold));
const RESERVED = new Set(RESERVED_WHOLE);

/**
 * Whether a name reads as a role of the session ("The Facilitator",
 * "facilitator!", "Trainer", "ADMIN 2", "Fаcilitator" with a Cyrillic а),
 * ignoring case, accents, punctuation, spacing, leading articles and common
 * look-alike letters. "Sam Trainerson" and "Sam Host" are not reserved.
 */
export function isReservedName(name: string): boolean {
  const words = skeletonTokens(name);
  while (words.length > 1 && ARTICLES.has(words[0] ?? "")) words.shift(); // "The Facilitator", but "F a c i l…" keeps its "a"
  if (words.some((word) => RESERVED_ANYWHERE.has(word))) return true;
  const joined = words.join("");
  if (RESERVED.has(joined)) return true;
  // "thefacilitator" typed as one word
  return [...ARTICLES].some((article) => joined.startsWith(article) && RESERVED.has(joined.slice(article.length)));
}

/**
 * A key under which names that read the same compare equal ("Sam", "SAM",
 * "S\u200Bam", "Ѕаm" with Cyrillic letters, "sam!"), for refusing a second
 * player who takes a name already at the table.
 */
export function displayNameKey(name: string): string {
  const key = skeletonTokens(name).join("");
  return key === "" ? name.normalize("NFKC").toLowerCase() : key;
}
