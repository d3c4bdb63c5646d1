import { MAX_MESSAGE_BYTES, MAX_TEXT } from "../../shared/protocol.js";

/**
 * Bounds on a decoded client message, checked before anything else touches it.
 *
 * Why: Colyseus decodes messages with msgpackr, whose structured-clone
 * extensions let a ~500-byte frame decode into a graph that shares (or
 * cycles back to) its own parts, so its JSON doubles with every level.
 * `JSON.stringify`, zod, logging and persistence all pay for the expanded
 * graph; this walk pays at most for its limits, then stops.
 */

/** The limits of one message. */
export interface MessageLimits {
  /** Estimated JSON size in UTF-8 bytes. */
  maxBytes: number;
  /** Containers (objects, arrays, maps, sets) nested inside one another. */
  maxDepth: number;
  /** Values reached, counting a shared value each time it is reached. */
  maxNodes: number;
  /** Longest string or key, in UTF-16 code units. */
  maxStringLength: number;
  /** Most items in one array or set. */
  maxArrayLength: number;
  /** Most fields in one object or entries in one map. */
  maxKeys: number;
}

/**
 * Limits well above any real move (a move is ~4 levels, tens of values; a
 * package has at most 32 issues) and far below what hurts. Strings may exceed
 * MAX_TEXT so the move schema, not this walk, explains an over-long chat.
 */
export const DEFAULT_LIMITS: Readonly<MessageLimits> = Object.freeze({
  maxBytes: MAX_MESSAGE_BYTES,
  maxDepth: 8,
  maxNodes: 1_000,
  maxStringLength: 4 * MAX_TEXT,
  maxArrayLength: 64,
  maxKeys: 64,
});

/** Which limit a message broke. */
export type BoundsLimit = keyof MessageLimits;
/** Refusal codes, as the room replies with them. */
export type BoundsCode = "too-large" | "too-deep" | "too-complex";

/** The outcome of {@link checkMessageBounds}; `visited` counts the values looked at (the walk's cost). */
export type BoundsResult =
  | { ok: true; visited: number; bytes: number }
  | { ok: false; code: BoundsCode; limit: BoundsLimit; message: string; visited: number };

interface Pending {
  value: unknown;
  /** Containers around this value. */
  depth: number;
}

class Refusal {
  constructor(readonly limit: BoundsLimit) {}
}

const CODES: Record<BoundsLimit, BoundsCode> = {
  maxBytes: "too-large",
  maxStringLength: "too-large",
  maxDepth: "too-deep",
  maxNodes: "too-complex",
  maxArrayLength: "too-complex",
  maxKeys: "too-complex",
};

function messageFor(limit: BoundsLimit, limits: MessageLimits): string {
  switch (limit) {
    case "maxBytes":
      return `That message is too large (limit ${limits.maxBytes} bytes).`;
    case "maxStringLength":
      return `A text in that message is too long (limit ${limits.maxStringLength} characters).`;
    case "maxDepth":
      return `That message is nested too deeply (limit ${limits.maxDepth} levels).`;
    case "maxNodes":
      return `That message has too many parts (limit ${limits.maxNodes}).`;
    case "maxArrayLength":
      return `A list in that message is too long (limit ${limits.maxArrayLength} items).`;
    case "maxKeys":
      return `An object in that message has too many fields (limit ${limits.maxKeys}).`;
  }
}

/** JSON bytes of a string: quotes, escapes, UTF-8 widths. Callers bound `s.length` first, so this is O(limit). */
function stringBytes(s: string): number {
  let bytes = 2;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0x20) bytes += 6;
    else if (unit === 0x22 || unit === 0x5c) bytes += 2;
    else if (unit < 0x80) bytes += 1;
    else if (unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff)) bytes += 2; // a surrogate pair is 4 bytes
    else bytes += 3;
  }
  return bytes;
}

