import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { transition } from "xstate";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { parseScenario } from "../../shared/scenario/load.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { definedTransitions, describeTransition, explore, lastingContext, restoreFromJson, type Exploration } from "../fixtures/machine/explore.js";
import { representativeEvents } from "../fixtures/machine/representative-events.js";
import { partnership, tender } from "../fixtures/machine/scenarios.js";

function flagship(name: string): Scenario {
  const file = `scenarios/${name}.yaml`;
  const result = parseScenario(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"), file);
  if (!result.ok) throw new Error(`${file} does not load: ${result.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
  return result.scenario;
}

const SCENARIOS: [string, () => Scenario][] = [
  ["strategic-3pl (flagship)", () => flagship("strategic-3pl")],
  ["commodity-corrugated (flagship)", () => flagship("commodity-corrugated")],
  ["tiny partnership (fixture)", () => partnership],
  ["tiny tender (fixture)", () => tender],
];

/** What is wrong with a log, in words; empty when every invariant holds. */
function logProblems(scenario: Scenario, log: LogEntry[], present: string[]): string[] {
  const phases = new Set(["lobby", "debrief", ...scenario.phases.map((p) => p.id)]);
  const actors = new Set(["facilitator", "system", ...scenario.seats.map((s) => s.id)]);
  const problems: string[] = [];
  log.forEach((entry, i) => {
    const where = `#${entry.seq} ${entry.type}`;
    if (entry.seq !== i + 1) problems.push(`${where}: seq should be ${i + 1}`);
    if (!phases.has(entry.phase)) problems.push(`${where}: unknown phase ${entry.phase}`);
    if (i > 0 && entry.at < log[i - 1]!.at) problems.push(`${where}: time goes backwards`);
    if (!actors.has(entry.by)) problems.push(`${where}: unknown sender ${entry.by}`);
    if (entry.type === "phase.started" && entry.payload.phase !== entry.phase) problems.push(`${where}: started ${String(entry.payload.phase)} in ${entry.phase}`);
    const audienceOk = entry.audience === "all" || (entry.audience.length > 0 && entry.audience.every((s) => present.includes(s)));
    if (!audienceOk) problems.push(`${where}: audience ${JSON.stringify(entry.audience)}`);
  });
  return problems;
}

describe.each(SCENARIOS)("the negotiation machine of %s", (_name, load) => {
  let scenario: Scenario;
  let walk: Exploration;
  beforeAll(() => {
    scenario = load();
    walk = explore(scenario);
  });

  it("reaches every state: the lobby, every phase and the debrief", () => {
    const reached = new Set(walk.paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(["lobby", "debrief", ...scenario.phases.map((p) => p.id)].sort());
  });

  it("exercises every transition the machine defines, eventless ones included", () => {
    const missing = definedTransitions(walk.machine).filter((t) => !walk.taken.has(t));
    expect(missing.map(describeTransition)).toEqual([]);
  });

  it("exercises the clock controls, deadlines and rejections in every phase", () => {
    for (const phase of scenario.phases) {
      for (const event of ["time.tick", "session.pause", "session.resume", "phase.extend", "session.end", "always"]) {
        const seen = [...walk.takenFrom].some((key) => key.startsWith(`${phase.id}|${event}|`));
        expect(seen, `${phase.id} × ${event}`).toBe(true);
      }
    }
  });

  it("keeps every log consistent: consecutive seqs, real phases, time moving forward, visible only to seats at the table", () => {
    for (const path of walk.paths) {
      const ctx = path.state.context;
      expect(logProblems(scenario, ctx.log, ctx.present)).toEqual([]);
    }
  });

  it("ends the talks exactly once before reflection, with an agreement exactly when there is a deal", () => {
    const reflectionOrLater = new Set(["debrief", ...scenario.phases.filter((p) => p.kind === "reflection").map((p) => p.id)]);
    for (const { state } of walk.paths) {
      const ended = state.context.log.filter((e) => e.type === "negotiation.ended");
      expect(ended.length).toBe(state.context.ending === null ? 0 : 1);
      if (reflectionOrLater.has(String(state.value))) expect(ended).toHaveLength(1);
      expect(state.context.agreement !== null).toBe(state.context.ending?.outcome === "deal");
    }
  });

  it("finishes every completed path in the final debrief, and can end in every way the scenario allows", () => {
    const finished = walk.paths.filter((p) => p.state.value === "debrief");
    expect(finished.length).toBeGreaterThan(0);
    for (const { state } of finished) {
      expect(state.status).toBe("done");
      expect(state.context.log.at(-1)).toMatchObject({ type: "phase.started", phase: "debrief" });
    }
    const reasons = new Set(finished.map((p) => p.state.context.ending?.reason));
    const tender = scenario.seats.filter((s) => s.side === "sales").length > 1;
    const expected = tender ? ["awarded", "walkaway", "all-withdrew", "timeout", "ended-by-facilitator"] : ["accepted", "walkaway", "timeout", "ended-by-facilitator"];
    expect([...reasons].sort()).toEqual(expected.sort());
  });

  it("restores every reached state from JSON and carries on exactly as the original would", () => {
    for (const { state } of walk.paths) {
      const actor = restoreFromJson(walk.machine, state);
      expect(actor.getSnapshot().value).toEqual(state.value);
      expect(lastingContext(actor.getSnapshot().context)).toEqual(lastingContext(state.context));
      const next = representativeEvents(scenario, state)[0];
      if (!next) continue;
      actor.send(structuredClone(next));
      const [expected] = transition(walk.machine, state, next);
      expect(actor.getSnapshot().value).toEqual(expected.value);
      expect(lastingContext(actor.getSnapshot().context)).toEqual(lastingContext(expected.context));
      // ...and gives the same answer: the same rejection, or none.
      const rejected = expected.context.lastRejection !== state.context.lastRejection ? expected.context.lastRejection : null;
      expect(actor.getSnapshot().context.lastRejection).toEqual(rejected);
    }
  });
});
