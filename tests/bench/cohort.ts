/**
 * `npm run bench:cohort [-- --json] [-- --in-process] [-- --seconds N] [-- --tables N] [-- --verbose]`
 * (diagnostics: `--leave-cohort`, `--dump FILE` writes every move's timings):
 * a facilitated cohort at full size. Starts the real server in this process
 * (startServer, free loopback port, temp DATA_DIR, PGlite, logLevel "error",
 * RATE_LIMIT_SCALE 1000 because every client shares one address) and creates
 * one session (strategic-3pl, policy balanced). A second process (this file
 * again, forked: the clients) joins the trainer's dashboard and 200
 * participants (100 sales, 100 procurement), groups them into 100 tables,
 * opens the tables, seats everyone, starts all, takes every table to
 * discovery, then plays: each seat sends one chat every 2–5 s (seeded
 * jitter) for 60 s.
 *
 * Measured: the dashboard delay, from a move's send to the moment the
 * trainer's client sees that table's summary with `lastMoveAt` at or after
 * the move's own `at` (table and time matched); each move's reply delay; the
 * server process's CPU over the play window (% of one core) and memory (RSS
 * and heapUsed: at the start of play, peak, after a forced GC at the end);
 * the participants' join and seat times. Aim (issue: cohorts): dashboard p99
 * < 1 s with the dashboard open. Prints pass/FAIL and exits 0 unless the
 * server or the clients crashed. With --json, one JSON object.
 *
 * The clients run in their own process, so the server's CPU and memory are
 * its own; both processes share the machine's cores. --in-process runs the
 * clients inside the server's process instead (then every figure includes
 * the clients' work).
 */
import { fork, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Client, type Room } from "@colyseus/sdk";
import { mulberry32, type Random } from "../../shared/random.js";
import { SeatClient } from "../support/seat-client.js";

const JSON_OUT = process.argv.includes("--json");
const VERBOSE = process.argv.includes("--verbose");
const IN_PROCESS = process.argv.includes("--in-process");
const IS_CLIENTS = process.argv.includes("--clients");
/** Diagnostic: participants leave the cohort room once seated (the web client stays in it, for the banner). */
const LEAVE_COHORT = process.argv.includes("--leave-cohort");
const argNumber = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  const n = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

const AIM = { dashboardP99Ms: 1_000 };
const SCENARIO = "strategic-3pl";
const POLICY = "balanced";
const TABLES = argNumber("--tables", 100);
const PLAY_MS = argNumber("--seconds", 60) * 1_000;
const GAP_MS = { min: 2_000, max: 5_000 };
const SEED = 20_261_201;
/** Participants join the cohort this many at a time (a room filling up over a minute or two, compressed). */
const JOIN_CONCURRENCY = 20;
/** After the last move is sent: time for its reply and its dashboard update. */
const DRAIN_MS = 5_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const round1 = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
const nearestRank = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
function spread(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: round1(nearestRank(s, 0.5)), p95: round1(nearestRank(s, 0.95)), p99: round1(nearestRank(s, 0.99)), max: round1(s.at(-1) ?? Number.NaN) };
}
const log = (line: string) => VERBOSE && process.stderr.write(`[cohort bench ${IS_CLIENTS ? "clients" : "server"}] ${line}\n`);

// ---- the two processes talk through a channel ---------------------------------------------------

type Mark = "setup-start" | "play-start" | "play-end";
interface Go { kind: "go"; url: string; code: string; trainerKey: string }
type ToServer = { kind: "mark"; name: Mark } | { kind: "result"; result: ClientsResult } | { kind: "error"; error: string };
interface Channel { send(m: ToServer): void }

// ---- the clients --------------------------------------------------------------------------------

interface CohortReply { ref: string | null; ok: boolean; code?: string; message?: string; data?: unknown }
interface Assignment { table: string; code: string; seat: string; token: string | null }
interface MapLike<V> { forEach(cb: (value: V, key: string) => void): void; get(key: string): V | undefined }
interface ViewLike { me: string; tables: MapLike<string> }

