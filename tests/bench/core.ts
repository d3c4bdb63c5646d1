/**
 * `npm run bench:core [-- --json]`: speed of the negotiation core on this
 * machine. Prints the median of several runs for each figure; with --json,
 * one JSON object. Targets (issue 2): synthetic analysis < 1,000 ms, scoring a
 * 200-event negotiation < 20 ms, > 20,000 machine transitions per second.
 */
import { createActor } from "xstate";
import type { NegotiationEvent } from "../../shared/negotiation/events.js";
import { buildNegotiationMachine } from "../../shared/negotiation/machine.js";
import { analyzePair, analyzeScenario, syntheticScenario } from "../../shared/scenario/analysis.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import { REFLECTION } from "../support/plays.js";
import { loadScenario } from "../support/scenarios.js";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeMs(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return Math.round(median(times) * 1000) / 1000;
}

/** A strategic negotiation of about `target` log entries, played through the real machine. */
function longNegotiation(scenario: Scenario, target: number) {
  const actor = createActor(buildNegotiationMachine(scenario), { input: {} }).start();
  let at = 1_000;
  const send = (e: Record<string, unknown>) => actor.send({ at: (at += 1_000), ...e } as NegotiationEvent);
  send({ type: "seat.claim", by: "procurement", seat: "procurement", occupant: "human" });
  send({ type: "seat.claim", by: "sales", seat: "sales", occupant: "human" });
  send({ type: "session.start", by: "procurement" });
  for (const by of ["procurement", "sales"]) send({ type: "phase.ready", by });
  send({ type: "objectives.set", by: "procurement", objectives: ["meet-cfo-target", "lift-service", "protect-data"] });
  send({ type: "objectives.set", by: "sales", objectives: ["multi-year", "grow-account", "land-reference"] });
  for (const by of ["procurement", "sales"]) send({ type: "phase.ready", by });
  send({ type: "value.argue", by: "sales", lever: "lane-consolidation", claim: "About 7 % of freight spend", figure: 7 });
  for (const by of ["procurement", "sales"]) send({ type: "phase.ready", by });
  const options = scenario.issues.map((i) => i.options.map((o) => o.id));
  for (let round = 0; actor.getSnapshot().context.log.length < target - 8; round++) {
    const by = round % 2 ? "sales" : "procurement";
    const pkg = Object.fromEntries(scenario.issues.map((issue, k) => [issue.id, options[k]![(round + k) % options[k]!.length]!]));
    send({ type: "chat.send", by, text: `Round ${round}: here is where we can move.` });
    send({ type: "offer.propose", by, to: by === "sales" ? "procurement" : "sales", package: pkg });
  }
  const last = actor.getSnapshot().context.log.filter((e) => e.type === "offer.propose").at(-1)!;
  send({ type: "offer.accept", by: last.by === "sales" ? "procurement" : "sales", offer: last.seq });
  for (const by of ["procurement", "sales"]) send({ type: "reflection.submit", by, answers: REFLECTION });
  return actor.getSnapshot().context.log;
}

function transitionsPerSecond(scenario: Scenario, moves: number): number {
  const actor = createActor(buildNegotiationMachine(scenario), { input: {} }).start();
  let at = 1;
  for (const seat of ["procurement", "sales"]) actor.send({ type: "seat.claim", by: seat, seat, occupant: "human", at: at++ });
  actor.send({ type: "session.start", by: "procurement", at: at++ });
  for (let i = 0; i < 2; i++) actor.send({ type: "phase.advance", by: "facilitator", at: at++ });
  const t = performance.now();
  for (let i = 0; i < moves; i++) actor.send({ type: "chat.send", by: i % 2 ? "procurement" : "sales", text: "What matters most to you?", at: at++ });
  const seconds = (performance.now() - t) / 1000;
  if (actor.getSnapshot().context.log.length < moves) throw new Error("chat moves were refused: the benchmark measured nothing");
  return Math.round(moves / seconds);
}

const strategic = loadScenario("strategic-3pl.yaml");
const log = longNegotiation(strategic, 204);
scoreNegotiation(strategic, log); // warm-up: compiles the code and caches the pair analysis

const result = {
  analysis_ms_strategic: timeMs(15, () => analyzeScenario(strategic)),
  analysis_ms_synthetic: timeMs(7, () => analyzePair(syntheticScenario(8, 6, 1), "buyer", "supplier")),
  score_ms_200_events: timeMs(31, () => scoreNegotiation(strategic, log)),
  score_events: log.length,
  transitions_per_s: median([1, 2, 3].map(() => transitionsPerSecond(strategic, 10_000))),
  node: process.version,
};

if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(24)} ${v}`);
