/**
 * `npm run bench:hostile [-- --json] [-- --verbose]`: what hostile input costs
 * everyone else. Starts the real server in this process (temp DATA_DIR,
 * PGlite, production rate limits, logLevel "error") on a free loopback port.
 * A bystander negotiation plays a chat move every 100 ms (its two seats in
 * turn) from start to end, while an attacker runs one class of hostile input
 * at a time. Per class it prints what was sent, how it was answered, the
 * bystander's reply delays, the process's memory and event-loop delay, and
 * whether the server still answers. Aims (issue: hostile input): bystander
 * worst reply < 50 ms, memory up <= 50 MB per class, no crash; each class
 * prints pass/FAIL, and the bench exits 0 unless the server crashed. With
 * --json, one JSON object; --verbose echoes every log line.
 *
 * A bystander delay runs from when its move was due (a fixed 100 ms grid),
 * not from when the timer fired, so a stalled event loop counts in full.
 * With ~30 moves a class, p99 is the worst move. Memory is judged on the RSS
 * peak and on the heap still used after a forced GC; the heapUsed peak is
 * printed too, but it also counts garbage not yet collected. Server,
 * bystander and attacker share one process: every figure includes the
 * clients' own work, so it errs on the slow side.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Client, type Room } from "@colyseus/sdk";
import { pack } from "msgpackr";
import { startServer } from "../../server/app.js";
import { readConfig, type ServerConfig } from "../../server/config.js";
import { createLogger } from "../../server/log.js";
import { clonePackr, errorExtension, frame, moveAround, nestedArrays, regexpExtension, sharedDag } from "../support/hostile-frames.js";
import { allReady } from "../support/plays.js";
import { SeatClient, type Reply } from "../support/seat-client.js";
import { createNegotiation } from "../support/http.js";

const JSON_OUT = process.argv.includes("--json");
const VERBOSE = process.argv.includes("--verbose");
const AIM = { worstDelayMs: 50, memoryMb: 50 };
const BYSTANDER_EVERY_MS = 100;
/** Every class is measured for at least this long, so the bystander makes ~20 moves in it. */
const MIN_WINDOW_MS = 3_000;
const REPLY_GRACE_MS = 5_000;

// ---- process-level instruments ------------------------------------------------------------------

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const crashes: { class: string; error: string }[] = [];
let currentClass = "setup";
const logLines = new Map<string, { count: number; first: string }>();
/** Counts a line the server logged in the current class (and echoes it with --verbose). */
function countLog(line: string): void {
  const held = logLines.get(currentClass) ?? { count: 0, first: line.split("\n")[0]!.slice(0, 200) };
  held.count += 1;
  logLines.set(currentClass, held);
  if (VERBOSE) process.stderr.write(`[${currentClass}] ${line}\n`);
}
// @colyseus/core logs to console (a stack trace per frame it cannot decode), and so do the bench's own SDK
// clients: a line is the server's unless the SDK called. The server's own logger gets a counting sink below.
for (const level of ["error", "warn"] as const) {
  console[level] = (...args: unknown[]) => {
    const line = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" ");
    if (/node_modules[\\/]@colyseus[\\/]sdk[\\/]/.test(new Error().stack ?? "")) {
      if (VERBOSE) process.stderr.write(`[${currentClass}] (client) ${line}\n`);
    } else countLog(line);
  };
}
process.on("uncaughtException", (e) => crashes.push({ class: currentClass, error: e.stack ?? String(e) }));
process.on("unhandledRejection", (e) => crashes.push({ class: currentClass, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }));

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
const round1 = (n: number) => Math.round(n * 10) / 10;

// ---- the server ---------------------------------------------------------------------------------

const dataDir = mkdtempSync(join(tmpdir(), "bench-hostile-"));
// Production defaults (rate limits, 10 messages/s per client), quiet logs, loopback only.
const config: ServerConfig = { ...readConfig({}), port: 0, host: "127.0.0.1", dataDir, logLevel: "error" };
const server = await startServer(config, createLogger(config.logLevel, (line) => countLog(line)));
const url = `http://127.0.0.1:${server.port}`;
const sdk = new Client(url);

// ---- frames -------------------------------------------------------------------------------------

const wide = (fields: number) => pack({ ref: "h", move: { type: "chat.send", text: "hi", ...Object.fromEntries(Array.from({ length: fields }, (_, i) => [`k${i}`, i])) } });

