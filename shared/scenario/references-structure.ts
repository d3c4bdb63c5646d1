import { DEFAULT_MOVES } from "./phase-rules.js";
import type { PathSegment, Report } from "./references.js";
import type { MoveType, Phase, PhaseKind, Scenario, Side } from "./schema.js";
import { PHASE_KINDS, SIDES } from "./schema.js";

/**
 * Structural checks: is the scenario playable as the kind of exercise it
 * claims to be? (Split from references.ts to keep each file small.)
 */

/** Actor names the event log reserves (see negotiation/events.ts): a seat may not take them. */
const RESERVED_SEAT_IDS = ["facilitator", "system"];
/** Phase names the event log reserves for entries outside any phase. */
const RESERVED_PHASE_IDS = ["lobby", "debrief"];

/** A move a side makes in at least one kind of phase by default: anything else is never that side's move. */
const SIDE_MOVES: Record<Side, ReadonlySet<MoveType>> = {
  procurement: new Set(PHASE_KINDS.flatMap((kind) => DEFAULT_MOVES[kind].procurement)),
  sales: new Set(PHASE_KINDS.flatMap((kind) => DEFAULT_MOVES[kind].sales)),
};

/** Moves that only make sense in one kind of phase, whatever the override says. */
const KIND_BOUND_MOVES: Partial<Record<MoveType, PhaseKind>> = {
  "rfq.issue": "rfq",
  "bid.submit": "sealed-bid",
  "award.make": "award",
  "reflection.submit": "reflection",
};

/** One procurement seat that must be present; supplier seats as the kind requires. */
export function checkSeatsForKind(scenario: Scenario, report: Report): void {
  scenario.seats.forEach((seat, s) => {
    if (RESERVED_SEAT_IDS.includes(seat.id)) report.error(["seats", s, "id"], `"${seat.id}" is reserved for the event log; choose another seat id`);
  });
  const buyers = scenario.seats.filter((s) => s.side === "procurement");
  if (buyers.length !== 1) report.error(["seats"], `a scenario needs exactly one procurement seat; found ${buyers.length}`);
  scenario.seats.forEach((seat, s) => {
    if (seat.side === "procurement" && seat.optional) report.error(["seats", s, "optional"], `the procurement seat "${seat.id}" cannot be optional: there is no negotiation without the buyer`);
  });
  const suppliers = scenario.seats.filter((s) => s.side === "sales");
  if (scenario.kind === "commodity-bid") {
    if (suppliers.length < 2 || suppliers.length > 4) report.error(["seats"], `a commodity bid needs 2 to 4 supplier (sales) seats; found ${suppliers.length}`);
    const required = suppliers.filter((s) => !s.optional).length;
    if (required < 2) report.error(["seats"], `a commodity bid needs at least 2 supplier seats that are not optional, so there is always competition; found ${required}`);
    return;
  }
  if (suppliers.length !== 1) report.error(["seats"], `a strategic partnership needs exactly one supplier (sales) seat; found ${suppliers.length}`);
  scenario.seats.forEach((seat, s) => {
    if (seat.side === "sales" && seat.optional) report.error(["seats", s, "optional"], `the only supplier seat "${seat.id}" cannot be optional`);
  });
}

/** Phase order and kinds for the scenario kind, the reflection phase, and move overrides. */
export function checkPhases(scenario: Scenario, report: Report): void {
  scenario.phases.forEach((phase, p) => {
    if (RESERVED_PHASE_IDS.includes(phase.id)) report.error(["phases", p, "id"], `"${phase.id}" is reserved for the event log; choose another phase id`);
  });
  checkReflection(scenario, report);
  if (scenario.kind === "commodity-bid") checkBidPhases(scenario, report);
  else checkPartnershipPhases(scenario, report);
  scenario.phases.forEach((phase, p) => {
    for (const side of SIDES) {
      const moves = phase.moves?.[side];
      if (moves !== undefined) checkMoveOverride(phase, side, moves, ["phases", p, "moves", side], report);
    }
  });
}

function checkReflection(scenario: Scenario, report: Report): void {
  const reflections = scenario.phases.flatMap((phase, p) => (phase.kind === "reflection" ? [p] : []));
  if (reflections.length !== 1) {
    report.error(["phases"], `a scenario needs exactly one reflection phase (the short survey before the debrief); found ${reflections.length}`);
    return;
  }
  const index = reflections[0] ?? 0;
  if (index !== scenario.phases.length - 1) report.error(["phases", index, "kind"], "the reflection phase must be the last phase");
}

function checkBidPhases(scenario: Scenario, report: Report): void {
  const kinds = scenario.phases.map((p) => p.kind);
  const lastBid = kinds.lastIndexOf("sealed-bid");
  if (lastBid < 0) report.error(["phases"], "a commodity bid needs at least one sealed-bid phase");
  if (!kinds.includes("award")) report.error(["phases"], "a commodity bid needs an award phase");
  kinds.forEach((kind, p) => {
    if (kind === "award" && p < lastBid) {
      report.error(["phases", p, "kind"], `the award phase must come after the last sealed-bid phase ("${scenario.phases[lastBid]?.id}")`);
    }
  });
  if (scenario.spec === undefined || scenario.spec.trim() === "") report.warning(["spec"], "a commodity bid has no spec: the RFQ will be issued without a specification");
}

function checkPartnershipPhases(scenario: Scenario, report: Report): void {
  if (!scenario.phases.some((p) => p.kind === "negotiation")) report.error(["phases"], "a strategic partnership needs at least one negotiation phase");
  scenario.phases.forEach((phase, p) => {
    if (phase.kind === "rfq" || phase.kind === "sealed-bid" || phase.kind === "award") {
      report.warning(["phases", p, "kind"], `a ${phase.kind} phase belongs to a commodity bid, not a strategic partnership`);
    }
  });
}

function checkMoveOverride(phase: Phase, side: Side, moves: readonly MoveType[], path: PathSegment[], report: Report): void {
  const kind = phase.kind;
  moves.forEach((move, j) => {
    const bound = KIND_BOUND_MOVES[move];
    if (!SIDE_MOVES[side].has(move)) report.error([...path, j], `"${move}" is never a ${side} move`);
    else if (bound !== undefined && bound !== kind) report.error([...path, j], `"${move}" can only be made in a ${bound} phase, not in a ${kind} phase`);
  });
  // Readiness only ends the phase early when every seat counts, or for the buyer who may close it alone.
  const readinessMatters = (phase.advance ?? "all-ready") === "all-ready" || side === "procurement";
  if (kind !== "reflection" && readinessMatters && !moves.includes("phase.ready")) {
    report.warning(path, `without "phase.ready" the ${side} side can never say it is ready: the phase ends only on time or by the facilitator`);
  }
}