/** Digits of a number without String(): exact for safe integers, the longest form (e.g. -1.2345678901234567e-308) otherwise. */
function numberBytes(n: number): number {
  if (!Number.isFinite(n)) return 4; // JSON writes null
  if (!Number.isSafeInteger(n)) return 24;
  let digits = n < 0 ? 2 : 1;
  for (let rest = Math.abs(n); rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
  return digits;
}

/**
 * The walk's state: one budget for every limit, spent as values are reached.
 * Values are counted when pushed, so the stack never holds more than the node budget.
 */
class Walk {
  visited = 0;
  bytes = 0;
  readonly stack: Pending[] = [];

  constructor(readonly limits: MessageLimits) {}

  spend(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.limits.maxBytes) throw new Refusal("maxBytes");
  }

  reach(value: unknown, depth: number): void {
    this.visited += 1;
    if (this.visited > this.limits.maxNodes) throw new Refusal("maxNodes");
    this.stack.push({ value, depth });
  }

  key(key: string): void {
    if (key.length > this.limits.maxStringLength) throw new Refusal("maxStringLength");
    this.spend(stringBytes(key) + 2); // colon and comma
  }

  leaf(value: unknown): void {
    switch (typeof value) {
      case "string":
        if (value.length > this.limits.maxStringLength) throw new Refusal("maxStringLength");
        return this.spend(stringBytes(value));
      case "number":
        return this.spend(numberBytes(value));
      case "boolean":
        return this.spend(value ? 4 : 5);
      default:
        // undefined, bigint, symbol, function: msgpack yields at most the first two; the schema refuses them.
        return this.spend(4);
    }
  }

  container(value: object, depth: number): void {
    if (depth >= this.limits.maxDepth) throw new Refusal("maxDepth");
    const inner = depth + 1;
    // Binary data has no children worth walking; JSON would write each byte as a number.
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return this.spend(2 + 4 * value.byteLength);
    if (Array.isArray(value)) return this.items(value, inner);
    if (value instanceof Map) return this.entries(value, inner);
    if (value instanceof Set) return this.setItems(value, inner);
    return this.fields(value, inner);
  }

  items(array: readonly unknown[], depth: number): void {
    // Read once: length is an own data property of a real array, and the bound must hold for the loop.
    const length = array.length;
    if (length > this.limits.maxArrayLength) throw new Refusal("maxArrayLength");
    this.spend(2 + length);
    for (let i = 0; i < length; i++) this.reach(array[i], depth);
  }

  entries(map: Map<unknown, unknown>, depth: number): void {
    this.spend(2);
    let count = 0;
    // The built-in iterator, never a method the value could carry.
    for (const [key, item] of Map.prototype.entries.call(map)) {
      count += 1;
      if (count > this.limits.maxKeys) throw new Refusal("maxKeys");
      this.spend(2);
      this.reach(key, depth);
      this.reach(item, depth);
    }
  }

  setItems(set: Set<unknown>, depth: number): void {
    this.spend(2);
    let count = 0;
    for (const item of Set.prototype.values.call(set)) {
      count += 1;
      if (count > this.limits.maxArrayLength) throw new Refusal("maxArrayLength");
      this.spend(1);
      this.reach(item, depth);
    }
  }

  fields(object: object, depth: number): void {
    // Own string keys, enumerable or not (an Error's cause is not); descriptors so no getter ever runs.
    const keys = Object.getOwnPropertyNames(object);
    if (keys.length > this.limits.maxKeys) throw new Refusal("maxKeys");
    this.spend(2);
    for (const key of keys) {
      this.key(key);
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      this.reach(descriptor && "value" in descriptor ? descriptor.value : undefined, depth);
    }
  }

  run(root: unknown): void {
    this.reach(root, 0);
    for (let next = this.stack.pop(); next !== undefined; next = this.stack.pop()) {
      const { value, depth } = next;
      if (value === null) this.spend(4);
      else if (typeof value === "object") this.container(value, depth);
      else this.leaf(value);
    }
  }
}

/**
 * Walks a decoded message iteratively and stops at the first limit it breaks:
 * estimated JSON bytes, nesting depth, values reached (a shared value counts
 * each time it is reached, so a shared-reference DAG or a cycle runs out of
 * budget instead of expanding), string length, array/set length and object/map
 * size. Costs O(maxNodes × maxKeys) whatever the input, plus listing the keys
 * of the one over-wide object that ends the walk (the engine lists them all:
 * bounded by the frame, which cost as much to decode). Never calls a method,
 * getter or `toString` of the value.
 *
 * @returns `{ ok: true }` with the walk's cost, or a refusal whose message a player's client can show.
 */
export function checkMessageBounds(value: unknown, limits: MessageLimits = DEFAULT_LIMITS): BoundsResult {
  const walk = new Walk(limits);
  try {
    walk.run(value);
    return { ok: true, visited: walk.visited, bytes: walk.bytes };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { ok: false, code: CODES[error.limit], limit: error.limit, message: messageFor(error.limit, limits), visited: walk.visited };
  }
}

/**
 * msgpackr extension types no client of ours sends (`@colyseus/sdk` packs with
 * a default `Packr`: records yes, structured clone and `moreTypes` no) and an
 * attacker can use: shared references and cycles (0x69 id, 0x70 pointer),
 * Error (0x65) and RegExp (0x78), which convert decoded data to strings inside
 * the decoder — with shared references an exponential join before any room
 * code runs — and Set (0x73), typed arrays (0x74), BigInt (0x42) and bundled
 * strings (0x62). Kept: 0x00 (undefined) and 0xff (timestamps).
 */
export const REFUSED_MSGPACK_EXTENSIONS: readonly number[] = [0x69, 0x70, 0x65, 0x78, 0x73, 0x74, 0x42, 0x62];

/** The shape of msgpackr's `addExtension`, so this module needs no msgpackr import. */
export type AddMsgpackExtension = (extension: { type: number; unpack(data: Uint8Array): never }) => void;

/**
 * Makes msgpackr refuse the extensions in {@link REFUSED_MSGPACK_EXTENSIONS}:
 * decoding such a frame throws, and Colyseus then closes that client's
 * connection. msgpackr keeps one extension table per loaded copy, so call it
 * once at start-up with `addExtension` from the same "msgpackr" that
 * `@colyseus/core` imports (the hoisted ESM copy).
 */
export function refuseRiskyMsgpackExtensions(addExtension: AddMsgpackExtension): void {
  for (const type of REFUSED_MSGPACK_EXTENSIONS) {
    addExtension({
      type,
      unpack(): never {
        throw new Error(`msgpack extension 0x${type.toString(16)} is not accepted`);
      },
    });
  }
}