const FRAMES = {
  dag40: frame("move", clonePackr.pack({ ref: "h", move: sharedDag(40) })),
  error40: frame("move", moveAround(errorExtension(sharedDag(40)), "h")),
  regexp40: frame("control", regexpExtension(sharedDag(40))),
  deep1k: frame("move", moveAround(nestedArrays(1_000), "h")),
  deep200k: frame("move", moveAround(nestedArrays(200_000), "h")),
  wide5k: frame("move", wide(5_000)),
  wide25k: frame("move", wide(25_000)),
  string200k: frame("move", pack({ ref: "h", move: { type: "chat.send", text: "x".repeat(200_000) } })),
  string300k: frame("move", pack({ ref: "h", move: { type: "chat.send", text: "x".repeat(300_000) } })),
  starToString: frame("*", pack({ toString: 1, valueOf: 1, ref: "h" })),
  nul: frame("move", pack({ ref: "h", move: { type: "chat.send", text: "nul\u0000inside" } })),
  chat: frame("move", pack({ ref: "h", move: { type: "chat.send", text: "Can you move on price?" } })),
};

// ---- tables -------------------------------------------------------------------------------------

async function seat(code: string, seatId: string, name: string): Promise<SeatClient> {
  return new SeatClient(await sdk.joinById(code, { seat: seatId, name }), seatId);
}

/** Briefing and preparation done, in discovery (where chat is open). */
async function toDiscovery(p: SeatClient, s: SeatClient, starter: SeatClient): Promise<void> {
  const started = await starter.control({ type: "session.start" });
  if (!started.ok) throw new Error(`session.start refused: ${started.code}`);
  await allReady(p, s);
  await p.must({ type: "objectives.set", objectives: ["meet-cfo-target", "lift-service", "protect-data"] });
  await s.must({ type: "objectives.set", objectives: ["multi-year", "grow-account", "land-reference"] });
  await allReady(p, s);
}

const bystanderCode = (await createNegotiation(url, { scenarioId: "strategic-3pl", role: "player" })).code;
const bp = await seat(bystanderCode, "procurement", "Bo");
const bs = await seat(bystanderCode, "sales", "Bea");
await toDiscovery(bp, bs, bp);

// The attacked negotiation: run by a trainer, whose key lets the attacker open as many connections as it likes.
const attacked = await createNegotiation(url, { scenarioId: "strategic-3pl", role: "trainer" });
const trainerKey = attacked.trainerKey!;
const ap = await seat(attacked.code, "procurement", "Pat");
const attacker = await seat(attacked.code, "sales", "Mallory");
const trainer = new SeatClient(await sdk.joinById(attacked.code, { trainerKey }), "trainer");
await toDiscovery(ap, attacker, trainer);

// ---- the bystander ------------------------------------------------------------------------------

interface Sample {
  due: number;
  delay: number;
  answer: string;
}
const samples: Sample[] = [];
let bystanderOn = true;
const bystanderDone = (async () => {
  const start = performance.now();
  for (let k = 0; bystanderOn; k++) {
    const due = start + k * BYSTANDER_EVERY_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const who = k % 2 ? bs : bp;
    // Fired without waiting for the previous reply: a slow answer never delays the next move.
    who.move({ type: "chat.send", text: `Bystander move ${k}.` }).then(
      (r) => samples.push({ due, delay: performance.now() - due, answer: r.ok ? "ok" : r.code }),
      () => samples.push({ due, delay: Number.POSITIVE_INFINITY, answer: "no reply in 5 s" }),
    );
  }
})();

// ---- attacks ------------------------------------------------------------------------------------

type Tally = Record<string, number>;
const add = (t: Tally, key: string, n = 1) => void (t[key] = (t[key] ?? 0) + n);

interface Attack {
  sent: number;
  bytes: number;
  answers: Tally;
  note?: string;
}

/** `n` frames from the seated attacker, one every `everyMs` (0: all at once); waits for the replies. */
async function fromSeat(frameOf: (i: number) => Uint8Array, n: number, everyMs: number): Promise<Attack> {
  const answers: Tally = {};
  let replies = 0;
  const off = attacker.room.onMessage("reply", (r: Reply) => {
    replies += 1;
    add(answers, r.ok ? "ok" : r.code);
  });
  let closed: number | null = null;
  const onLeave = (code: number) => void (closed = code);
  attacker.room.onLeave(onLeave);
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < n && closed === null; i++) {
    const f = frameOf(i);
    bytes += f.length;
    attacker.room.connection.send(f);
    if (everyMs > 0) {
      const wait = start + (i + 1) * everyMs - performance.now();
      if (wait > 0) await sleep(wait);
    }
  }
  const until = performance.now() + REPLY_GRACE_MS;
  while (replies < n && closed === null && performance.now() < until) await sleep(10);
  off();
  attacker.room.onLeave.remove(onLeave);
  attacker.unanswered.length = 0;
  if (closed !== null) add(answers, `close ${closed}`);
  if (replies < n && closed === null) add(answers, "no reply", n - replies);
  return { sent: n, bytes, answers };
}

