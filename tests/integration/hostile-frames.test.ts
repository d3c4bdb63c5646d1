/**
 * Hostile frames over real sockets: raw Colyseus ROOM_DATA frames that the
 * SDK would never send (structured-clone references, Error/RegExp
 * extensions, deep and wide payloads, a "*" message), crafted byte by byte
 * and written to the room's socket. What a user sees is asserted: the
 * attacker gets a typed refusal or is disconnected (4002), and the server,
 * the attacked room's other player and a bystander negotiation carry on.
 * Timing figures are in `npm run bench:hostile`, not here.
 */
import { CloseCode, type Room } from "@colyseus/sdk";
import { pack, Packr, unpack } from "msgpackr";
import { MAX_MESSAGE_BYTES } from "../../shared/protocol.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorReply } from "../../shared/protocol.js";
import { clonePackr, errorExtension, frame, moveAround, nestedArrays, regexpExtension, sharedDag } from "../support/hostile-frames.js";
import { reachDiscovery } from "../support/plays.js";
import type { Reply, SeatClient } from "../support/seat-client.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { leaveTable, openTable, type Table } from "../support/tables.js";

let server: TestServer;
let bystander: Table;

beforeAll(async () => {
  server = await startTestServer();
  bystander = await openTable(server, "strategic-3pl", { procurement: "Bo", sales: "Bea" });
  await reachDiscovery(bystander.seats.procurement!, bystander.seats.sales!);
});
afterAll(async () => {
  if (bystander) leaveTable(bystander);
  await server?.close();
});

// ---- helpers ------------------------------------------------------------------------------------

/** A fresh negotiation in discovery, its sales seat the attacker. */
async function attackedTable(): Promise<{ table: Table; attacker: SeatClient; partner: SeatClient }> {
  const table = await openTable(server, "strategic-3pl", { procurement: "Pat", sales: "Sam" });
  await reachDiscovery(table.seats.procurement!, table.seats.sales!);
  return { table, attacker: table.seats.sales!, partner: table.seats.procurement! };
}

function closeCode(room: Room): Promise<number> {
  return new Promise((resolve) => room.onLeave((code: number) => resolve(code)));
}

function replyTo(room: Room, ref: string | null): Promise<ErrorReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to ${String(ref)} within 5 s`)), 5_000);
    room.onMessage("reply", (r: Reply) => {
      if (r.ref !== ref || r.ok) return;
      clearTimeout(timer);
      resolve(r);
    });
  });
}

let chats = 0;
/** A normal chat move: answered, accepted, and stored. */
async function chats_ok(who: SeatClient): Promise<void> {
  const r = await who.move({ type: "chat.send", text: `Still here (${++chats}).` });
  expect(r, `${who.name}'s chat`).toMatchObject({ ok: true });
}

/** What must hold after every hostile frame, whoever sent it. */
async function everythingElseCarriesOn(partner: SeatClient): Promise<void> {
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  await chats_ok(bystander.seats.procurement!);
  await chats_ok(bystander.seats.sales!);
  expect(partner.room.connection.isOpen).toBe(true);
  await chats_ok(partner);
}

// ---- tests --------------------------------------------------------------------------------------

describe("frames the decoder now refuses: the attacker is disconnected (4002), nobody else notices", () => {
  it("the decoder this server uses refuses the extensions (checked on small frames, so a regression fails here instead of hanging)", () => {
    expect(() => unpack(clonePackr.pack({ a: sharedDag(3) }))).toThrow(/0x69 is not accepted/);
    expect(() => unpack(errorExtension("Error"))).toThrow(/0x65 is not accepted/);
    expect(() => unpack(regexpExtension("a+"))).toThrow(/0x78 is not accepted/);
    // What @colyseus/sdk sends still decodes.
    expect(unpack(new Packr().pack({ ref: "r", move: { type: "chat.send", text: "hi" } }))).toEqual({ ref: "r", move: { type: "chat.send", text: "hi" } });
  });

  const dag40 = clonePackr.pack({ ref: "hostile", move: sharedDag(40) });
  it.each([
    // ~500 bytes that decode, unhardened, into a graph of 2^40 leaves once anything walks or serialises it.
    ["a 40-level shared-reference DAG", "move", dag40],
    // Unhardened, msgpackr itself joins the 2^40-leaf name to a string while decoding: the whole process stalls.
    ["an Error whose name is a 40-level DAG", "move", moveAround(errorExtension(sharedDag(40)))],
    ["a RegExp whose source is a 40-level DAG", "control", regexpExtension(sharedDag(40))],
  ] as const)("%s", async (_name, type, payload) => {
    expect(payload.length).toBeLessThan(2 * MAX_MESSAGE_BYTES); // under the transport's maxPayload: it reaches the decoder
    const { table, attacker, partner } = await attackedTable();
    const closed = closeCode(attacker.room);
    attacker.room.connection.send(frame(type, payload));
    expect(await closed).toBe(CloseCode.WITH_ERROR);
    expect(CloseCode.WITH_ERROR).toBe(4002);
    expect(attacker.unanswered).toEqual([]); // disconnected, not answered
    await everythingElseCarriesOn(partner);
    leaveTable(table);
  });
});