/** A cohort room client: requests by ref, and its one view read straight from the synced state. */
class CohortClient {
  private n = 0;
  constructor(readonly room: Room, readonly name: string) {
    room.onMessage("hello", () => undefined);
  }
  control(control: Record<string, unknown>): Promise<CohortReply> {
    const ref = `${this.name}-${++this.n}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${String(control.type)} within 60 s`)), 60_000);
      const off = this.room.onMessage("reply", (r: CohortReply) => {
        if (r.ref !== ref) return;
        clearTimeout(timer);
        off();
        resolve(r);
      });
      this.room.send("cohort.control", { ref, control });
    });
  }
  view(): ViewLike | undefined {
    let found: ViewLike | undefined;
    (this.room.state as { views?: MapLike<ViewLike> }).views?.forEach((v) => (found = v));
    return found;
  }
  assignment(): Assignment | null {
    const me = this.view()?.me;
    return me ? ((JSON.parse(me) as { assignment: Assignment | null } | null)?.assignment ?? null) : null;
  }
}

async function until<T>(what: string, check: () => T | null | undefined | false, timeoutMs = 60_000): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

interface Move { code: string; due: number; sent: number; replied: number; at: number | null; answer: string }
interface Seen { lastMoveAt: number; seenAt: number }

interface ClientsResult {
  participants: number;
  tables: number;
  join_cohort_ms: ReturnType<typeof spread>;
  join_cohort_total_ms: number;
  tables_open_ms: number;
  seat_ms: ReturnType<typeof spread>;
  seat_total_ms: number;
  start_all_ms: number;
  to_discovery_ms: number;
  play_ms: number;
  moves_sent: number;
  moves_ok: number;
  moves_not_ok: Record<string, number>;
  moves_per_s: number;
  reply_ms: ReturnType<typeof spread>;
  dashboard_ms: ReturnType<typeof spread>;
  dashboard_unmatched: number;
  dashboard_updates_seen: number;
  client_timer_late_max_ms: number;
  clients_cpu_pct_of_core: number;
  clients_event_loop_max_ms: number;
  participant_cohort_patches_per_s: number;
}