/** One new trainer connection per frame (a frame the decoder refuses costs its connection); sequential. */
async function oneFramePerConnection(frameOf: (i: number) => Uint8Array, n: number): Promise<Attack> {
  const answers: Tally = {};
  let bytes = 0;
  let sent = 0;
  for (let i = 0; i < n; i++) {
    let room: Room;
    try {
      room = await sdk.joinById(attacked.code, { trainerKey });
    } catch (e) {
      add(answers, `join ${(e as { code?: number }).code ?? "error"}`);
      continue;
    }
    room.onMessage("hello", () => undefined);
    const outcome = new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve("no answer in 5 s"), REPLY_GRACE_MS);
      room.onLeave((code: number) => (clearTimeout(timer), resolve(`close ${code}`)));
      room.onMessage("reply", (r: Reply) => (clearTimeout(timer), resolve(r.ok ? "ok" : r.code)));
    });
    const f = frameOf(i);
    bytes += f.length;
    sent += 1;
    room.connection.send(f);
    const answer = await outcome;
    add(answers, answer);
    if (!answer.startsWith("close")) await room.leave();
  }
  return { sent, bytes, answers };
}

async function joinsWithNames(names: string[]): Promise<Attack> {
  const answers: Tally = {};
  let bytes = 0;
  for (const name of names) {
    bytes += Buffer.byteLength(name);
    try {
      const room = await sdk.joinById(attacked.code, { seat: "sales", name });
      add(answers, "joined (!)");
      await room.leave();
    } catch (e) {
      add(answers, `join ${(e as { code?: number }).code ?? "error"}`);
    }
  }
  return { sent: names.length, bytes, answers };
}

/** `n` HTTP requests, `concurrency` at a time, tallied by status. */
async function http(n: number, concurrency: number, request: (i: number) => { path: string; init?: RequestInit }): Promise<Attack> {
  const answers: Tally = {};
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const { path, init } = request(i);
      bytes += path.length + (typeof init?.body === "string" ? init.body.length : 0);
      try {
        const res = await fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(REPLY_GRACE_MS) });
        await res.arrayBuffer();
        add(answers, `HTTP ${res.status}`);
      } catch {
        add(answers, "HTTP error");
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sent: n, bytes, answers };
}

async function roomCount(): Promise<number> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { rooms: number }).rooms;
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const randomCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)]).join("");
const MATCHMAKE = ["create", "joinOrCreate", "join"];

