import { encode } from "@colyseus/schema";
import { Protocol } from "@colyseus/sdk";
import { pack, Packr } from "msgpackr";

/**
 * Raw Colyseus frames an attacker could send, for the hostile-input test and
 * benchmark: built by hand, below the SDK, so they carry what a real client never would.
 */

/** A ROOM_DATA frame as @colyseus/core's onData reads it: protocol byte, the type as a msgpack string, then the msgpack payload. */
export function frame(type: string, payload?: Uint8Array): Uint8Array {
  const head = new Uint8Array(8 + type.length * 3);
  head[0] = Protocol.ROOM_DATA;
  const it = { offset: 1 };
  encode.string(head, type, it);
  const out = new Uint8Array(it.offset + (payload?.length ?? 0));
  out.set(head.subarray(0, it.offset), 0);
  if (payload) out.set(payload, it.offset);
  return out;
}

/** Each level holds the level below twice: 2^levels leaves once expanded, a few bytes per level on the wire. */
export function sharedDag(levels: number): unknown {
  let v: unknown = ["x"];
  for (let i = 0; i < levels; i++) v = [v, v];
  return v;
}

/** msgpackr's structured clone writes the second occurrence of an object as a pointer (0x69 id / 0x70 pointer extensions). */
export const clonePackr = new Packr({ structuredClone: true });

/** msgpackr's Error extension (0xd4 0x65 0x00 then [name, message, cause]): the decoder joins the name to a string. */
export const errorExtension = (name: unknown) => Buffer.concat([Buffer.from([0xd4, 0x65, 0x00]), clonePackr.pack([name, "m", null])]);

/** msgpackr's RegExp extension (0xd4 0x78 0x00 then [source, flags]): the decoder passes the source to `new RegExp`. */
export const regexpExtension = (source: unknown) => Buffer.concat([Buffer.from([0xd4, 0x78, 0x00]), clonePackr.pack([source, "g"])]);

/** A move envelope whose `move` is the given raw msgpack value. */
export const moveAround = (raw: Uint8Array, ref = "hostile") => Buffer.concat([pack({ ref, move: null }).subarray(0, -1), raw]);

/** `levels` arrays nested in one another, one byte per level (0x91 = array of one), around a 1. */
export function nestedArrays(levels: number): Uint8Array {
  const bytes = new Uint8Array(levels + 1).fill(0x91);
  bytes[levels] = 0x01;
  return bytes;
}
