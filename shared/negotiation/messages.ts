import { movesFor } from "../scenario/phase-rules.js";
import type { MoveType, Phase, Scenario, Side } from "../scenario/schema.js";
import type { RejectionCode } from "./events.js";

/** Why an event cannot be applied: a rejection code and a message that tells the player what to do instead. */
export interface Problem {
  code: RejectionCode;
  message: string;
}

/** A rejection reason: code plus message. */
export function problem(code: RejectionCode, message: string): Problem {
  return { code, message };
}

/** How each move reads after "you can…". */
const MOVE_VERBS: Record<MoveType, string> = {
  "phase.ready": "mark yourself ready",
  "objectives.set": "set your objectives",
  "plan.set": "write your plan",
  "guess.set": "guess the other side's objectives",
  "chat.send": "chat",
  "question.ask": "ask questions",
  "question.answer": "answer questions",
  "fact.disclose": "share information",
  "value.argue": "argue value",
  "risk.raise": "raise risks",
  "risk.address": "address risks",
  "stakeholder.contact": "contact the business stakeholder",
  "rfq.issue": "issue the RFQ",
  "offer.propose": "make offers",
  "offer.accept": "accept an offer",
  "offer.reject": "reject an offer",
  "bid.submit": "submit a bid",
  "award.make": "make the award",
  walkaway: "walk away",
  "reflection.submit": "submit your reflection",
};

const SIDE_NAMES: Record<Side, string> = { procurement: "the procurement side", sales: "suppliers" };

/** "a, b or c" */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** "for now you can ask questions or share information": up to three moves, readiness only when nothing else is open. */
export function suggestions(phase: Phase, side: Side): string {
  const moves = movesFor(phase, side);
  const main = moves.filter((m) => m !== "phase.ready").slice(0, 3);
  const picks = main.length > 0 ? main : moves.slice(0, 1);
  if (picks.length === 0) return "for now wait for the next phase";
  return `for now you can ${orList(picks.map((m) => MOVE_VERBS[m]))}`;
}

/** The message for a move that no side may make in this phase, pointing to where it opens. */
export function wrongPhaseMessage(scenario: Scenario, phase: Phase, side: Side, move: MoveType): string {
  const index = scenario.phases.indexOf(phase);
  const later = scenario.phases.slice(index + 1).find((p) => movesFor(p, side).includes(move));
  const opening = later ? `You can ${MOVE_VERBS[move]} in the ${later.title} phase` : `You cannot ${MOVE_VERBS[move]} in the ${phase.title} phase`;
  return `${opening}; ${suggestions(phase, side)}.`;
}

/** The message for a move only the other side may make in this phase. */
export function wrongRoleMessage(phase: Phase, side: Side, move: MoveType): string {
  const other: Side = side === "sales" ? "procurement" : "sales";
  return `Only ${SIDE_NAMES[other]} can ${MOVE_VERBS[move]} in the ${phase.title} phase; ${suggestions(phase, side)}.`;
}
