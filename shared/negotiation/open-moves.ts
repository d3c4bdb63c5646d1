import { DEALMAKING_KINDS, movesFor } from "../scenario/phase-rules.js";
import { SIDES, type MoveType, type Phase, type Scenario, type Side } from "../scenario/schema.js";

const other = (side: Side): Side => (side === "sales" ? "procurement" : "sales");

/** Sides that may make `move` in phase `index`. */
function sidesWith(scenario: Scenario, index: number, move: MoveType): Side[] {
  const phase = scenario.phases[index];
  return phase ? SIDES.filter((side) => movesFor(phase, side).includes(move)) : [];
}

/** Whether `side` may make `move` in any phase up to and including `index`. */
function earlier(scenario: Scenario, index: number, side: Side, move: MoveType): boolean {
  return scenario.phases.slice(0, index + 1).some((p) => movesFor(p, side).includes(move));
}

function seatsOf(scenario: Scenario, sides: Side[]) {
  return scenario.seats.filter((s) => sides.includes(s.side));
}

/**
 * Whether a move open in this phase can ever succeed with this scenario's
 * content and phase order (a fact to disclose, an offer or a bid to answer…).
 * The machine only listens for moves that can; the others are still answered,
 * by the catch-all rejection.
 */
function feasible(scenario: Scenario, index: number, move: MoveType): boolean {
  const sides = sidesWith(scenario, index, move);
  const catalogue = (side: Side) => scenario.objectives.filter((o) => o.side === side).length >= scenario.objectivesPerSide;
  switch (move) {
    case "stakeholder.contact":
      return scenario.stakeholder !== undefined;
    case "fact.disclose":
      return seatsOf(scenario, sides).some((s) => s.brief.privateFacts.length > 0);
    case "value.argue":
      return scenario.valueLevers.some((l) => seatsOf(scenario, sides).some((s) => l.knownTo.includes(s.id)));
    case "risk.raise":
    case "risk.address":
      return scenario.risks.length > 0;
    case "objectives.set":
      return sides.some(catalogue);
    case "guess.set":
      return sides.some((side) => catalogue(other(side)));
    case "question.answer":
      return sides.some((side) => earlier(scenario, index, other(side), "question.ask"));
    case "offer.accept":
    case "offer.reject":
      return sides.some((side) => earlier(scenario, index, other(side), "offer.propose"));
    case "bid.submit":
      return scenario.phases[index]?.kind === "sealed-bid";
    case "award.make":
      return scenario.phases.slice(0, index + 1).some((p) => p.kind === "sealed-bid" && movesFor(p, "sales").includes("bid.submit"));
    default:
      return true;
  }
}

/** The moves the machine listens for in phase `index`: open to some side and able to succeed. */
export function openMoves(scenario: Scenario, index: number): MoveType[] {
  const phase = scenario.phases[index];
  if (!phase) return [];
  const union = new Set<MoveType>([...movesFor(phase, "procurement"), ...movesFor(phase, "sales")]);
  return [...union].filter((move) => feasible(scenario, index, move));
}

/**
 * Sides whose readiness ends the phase early: every side by default; only the
 * suppliers in a sealed-bid round (procurement waits for bids); nobody when
 * procurement alone closes the phase, or in reflection.
 */
export function readinessSides(phase: Phase): Side[] {
  if (phase.kind === "reflection") return [];
  if (phase.kind === "sealed-bid") return ["sales"];
  return phase.advance === "procurement" ? [] : [...SIDES];
}

/** Whether readiness can end this phase: every side it waits for may mark itself ready. */
export function readinessAdvances(phase: Phase): boolean {
  const sides = readinessSides(phase);
  return sides.length > 0 && sides.every((side) => movesFor(phase, side).includes("phase.ready"));
}

/** Sides that take the reflection survey in this phase. */
export function reflectingSides(phase: Phase): Side[] {
  return SIDES.filter((side) => movesFor(phase, side).includes("reflection.submit"));
}

/** Index of the last phase in which a deal can be made, or -1. */
export function lastDealmakingIndex(scenario: Scenario): number {
  return scenario.phases.findLastIndex((p) => DEALMAKING_KINDS.includes(p.kind));
}
