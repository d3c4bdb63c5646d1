import { addExtension, Packr, unpack } from "msgpackr";
import { describe, expect, it } from "vitest";
import { checkMessageBounds, DEFAULT_LIMITS, refuseRiskyMsgpackExtensions } from "../../server/rooms/message-bounds.js";
import { MAX_MESSAGE_BYTES, MoveInputSchema } from "../../shared/protocol.js";

/** Each level refers to the level below twice: JSON doubles with every level. */
function binaryDag(levels: number): unknown {
  let v: unknown = { a: 1 };
  for (let i = 0; i < levels; i++) v = { a: v, b: v };
  return v;
}

/** Each level refers to the level below `width` times, within the depth limit. */
function wideDag(levels: number, width: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < levels; i++) v = Object.fromEntries(Array.from({ length: width }, (_, k) => [`k${k}`, v]));
  return v;
}

const normalMoves = [
  { ref: "0k3j9x21m4q8zz-17", move: { type: "chat.send", text: "Could you do 30-day terms?", to: ["sales"] } },
  { ref: "r-2", move: { type: "offer.propose", to: "sales", package: Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`issue-${i}`, `option-${i}`])), final: false } },
  { ref: "r-3", move: { type: "reflection.submit", answers: { "outcome-satisfied": 6, "outcome-fair": 5, "one-word": "straight", comment: "x".repeat(1_000) } } },
];

// msgpackr as Colyseus uses it: the module's default `unpack`, structured clone not disabled.
const sharedPackr = new Packr({ structuredClone: true });
const frames = {
  dag40: sharedPackr.pack({ ref: "x", move: binaryDag(40) }),
  wide: sharedPackr.pack({ ref: "x", move: wideDag(6, 16) }),
  cyclicArray: (() => {
    const a: unknown[] = [1];
    a.push(a);
    return sharedPackr.pack({ ref: "x", move: a });
  })(),
  // With records (what a default Packr writes), shared references can close a cycle through a plain object.
  cyclicRecord: (() => {
    const o: Record<string, unknown> = { type: "chat.send" };
    o["self"] = o;
    return new Packr({ structuredClone: true, useRecords: true }).pack({ ref: "x", move: o });
  })(),
  setOfDags: new Packr({ structuredClone: true, moreTypes: true }).pack({ ref: "x", move: new Set([binaryDag(30), binaryDag(30)]) }),
  // What @colyseus/sdk sends: a default Packr (records, no structured clone).
  sdkMove: new Packr().pack(normalMoves[1]),
};
// Decoded now, before the hardening test at the end of this file changes msgpackr's extension table.
const decoded = Object.fromEntries(Object.entries(frames).map(([name, frame]) => [name, unpack(frame)]));