const CLASSES: { name: string; what: string; run: () => Promise<Attack> }[] = [
  { name: "baseline", what: "no attack", run: async () => ({ sent: 0, bytes: 0, answers: {} }) },
  { name: "shared-ref DAG", what: "40-level structured-clone DAG move, 1 per connection", run: () => oneFramePerConnection(() => FRAMES.dag40, 10) },
  { name: "Error/RegExp expansion", what: "Error name / RegExp source = 40-level DAG, 1 per connection", run: () => oneFramePerConnection((i) => (i % 2 ? FRAMES.regexp40 : FRAMES.error40), 10) },
  { name: "deep nesting 1k", what: "move nested 1,000 arrays deep, 100/s", run: () => fromSeat(() => FRAMES.deep1k, 200, 10) },
  { name: "deep nesting 200k", what: "200,000 arrays deep (decoder stack overflow), 1 per connection", run: () => oneFramePerConnection(() => FRAMES.deep200k, 10) },
  { name: "wide object 5k", what: "move with 5,000 fields, 100/s", run: () => fromSeat(() => FRAMES.wide5k, 200, 10) },
  { name: "wide object 25k", what: "move with 25,000 fields (largest frame taken), 20/s", run: () => fromSeat(() => FRAMES.wide25k, 40, 50) },
  {
    name: "oversized string",
    what: "200 KB chat text, 20/s; then one 300 KB frame",
    run: async () => {
      const seated = await fromSeat(() => FRAMES.string200k, 40, 50);
      const over = await oneFramePerConnection(() => FRAMES.string300k, 1);
      for (const [k, v] of Object.entries(over.answers)) add(seated.answers, `300 KB: ${k}`, v);
      return { sent: seated.sent + over.sent, bytes: seated.bytes + over.bytes, answers: seated.answers };
    },
  },
  { name: '"*" with toString', what: 'type "*", payload { toString: 1 }, 100/s', run: () => fromSeat(() => FRAMES.starToString, 200, 10) },
  { name: "NUL text", what: "chat text with U+0000, 100/s", run: () => fromSeat(() => FRAMES.nul, 200, 10) },
  {
    name: "bidi/invisible names",
    what: "joins with hostile display names",
    run: () => joinsWithNames(["\u202Eeil\u202C", "\u200B\u200B\u200B", "\u2066Sam\u2069", "The Facilitator", "Fаcilitator", "Sam\u0000", "a\u0301\u0301\u0301\u0301\u0301\u0301", "\uD800", " \u3164 ", "x".repeat(10_000)]),
  },
  { name: "move flood", what: "400 valid chat moves at once (limit 10/s, bursts 20)", run: () => fromSeat(() => FRAMES.chat, 400, 0) },
  {
    name: "matchmake create/joinOrCreate",
    what: "POST /matchmake/{create,joinOrCreate,join}/negotiation, 10 at a time",
    run: async () => {
      const before = await roomCount();
      const body = JSON.stringify({ scenarioId: "strategic-3pl", seat: "sales", name: "Eve" });
      const result = await http(300, 10, (i) => ({ path: `/matchmake/${MATCHMAKE[i % 3]}/negotiation`, init: { method: "POST", headers: { "content-type": "application/json" }, body } }));
      const after = await roomCount();
      return { ...result, note: `rooms ${before} → ${after}` };
    },
  },
  { name: "code-guessing lookups", what: "GET /api/negotiations/<random code>, 10 at a time", run: () => http(300, 10, () => ({ path: `/api/negotiations/${randomCode()}` })) },
];

// ---- measuring one class ------------------------------------------------------------------------

interface ClassResult {
  class: string;
  what: string;
  sent: number;
  bytes_sent: number;
  answers: Tally;
  note?: string;
  duration_ms: number;
  bystander_moves: number;
  bystander_not_ok: Tally;
  bystander_p50_ms: number;
  bystander_p95_ms: number;
  bystander_p99_ms: number;
  bystander_worst_ms: number;
  event_loop_max_ms: number;
  rss_peak_mb: number;
  rss_delta_mb: number;
  heap_used_delta_mb: number;
  heap_retained_delta_mb: number;
  log_lines: number;
  first_log_line?: string;
  server_up: boolean;
  pass: { delay: boolean; memory: boolean; up: boolean };
}

const nearestRank = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

async function healthy(): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

async function measure(c: (typeof CLASSES)[number]): Promise<ClassResult> {
  currentClass = c.name;
  gc();
  await sleep(200); // let the bystander's in-flight moves land outside this class
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const base = process.memoryUsage();
  let rssPeak = base.rss;
  let heapPeak = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 10);
  const crashesBefore = crashes.length;
  loop.enable();
  const start = performance.now();
  const attack = await c.run();
  const left = MIN_WINDOW_MS - (performance.now() - start);
  if (left > 0) await sleep(left);
  const end = performance.now();
  loop.disable();
  await sleep(BYSTANDER_EVERY_MS * 2); // the last moves' replies
  clearInterval(sampler);
  gc();
  const retained = process.memoryUsage().heapUsed - base.heapUsed;
  const mine = samples.filter((s) => s.due >= start && s.due < end);
  const delays = mine.map((s) => s.delay).sort((a, b) => a - b);
  const notOk: Tally = {};
  for (const s of mine) if (s.answer !== "ok") add(notOk, s.answer);
  const up = (await healthy()) && crashes.length === crashesBefore && bp.room.connection.isOpen && bs.room.connection.isOpen;
  const worst = delays.at(-1) ?? Number.NaN;
  const rssDelta = mb(rssPeak - base.rss);
  const heapDelta = mb(heapPeak - base.heapUsed);
  const heapRetained = mb(retained);
  const log = logLines.get(c.name);
  return {
    class: c.name,
    what: c.what,
    sent: attack.sent,
    bytes_sent: attack.bytes,
    answers: attack.answers,
    ...(attack.note ? { note: attack.note } : {}),
    duration_ms: Math.round(end - start),
    bystander_moves: mine.length,
    bystander_not_ok: notOk,
    bystander_p50_ms: round1(nearestRank(delays, 0.5)),
    bystander_p95_ms: round1(nearestRank(delays, 0.95)),
    bystander_p99_ms: round1(nearestRank(delays, 0.99)),
    bystander_worst_ms: round1(worst),
    event_loop_max_ms: round1(loop.max / 1e6),
    rss_peak_mb: mb(rssPeak),
    rss_delta_mb: rssDelta,
    heap_used_delta_mb: heapDelta,
    heap_retained_delta_mb: heapRetained,
    log_lines: log?.count ?? 0,
    ...(log ? { first_log_line: log.first } : {}),
    server_up: up,
    pass: { delay: worst < AIM.worstDelayMs && Object.keys(notOk).length === 0, memory: rssDelta <= AIM.memoryMb && heapRetained <= AIM.memoryMb, up },
  };
}

