import type { MoveType, Phase, PhaseKind, Side } from "./schema.js";

type MovesBySide = Record<Side, readonly MoveType[]>;

const TALK: readonly MoveType[] = ["chat.send", "question.ask", "question.answer", "fact.disclose", "risk.raise", "risk.address"];

/**
 * What each side may do in each kind of phase unless the scenario overrides
 * it with `moves`. This table is the teaching design in code: no binding
 * offers during discovery, sealed bids only from suppliers, the award only
 * from procurement.
 */
export const DEFAULT_MOVES: Record<PhaseKind, MovesBySide> = {
  briefing: { procurement: ["phase.ready"], sales: ["phase.ready"] },
  preparation: {
    procurement: ["phase.ready", "objectives.set", "plan.set", "guess.set"],
    sales: ["phase.ready", "objectives.set", "plan.set", "guess.set"],
  },
  discovery: {
    procurement: ["phase.ready", ...TALK],
    sales: ["phase.ready", ...TALK, "value.argue", "stakeholder.contact"],
  },
  negotiation: {
    procurement: ["phase.ready", ...TALK, "offer.propose", "offer.accept", "offer.reject", "walkaway"],
    sales: ["phase.ready", ...TALK, "value.argue", "stakeholder.contact", "offer.propose", "offer.accept", "offer.reject", "walkaway"],
  },
  rfq: {
    procurement: ["phase.ready", "rfq.issue", "chat.send", "question.answer", "risk.raise", "risk.address"],
    sales: ["phase.ready", "question.ask", "fact.disclose", "value.argue", "risk.raise", "risk.address", "walkaway"],
  },
  "sealed-bid": {
    procurement: ["phase.ready", "chat.send", "question.answer", "walkaway"],
    sales: ["phase.ready", "bid.submit", "question.ask", "value.argue", "walkaway"],
  },
  award: {
    procurement: ["phase.ready", "award.make", "chat.send", "walkaway"],
    sales: ["phase.ready", "chat.send", "value.argue"],
  },
  reflection: { procurement: ["reflection.submit"], sales: ["reflection.submit"] },
};

/** The moves a side may make in a phase, with the scenario's override applied (the public phase carries both). */
export function movesFor(phase: Pick<Phase, "kind" | "moves">, side: Side): readonly MoveType[] {
  return phase.moves?.[side] ?? DEFAULT_MOVES[phase.kind][side];
}

/** Phase kinds in which an agreement can be reached (and so, the end of which without one is an impasse). */
export const DEALMAKING_KINDS: readonly PhaseKind[] = ["negotiation", "sealed-bid", "award"];