describe("checkMessageBounds", () => {
  it.each(normalMoves.map((m) => [m.move.type, m] as const))("passes a normal %s message, and its move still parses", (_type, message) => {
    expect(checkMessageBounds(message)).toMatchObject({ ok: true });
    expect(MoveInputSchema.safeParse(message.move).success).toBe(true);
  });

  it("refuses a 40-level shared-reference DAG as too deep after a few dozen values", () => {
    const result = checkMessageBounds(binaryDag(40));
    expect(result).toMatchObject({ ok: false, code: "too-deep", message: `That message is nested too deeply (limit ${DEFAULT_LIMITS.maxDepth} levels).` });
    expect(result.visited).toBeLessThanOrEqual(2 * DEFAULT_LIMITS.maxDepth + 2);
  });

  it("refuses a 16-wide shared DAG within the depth limit once it has reached the node limit", () => {
    const result = checkMessageBounds(wideDag(6, 16));
    expect(result).toMatchObject({ ok: false, code: "too-complex" });
    expect(result.visited).toBeLessThanOrEqual(DEFAULT_LIMITS.maxNodes + 1);
  });

  it("counts a shared value each time it is reached", () => {
    const shared = { text: "x".repeat(1_000) };
    const result = checkMessageBounds({ a: shared, b: shared, c: shared, d: shared, e: shared, f: shared, g: shared, h: shared, i: shared, j: shared, k: shared, l: shared, m: shared, n: shared, o: shared, p: shared, q: shared });
    expect(result).toMatchObject({ ok: false, code: "too-large", message: `That message is too large (limit ${MAX_MESSAGE_BYTES} bytes).` });
  });

  it.each([
    ["an array containing itself", (() => { const a: unknown[] = []; a.push(a); return a; })()],
    ["an object containing itself", (() => { const o: Record<string, unknown> = {}; o["self"] = o; return o; })()],
    ["a Set containing itself", (() => { const s = new Set<unknown>(); s.add(s); return s; })()],
    ["a Map whose value is the Map", (() => { const m = new Map<unknown, unknown>(); m.set("m", m); return m; })()],
  ])("refuses %s without looping", (_name, value) => {
    const result = checkMessageBounds(value);
    expect(result).toMatchObject({ ok: false, code: "too-deep" });
    expect(result.visited).toBeLessThanOrEqual(2 * DEFAULT_LIMITS.maxDepth + 2);
  });

  it.each([
    ["a string over the string limit", { text: "x".repeat(DEFAULT_LIMITS.maxStringLength + 1) }, "too-large", "maxStringLength"],
    ["a key over the string limit", { ["k".repeat(DEFAULT_LIMITS.maxStringLength + 1)]: 1 }, "too-large", "maxStringLength"],
    ["many strings adding up to more than the byte limit", Array.from({ length: 20 }, () => "x".repeat(1_000)), "too-large", "maxBytes"],
    ["text made of escapes that JSON makes six times longer", { text: "\u0001".repeat(3_000) }, "too-large", "maxBytes"],
    ["an array over the array limit", Array.from({ length: DEFAULT_LIMITS.maxArrayLength + 1 }, () => 0), "too-complex", "maxArrayLength"],
    ["a sparse array with a huge length", (() => { const a: unknown[] = []; a.length = 2 ** 32 - 1; return a; })(), "too-complex", "maxArrayLength"],
    ["an object over the key limit", Object.fromEntries(Array.from({ length: DEFAULT_LIMITS.maxKeys + 1 }, (_, i) => [`k${i}`, i])), "too-complex", "maxKeys"],
    ["a Map over the key limit", new Map(Array.from({ length: DEFAULT_LIMITS.maxKeys + 1 }, (_, i) => [i, i])), "too-complex", "maxKeys"],
    ["a Set over the array limit", new Set(Array.from({ length: DEFAULT_LIMITS.maxArrayLength + 1 }, (_, i) => i)), "too-complex", "maxArrayLength"],
    ["an 8 KB Buffer", { blob: Buffer.alloc(8_192) }, "too-large", "maxBytes"],
    ["a 5,000-element Float64Array", { blob: new Float64Array(5_000) }, "too-large", "maxBytes"],
  ] as const)("refuses %s", (_name, value, code, limit) => {
    expect(checkMessageBounds(value)).toMatchObject({ ok: false, code, limit });
  });

  it("never calls a method, getter or toJSON of the value", () => {
    const trap = () => {
      throw new Error("called");
    };
    const hostile: Record<string, unknown> = { toString: trap, valueOf: trap, toJSON: trap, constructor: "x", hasOwnProperty: 1 };
    Object.defineProperty(hostile, "getter", { enumerable: true, get: trap });
    const withProto = JSON.parse('{"__proto__": {"polluted": true}, "toString": {"toString": 1}}') as unknown;
    const bare = Object.create(null) as Record<string, unknown>;
    bare["type"] = "chat.send";
    for (const value of [hostile, withProto, bare, { nested: [hostile, withProto, bare] }]) {
      expect(checkMessageBounds(value)).toMatchObject({ ok: true });
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("accepts the odd leaves msgpack can yield (undefined, bigint, small binary, dates) and leaves refusing them to the schema", () => {
    expect(checkMessageBounds({ a: undefined, b: 10n ** 30n, c: new Uint8Array(16), d: new Date(0), e: Number.NaN, f: Symbol("s"), g: trap0 })).toMatchObject({ ok: true });
  });

  it("lets a caller set tighter limits", () => {
    expect(checkMessageBounds({ a: { b: 1 } }, { ...DEFAULT_LIMITS, maxDepth: 1 })).toMatchObject({ ok: false, code: "too-deep" });
  });
});

function trap0(): never {
  throw new Error("called");
}

describe("checkMessageBounds on frames decoded by msgpackr's unpack, as Colyseus decodes them", () => {
  it("decodes a 40-level DAG from under 1 KB, with its parts shared", () => {
    expect(frames.dag40.length).toBeLessThan(1_000);
    const move = (decoded["dag40"] as { move: { a: unknown; b: unknown } }).move;
    expect(move.a).toBe(move.b);
  });

  it.each([
    ["a 40-level DAG", "dag40", "too-deep"],
    ["a 16-wide DAG six levels deep", "wide", "too-complex"],
    ["a cyclic array", "cyclicArray", "too-deep"],
    ["a cyclic record (plain object)", "cyclicRecord", "too-deep"],
    ["a Set of 30-level DAGs", "setOfDags", "too-deep"],
  ] as const)("refuses %s within the node budget", (_name, frame, code) => {
    const result = checkMessageBounds(decoded[frame]);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.visited).toBeLessThanOrEqual(DEFAULT_LIMITS.maxNodes + 1);
  });

  it("can produce a cycle through a plain object (records) and through an array", () => {
    const record = (decoded["cyclicRecord"] as { move: { self: unknown } }).move;
    expect(record.self).toBe(record);
    const array = (decoded["cyclicArray"] as { move: unknown[] }).move;
    expect(array[1]).toBe(array);
  });

  it("passes the frame the Colyseus client sends for a normal proposal", () => {
    expect(decoded["sdkMove"]).toEqual(normalMoves[1]);
    expect(checkMessageBounds(decoded["sdkMove"])).toMatchObject({ ok: true });
  });
});

// Last in this file: it changes msgpackr's process-wide extension table (vitest runs each file in its own process).
describe("refuseRiskyMsgpackExtensions", () => {
  it("makes shared-reference, Error and RegExp frames fail to decode, and keeps what the client sends", () => {
    refuseRiskyMsgpackExtensions(addExtension);
    expect(() => unpack(frames.dag40)).toThrow(/0x69 is not accepted/);
    // An Error extension whose name is a shared DAG: unhardened, msgpackr joins it to a string (exponential) inside unpack.
    let dag: unknown = ["x"];
    for (let i = 0; i < 12; i++) dag = [dag, dag];
    const errorFrame = Buffer.concat([Buffer.from([0xd4, 0x65, 0x00]), sharedPackr.pack([dag, "m", null])]);
    expect(() => unpack(errorFrame)).toThrow(/0x65 is not accepted/);
    expect(() => unpack(new Packr({ moreTypes: true }).pack(/a+/))).toThrow(/0x78 is not accepted/);
    expect(unpack(frames.sdkMove)).toEqual(normalMoves[1]);
    expect(unpack(new Packr().pack({ ref: "x", move: { type: "chat.send", text: "hi", to: undefined } }))).toEqual({ ref: "x", move: { type: "chat.send", text: "hi", to: undefined } });
  });
});