async function runClients(go: Go, channel: Channel): Promise<void> {
  const sdk = new Client(go.url);
  const random = mulberry32(SEED);

  // The trainer's dashboard, open from the start: every table summary it sees, with when.
  const trainer = new CohortClient(await sdk.joinById(go.code, { trainerKey: go.trainerKey }), "trainer");
  const seen = new Map<string, Seen[]>(); // negotiation code → summaries, in arrival order
  const lastText = new Map<string, string>();
  let updates = 0;
  trainer.room.onStateChange(() => {
    const now = performance.now();
    trainer.view()?.tables.forEach((text, table) => {
      if (lastText.get(table) === text) return;
      lastText.set(table, text);
      updates += 1;
      const s = JSON.parse(text) as { code: string; lastMoveAt: number };
      const list = seen.get(s.code) ?? [];
      if (s.lastMoveAt > (list.at(-1)?.lastMoveAt ?? -1)) list.push({ lastMoveAt: s.lastMoveAt, seenAt: now });
      seen.set(s.code, list);
    });
  });

  // 200 participants arrive, half sales, half procurement.
  channel.send({ kind: "mark", name: "setup-start" });
  const people = Array.from({ length: TABLES * 2 }, (_, i) => ({ name: `${i % 2 ? "Sam" : "Pat"} ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 2) + 1}`, fn: i % 2 ? "sales" : "procurement" }));
  const participants: CohortClient[] = new Array<CohortClient>(people.length);
  const joinMs: number[] = [];
  const joinStart = performance.now();
  let nextJoin = 0;
  await Promise.all(Array.from({ length: JOIN_CONCURRENCY }, async () => {
    for (let i = nextJoin++; i < people.length; i = nextJoin++) {
      const t = performance.now();
      participants[i] = new CohortClient(await sdk.joinById(go.code, { name: people[i]!.name, function: people[i]!.fn }), `p${i}`);
      joinMs.push(performance.now() - t);
    }
  }));
  const joinTotal = performance.now() - joinStart;
  log(`${participants.length} participants joined in ${Math.round(joinTotal)} ms`);

  const grouped = await trainer.control({ type: "group.auto" });
  if (!grouped.ok) throw new Error(`group.auto refused: ${grouped.code} ${grouped.message}`);
  const openStart = performance.now();
  const opened = await trainer.control({ type: "tables.open" });
  if (!opened.ok) throw new Error(`tables.open refused: ${opened.code} ${opened.message}`);
  const openMs = performance.now() - openStart;
  log(`tables open in ${Math.round(openMs)} ms`);

  // Every screen moves to its table at once: from the tables being open to the seat's hello.
  const seatMs: number[] = [];
  const tables = new Map<string, Partial<Record<string, SeatClient>>>();
  const seatStart = performance.now();
  await Promise.all(participants.map(async (p) => {
    const a = await until(`${p.name}'s assignment`, () => p.assignment());
    if (!a.token) throw new Error(`${p.name} shares a seat: the bench expects one person per seat`);
    const room = await sdk.joinById(a.code, { token: a.token });
    const hello = new Promise<number>((resolve) => room.onMessage("hello", () => resolve(performance.now())));
    const seat = new SeatClient(room, `${p.name}-${a.seat}`);
    seatMs.push((await hello) - seatStart);
    if (seat.hello?.seat !== a.seat) throw new Error(`${p.name} was seated at ${seat.hello?.seat ?? "no seat"}, not ${a.seat}`);
    tables.set(a.code, { ...tables.get(a.code), [a.seat]: seat });
  }));
  const seatTotal = performance.now() - seatStart;
  log(`${participants.length} seated at ${tables.size} tables in ${Math.round(seatTotal)} ms`);
  const pairs = [...tables.entries()].map(([code, t]) => {
    if (!t.procurement || !t.sales) throw new Error(`table ${code} lacks a seat`);
    return { code, procurement: t.procurement, sales: t.sales };
  });

  const startAt = performance.now();
  const started = await trainer.control({ type: "start" });
  if (!started.ok) throw new Error(`start refused: ${started.message}`);
  const startMs = performance.now() - startAt;
  const discoveryAt = performance.now();
  await Promise.all(pairs.map(async ({ procurement: p, sales: s }) => {
    await Promise.all([p.must({ type: "phase.ready" }), s.must({ type: "phase.ready" })]);
    await Promise.all([
      p.must({ type: "objectives.set", objectives: ["meet-cfo-target", "lift-service", "protect-data"] }),
      s.must({ type: "objectives.set", objectives: ["multi-year", "grow-account", "land-reference"] }),
    ]);
    await Promise.all([p.must({ type: "phase.ready" }), s.must({ type: "phase.ready" })]);
  }));
  const discoveryMs = performance.now() - discoveryAt;
  log(`all tables in discovery in ${Math.round(discoveryMs)} ms; playing ${PLAY_MS / 1000} s`);
  if (LEAVE_COHORT) await Promise.all(participants.map((p) => p.room.leave()));
  await sleep(1_000); // the last summaries of the setup land before play
  // State patches the participants' cohort connections receive during play (their own views do not change then).
  let participantPatches = 0;
  for (const p of participants) p.room.onStateChange(() => (participantPatches += 1));

  // ---- play ----
  const moves: Move[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  channel.send({ kind: "mark", name: "play-start" });
  const playStart = performance.now();
  const playEnd = playStart + PLAY_MS;
  const seatLoop = async (code: string, seat: SeatClient, r: Random) => {
    let due = playStart + r() * GAP_MS.max;
    for (let k = 1; due < playEnd; k++, due += GAP_MS.min + r() * (GAP_MS.max - GAP_MS.min)) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const m: Move = { code, due, sent: performance.now(), replied: Number.NaN, at: null, answer: "pending" };
      moves.push(m);
      seat.move({ type: "chat.send", text: `${seat.name} move ${k}: what matters most to you on this point?` }).then(
        (reply) => {
          m.replied = performance.now();
          m.answer = reply.ok ? "ok" : reply.code;
          if (reply.ok) m.at = reply.entries.find((e) => e.type === "chat.send")?.at ?? null;
        },
        () => (m.answer = "no reply in 5 s"),
      );
    }
  };
  await Promise.all(pairs.flatMap(({ code, procurement, sales }) => [seatLoop(code, procurement, mulberry32(Math.floor(random() * 2 ** 32))), seatLoop(code, sales, mulberry32(Math.floor(random() * 2 ** 32)))]));
  const matched = (m: Move) => m.at !== null && (seen.get(m.code) ?? []).some((s) => s.lastMoveAt >= m.at!);
  const drainEnd = performance.now() + DRAIN_MS;
  while (performance.now() < drainEnd && moves.some((m) => m.answer === "pending" || (m.answer === "ok" && !matched(m)))) await sleep(50);
  channel.send({ kind: "mark", name: "play-end" });
  const playMs = performance.now() - playStart;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();

  const notOk: Record<string, number> = {};
  for (const m of moves) if (m.answer !== "ok") notOk[m.answer] = (notOk[m.answer] ?? 0) + 1;
  const ok = moves.filter((m) => m.answer === "ok");
  const dashboard: number[] = [];
  let unmatched = 0;
  for (const m of ok) {
    const hit = m.at === null ? undefined : (seen.get(m.code) ?? []).find((s) => s.lastMoveAt >= m.at!);
    if (hit) dashboard.push(hit.seenAt - m.sent);
    else unmatched += 1;
  }
  const dumpAt = process.argv.indexOf("--dump");
  if (dumpAt >= 0 && process.argv[dumpAt + 1]) {
    // Diagnostic: every move, times in ms from the start of play, with its dashboard sighting.
    const rows = moves.map((m) => ({ code: m.code, sent: round1(m.sent - playStart), reply: round1(m.replied - m.sent), answer: m.answer, dashboard: round1(((seen.get(m.code) ?? []).find((x) => m.at !== null && x.lastMoveAt >= m.at)?.seenAt ?? Number.NaN) - m.sent) }));
    writeFileSync(process.argv[dumpAt + 1]!, JSON.stringify(rows));
  }
  const result: ClientsResult = {
    participants: participants.length,
    tables: pairs.length,
    join_cohort_ms: spread(joinMs),
    join_cohort_total_ms: Math.round(joinTotal),
    tables_open_ms: Math.round(openMs),
    seat_ms: spread(seatMs),
    seat_total_ms: Math.round(seatTotal),
    start_all_ms: Math.round(startMs),
    to_discovery_ms: Math.round(discoveryMs),
    play_ms: Math.round(playMs),
    moves_sent: moves.length,
    moves_ok: ok.length,
    moves_not_ok: notOk,
    moves_per_s: round1(moves.length / (PLAY_MS / 1000)),
    reply_ms: spread(ok.map((m) => m.replied - m.sent)),
    dashboard_ms: spread(dashboard),
    dashboard_unmatched: unmatched,
    dashboard_updates_seen: updates,
    client_timer_late_max_ms: round1(Math.max(0, ...moves.map((m) => m.sent - m.due))),
    clients_cpu_pct_of_core: round1(((cpu.user + cpu.system) / 1000 / playMs) * 100),
    clients_event_loop_max_ms: round1(loop.max / 1e6),
    participant_cohort_patches_per_s: round1(participantPatches / (playMs / 1000)),
  };
  await Promise.all([...pairs.flatMap((t) => [t.procurement.room.leave(), t.sales.room.leave()]), ...(LEAVE_COHORT ? [] : participants.map((p) => p.room.leave())), trainer.room.leave()].map((p) => p.catch(() => undefined)));
  channel.send({ kind: "result", result });
}