// ---- run ----------------------------------------------------------------------------------------

await sleep(1_000); // the bystander warms up outside every class
const results: ClassResult[] = [];
for (const c of CLASSES) {
  const r = await measure(c);
  results.push(r);
  if (!r.server_up) break; // nothing after a crash would mean anything
}
bystanderOn = false;
await bystanderDone;
await sleep(300);
currentClass = "shutdown";
const crashed = results.some((r) => !r.server_up) || crashes.length > 0;
if (!crashed) await server.close();
rmSync(dataDir, { recursive: true, force: true });

const summary = {
  aims: { bystander_worst_ms_below: AIM.worstDelayMs, memory_up_mb_at_most: AIM.memoryMb, crashes: 0 },
  setup: {
    server: "in-process startServer, PGlite in a temp DATA_DIR, production rate limits (MESSAGES_PER_SECOND 10, RATE_LIMIT_SCALE 1), logLevel error, 127.0.0.1",
    bystander: `strategic-3pl in discovery, chat.send every ${BYSTANDER_EVERY_MS} ms alternating its two seats; delay from when each move was due`,
    memory: "process.memoryUsage() every 10 ms after a forced GC at the start of each class; delta = peak − start; retained = heapUsed after a forced GC at the end − start. Judged: RSS delta and retained heap (the heapUsed peak also counts garbage not yet collected, the clients' included)",
    window_ms_min: MIN_WINDOW_MS,
  },
  classes: results,
  crashes,
  all_pass: results.every((r) => r.pass.delay && r.pass.memory && r.pass.up),
  node: process.version,
  cpus: cpus().length,
  cpu_model: cpus()[0]?.model ?? "unknown",
};

const answersText = (t: Tally) => Object.entries(t).map(([k, v]) => `${k} ×${v}`).join(", ") || "—";
const yes = (b: boolean) => (b ? "pass" : "FAIL");
if (JSON_OUT) console.log(JSON.stringify(summary));
else {
  console.log(`hostile input bench — node ${summary.node}, ${summary.cpus} cores (${summary.cpu_model})`);
  console.log(`aims: bystander worst < ${AIM.worstDelayMs} ms, memory up <= ${AIM.memoryMb} MB, server up\n`);
  for (const r of results) {
    console.log(`${r.class} — ${r.what}`);
    console.log(`  sent ${r.sent} (${Math.round(r.bytes_sent / 1024)} KB) → ${answersText(r.answers)}${r.note ? `; ${r.note}` : ""}`);
    console.log(`  bystander: ${r.bystander_moves} moves, p50 ${r.bystander_p50_ms} ms, p95 ${r.bystander_p95_ms} ms, p99 ${r.bystander_p99_ms} ms, worst ${r.bystander_worst_ms} ms${Object.keys(r.bystander_not_ok).length ? `, not ok: ${answersText(r.bystander_not_ok)}` : ""}; event loop max ${r.event_loop_max_ms} ms`);
    console.log(`  memory: RSS peak ${r.rss_peak_mb} MB (+${r.rss_delta_mb}), heapUsed +${r.heap_used_delta_mb} MB (retained after GC ${r.heap_retained_delta_mb >= 0 ? "+" : ""}${r.heap_retained_delta_mb}); log lines ${r.log_lines}; server up: ${r.server_up ? "yes" : "NO"}`);
    console.log(`  delay ${yes(r.pass.delay)}, memory ${yes(r.pass.memory)}, up ${yes(r.pass.up)}\n`);
  }
  for (const c of crashes) console.log(`CRASH in ${c.class}: ${c.error}`);
}
process.exit(crashed ? 1 : 0);