describe("frames far over the message limit: closed by the transport before anything decodes them", () => {
  it.each([
    // msgpackr recurses per level: 200,000 levels would overflow the stack inside the decoder.
    ["200,000 nested arrays", "move", moveAround(nestedArrays(200_000))],
    ["an object with 25,000 fields", "move", pack({ ref: "hostile", move: { type: "chat.send", text: "hi", ...Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`k${i}`, i])) } })],
    ["a 100 KB chat text", "move", pack({ ref: "hostile", move: { type: "chat.send", text: "x".repeat(100_000) } })],
  ] as const)("%s", async (_name, type, payload) => {
    expect(payload.length).toBeGreaterThan(2 * MAX_MESSAGE_BYTES);
    const { table, attacker, partner } = await attackedTable();
    const closed = closeCode(attacker.room);
    attacker.room.connection.send(frame(type, payload));
    expect(await closed).toBe(1009); // WebSocket "message too big"
    await everythingElseCarriesOn(partner);
    leaveTable(table);
  });
});

describe("frames that decode but break the bounds: a typed refusal, and the attacker keeps its seat", () => {
  const wideObject = Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`k${i}`, i]));
  it.each([
    ["1,000 nested arrays", "move", moveAround(nestedArrays(1_000)), "too-deep"],
    ["a plain object nested 50 levels", "move", pack({ ref: "hostile", move: JSON.parse(`${'{"a":'.repeat(50)}1${"}".repeat(50)}`) as unknown }), "too-deep"],
    ["an object with 1,500 fields", "move", pack({ ref: "hostile", move: { type: "chat.send", text: "hi", ...wideObject } }), "too-complex"],
    ["an array of 5,000 items", "control", pack({ ref: "hostile", control: Array.from({ length: 5_000 }, () => 0) }), "too-complex"],
    ["a 20 KB chat text", "move", pack({ ref: "hostile", move: { type: "chat.send", text: "x".repeat(20_000) } }), "too-large"],
  ] as const)("%s", async (_name, type, payload, code) => {
    expect(payload.length).toBeLessThan(2 * MAX_MESSAGE_BYTES); // reaches the room

    const { table, attacker, partner } = await attackedTable();
    const reply = replyTo(attacker.room, "hostile");
    attacker.room.connection.send(frame(type, payload));
    const r = await reply;
    expect(r.code).toBe(code);
    expect(r.message).toMatch(/limit \d+/); // says which limit, so a real client can explain it
    await everythingElseCarriesOn(partner);
    // The refused sender is still seated and can play on.
    expect(attacker.room.connection.isOpen).toBe(true);
    await chats_ok(attacker);
    leaveTable(table);
  });
});

describe('a "*"-typed message', () => {
  it("whose payload is { toString: 1 } is answered as an unknown message, without calling anything on it", async () => {
    const { table, attacker, partner } = await attackedTable();
    // The room's "*" handler receives the payload where a type name would be: it must not stringify it.
    const reply = replyTo(attacker.room, null);
    attacker.room.connection.send(frame("*", pack({ toString: 1, valueOf: 1, ref: "x" })));
    const r = await reply;
    expect(r.code).toBe("unknown-message");
    expect(r.message).toMatch(/\(not a name\)/);
    // A type that names an Object.prototype member reaches the same handler (Colyseus keys its handlers in a null-prototype object).
    const proto = replyTo(attacker.room, null);
    attacker.room.connection.send(frame("__proto__", pack({ ref: "x" })));
    expect((await proto).message).toMatch(/Unknown message type "__proto__"/);
    await everythingElseCarriesOn(partner);
    expect(attacker.room.connection.isOpen).toBe(true);
    await chats_ok(attacker);
    leaveTable(table);
  });
});