if (IS_CLIENTS) {
  // The forked clients: wait for the server's go, run, report, exit.
  const channel: Channel = { send: (m) => process.send?.(m) };
  process.once("message", (go: Go) => {
    runClients(go, channel).then(
      () => process.disconnect(),
      (e: unknown) => {
        channel.send({ kind: "error", error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        process.disconnect();
      },
    );
  });
} else await runServer();

// ---- the server and its instruments -------------------------------------------------------------

async function runServer(): Promise<void> {
  const { startServer } = await import("../../server/app.js");
  const { readConfig } = await import("../../server/config.js");
  const { createLogger } = await import("../../server/log.js");
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;

  const crashes: { where: string; error: string }[] = [];
  process.on("uncaughtException", (e) => crashes.push({ where: "server", error: e.stack ?? String(e) }));
  process.on("unhandledRejection", (e) => crashes.push({ where: "server", error: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
  let logLines = 0;
  const dataDir = mkdtempSync(join(tmpdir(), "bench-cohort-"));
  const config = { ...readConfig({}), port: 0, host: "127.0.0.1", dataDir, logLevel: "error" as const, rateLimitScale: 1000 };
  const server = await startServer(config, createLogger(config.logLevel, (line) => {
    logLines += 1;
    if (VERBOSE) process.stderr.write(`[server log] ${line}\n`);
  }));
  const url = `http://127.0.0.1:${server.port}`;
  const res = await fetch(`${url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Cohort bench", scenarioIds: [SCENARIO], policy: POLICY }) });
  if (res.status !== 201) throw new Error(`POST /api/sessions answered ${res.status}: ${await res.text()}`);
  const { code, trainerKey } = (await res.json()) as { code: string; trainerKey: string };

  gc();
  const idle = process.memoryUsage();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let setupCpu0 = process.cpuUsage();
  let playCpu0 = process.cpuUsage();
  let playStart = 0;
  const measured: { play: { ms: number; cpu: NodeJS.CpuUsage; start: NodeJS.MemoryUsage; rssPeak: number; heapPeak: number; after: NodeJS.MemoryUsage } | null; setupCpu: NodeJS.CpuUsage | null } = { play: null, setupCpu: null };
  let start: NodeJS.MemoryUsage = idle;
  let rssPeak = 0;
  let heapPeak = 0;
  let sampler: NodeJS.Timeout | undefined;
  // Per second of play (one tick of a 1 s timer; a longer stall merges ticks): the server's CPU and its worst event-loop delay,
  // to tell its own work from a stall it did not spend on the CPU.
  const perSecond = monitorEventLoopDelay({ resolution: 10 });
  const timeline: { cpu_pct: number; loop_max_ms: number }[] = [];
  let ticker: NodeJS.Timeout | undefined;
  const onMark = (name: Mark) => {
    log(`mark ${name} at ${process.hrtime.bigint() / 1000n} µs (monotonic, as in a --cpu-prof profile)`);
    if (name === "setup-start") setupCpu0 = process.cpuUsage();
    if (name === "play-start") {
      measured.setupCpu = process.cpuUsage(setupCpu0);
      start = process.memoryUsage();
      rssPeak = start.rss;
      heapPeak = start.heapUsed;
      sampler = setInterval(() => {
        const m = process.memoryUsage();
        rssPeak = Math.max(rssPeak, m.rss);
        heapPeak = Math.max(heapPeak, m.heapUsed);
      }, 50);
      loop.enable();
      perSecond.enable();
      playCpu0 = process.cpuUsage();
      playStart = performance.now();
      let last = { cpu: process.cpuUsage(), at: performance.now() };
      ticker = setInterval(() => {
        const now = { cpu: process.cpuUsage(), at: performance.now() };
        const used = now.cpu.user - last.cpu.user + now.cpu.system - last.cpu.system;
        timeline.push({ cpu_pct: Math.round((used / 1000 / (now.at - last.at)) * 100), loop_max_ms: Math.round(perSecond.max / 1e6) });
        perSecond.reset();
        last = now;
      }, 1_000);
    }
    if (name === "play-end") {
      const ms = performance.now() - playStart;
      const cpu = process.cpuUsage(playCpu0);
      loop.disable();
      perSecond.disable();
      clearInterval(sampler);
      clearInterval(ticker);
      gc();
      measured.play = { ms, cpu, start, rssPeak, heapPeak, after: process.memoryUsage() };
    }
  };

  // The clients: a forked process (default) or this one.
  const events = new EventEmitter();
  let child: ChildProcess | null = null;
  const outcome = new Promise<{ result: ClientsResult | null; error: string | null }>((resolve) => {
    events.on("message", (m: ToServer) => {
      if (m.kind === "mark") onMark(m.name);
      else if (m.kind === "result") resolve({ result: m.result, error: null });
      else resolve({ result: null, error: m.error });
    });
    events.on("exit", (code: number | null) => resolve({ result: null, error: `the clients' process exited (${code}) before reporting` }));
  });
  const go: Go = { kind: "go", url, code, trainerKey };
  if (IN_PROCESS) {
    void runClients(go, { send: (m) => events.emit("message", m) }).catch((e: unknown) => events.emit("message", { kind: "error", error: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
  } else {
    child = fork(fileURLToPath(import.meta.url), ["--clients", ...process.argv.slice(2)], { stdio: ["ignore", 2, 2, "ipc"] });
    child.on("message", (m: ToServer) => events.emit("message", m));
    child.on("exit", (c) => events.emit("exit", c));
    child.send(go);
  }
  const { result, error } = await outcome;
  if (error) crashes.push({ where: "clients", error });
  if (child && child.exitCode === null) {
    // The clients leave their rooms and exit; one that hangs is stopped (it is this bench's own child).
    const stop = setTimeout(() => child?.kill("SIGKILL"), 15_000);
    await new Promise((r) => child!.once("exit", r));
    clearTimeout(stop);
  }
  const load = loadavg().map(round1);
  const crashed = crashes.length > 0;
  if (!crashed) await server.close();
  rmSync(dataDir, { recursive: true, force: true });

  const p = measured.play;
  const cpuPct = (u: NodeJS.CpuUsage, ms: number) => round1(((u.user + u.system) / 1000 / ms) * 100);
  const summary = {
    aims: { dashboard_p99_ms_below: AIM.dashboardP99Ms },
    setup: {
      server: "in-process startServer, PGlite in a temp DATA_DIR, logLevel error, 127.0.0.1, RATE_LIMIT_SCALE 1000 (one address), MESSAGES_PER_SECOND 10",
      clients: IN_PROCESS ? "in the server's process (figures include the clients' work)" : "a forked second process (node + tsx); server CPU and memory are the server's own",
      session: `${SCENARIO}, policy ${POLICY}, ${TABLES * 2} participants (${TABLES} sales, ${TABLES} procurement), the trainer's dashboard connected throughout; ${LEAVE_COHORT ? "participants leave the cohort room once seated (--leave-cohort)" : "every participant also stays in the cohort room, as the web client does"}`,
      play: `each seat one chat.send every ${GAP_MS.min / 1000}–${GAP_MS.max / 1000} s (seeded jitter, seed ${SEED}) for ${PLAY_MS / 1000} s, then up to ${DRAIN_MS / 1000} s for the last replies and dashboard updates`,
      dashboard_delay: "a move's send (client clock) to the trainer client's first state change whose summary for that table has lastMoveAt >= the move's own at (server clock, from the reply)",
    },
    clients: result,
    server: p && {
      play_window_ms: Math.round(p.ms),
      cpu_pct_of_core: cpuPct(p.cpu, p.ms),
      cpu_user_s: round1(p.cpu.user / 1e6),
      cpu_system_s: round1(p.cpu.system / 1e6),
      setup_cpu_s: measured.setupCpu ? round1((measured.setupCpu.user + measured.setupCpu.system) / 1e6) : null,
      event_loop_p99_ms: round1(loop.percentile(99) / 1e6),
      event_loop_max_ms: round1(loop.max / 1e6),
      rss_idle_mb: mb(idle.rss),
      rss_play_start_mb: mb(p.start.rss),
      rss_peak_mb: mb(p.rssPeak),
      rss_after_mb: mb(p.after.rss),
      heap_used_idle_mb: mb(idle.heapUsed),
      heap_used_play_start_mb: mb(p.start.heapUsed),
      heap_used_peak_mb: mb(p.heapPeak),
      heap_used_after_gc_mb: mb(p.after.heapUsed),
      log_lines: logLines,
      /** The three seconds of play with the longest event-loop stall, and that second's CPU. */
      worst_seconds: timeline.map((x, i) => ({ second: i + 1, ...x })).sort((a, b) => b.loop_max_ms - a.loop_max_ms).slice(0, 3),
      timeline_cpu_pct: timeline.map((x) => x.cpu_pct),
      timeline_loop_max_ms: timeline.map((x) => x.loop_max_ms),
    },
    pass: result ? { dashboard_p99: result.dashboard_ms.p99 < AIM.dashboardP99Ms && result.dashboard_unmatched === 0, all_moves_ok: result.moves_ok === result.moves_sent } : null,
    crashes,
    node: process.version,
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? "unknown",
    load_average_after: load,
  };

  const yes = (b: boolean | undefined) => (b ? "pass" : "FAIL");
  const line = (s: ReturnType<typeof spread>) => `p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms, max ${s.max} ms (n ${s.n})`;
  if (JSON_OUT) console.log(JSON.stringify(summary));
  else {
    console.log(`cohort bench — node ${summary.node}, ${summary.cpus} cores (${summary.cpu_model}), load average after ${load.join(" ")}`);
    console.log(`clients: ${summary.setup.clients}`);
    console.log(`aim: dashboard p99 < ${AIM.dashboardP99Ms} ms\n`);
    if (result) {
      const r = result;
      console.log(`setup: ${r.participants} participants joined in ${r.join_cohort_total_ms} ms (${JOIN_CONCURRENCY} at a time; each ${line(r.join_cohort_ms)})`);
      console.log(`       tables.open ${r.tables_open_ms} ms for ${r.tables} tables; everyone seated ${r.seat_total_ms} ms after (each ${line(r.seat_ms)})`);
      console.log(`       start all ${r.start_all_ms} ms; every table in discovery ${r.to_discovery_ms} ms later`);
      console.log(`play:  ${r.moves_sent} moves in ${PLAY_MS / 1000} s (${r.moves_per_s}/s), ok ${r.moves_ok}${Object.keys(r.moves_not_ok).length ? `, not ok ${JSON.stringify(r.moves_not_ok)}` : ""}`);
      console.log(`       reply:     ${line(r.reply_ms)}`);
      console.log(`       dashboard: ${line(r.dashboard_ms)}; unmatched ${r.dashboard_unmatched}; ${r.dashboard_updates_seen} table updates seen`);
      console.log(`       participants' cohort connections: ${r.participant_cohort_patches_per_s} state patches/s in all`);
      console.log(`       clients: ${r.clients_cpu_pct_of_core} % of a core, event loop max ${r.clients_event_loop_max_ms} ms, timers late by up to ${r.client_timer_late_max_ms} ms`);
    }
    if (summary.server) {
      const s = summary.server;
      console.log(`server: CPU ${s.cpu_pct_of_core} % of a core over ${s.play_window_ms} ms of play (user ${s.cpu_user_s} s, system ${s.cpu_system_s} s); setup ${s.setup_cpu_s} s CPU; event loop p99 ${s.event_loop_p99_ms} ms, max ${s.event_loop_max_ms} ms`);
      console.log(`        RSS idle ${s.rss_idle_mb} MB, play start ${s.rss_play_start_mb}, peak ${s.rss_peak_mb}, after ${s.rss_after_mb}; heapUsed idle ${s.heap_used_idle_mb} MB, play start ${s.heap_used_play_start_mb}, peak ${s.heap_used_peak_mb}, after GC ${s.heap_used_after_gc_mb}; log lines ${s.log_lines}`);
      console.log(`        worst seconds: ${s.worst_seconds.map((w) => `s${w.second} stall ${w.loop_max_ms} ms at ${w.cpu_pct} % CPU`).join(", ")}; CPU by second ${Math.min(...s.timeline_cpu_pct)}–${Math.max(...s.timeline_cpu_pct)} %`);
    }
    if (summary.pass) console.log(`\ndashboard p99 < ${AIM.dashboardP99Ms} ms: ${yes(summary.pass.dashboard_p99)}; every move answered ok: ${yes(summary.pass.all_moves_ok)}`);
    for (const c of crashes) console.log(`CRASH (${c.where}): ${c.error}`);
  }
  process.exit(crashed ? 1 : 0);
}
