import type { MoveType, Phase, Scenario } from "../scenario/schema.js";
import type { NegotiationAction, NegotiationGuard } from "./machine.js";
import { lastDealmakingIndex, openMoves, readinessAdvances, reflectingSides } from "./open-moves.js";

/** An action named alone; `startPhase` also needs the index of the phase it starts. */
type PlainAction = Exclude<NegotiationAction, "startPhase">;
type ActionRef = PlainAction | { type: "startPhase"; params: { index: number } };

interface Transition {
  guard?: NegotiationGuard;
  target?: string;
  actions: ActionRef[];
}

interface StateConfig {
  type?: "final";
  entry?: ActionRef;
  always?: Transition[];
  on?: Record<string, Transition>;
}

/** The guard and the recording action of each move. */
const MOVE_TRANSITIONS: Record<MoveType, { guard: NegotiationGuard; action: PlainAction }> = {
  "phase.ready": { guard: "isLegalReady", action: "markReady" },
  "objectives.set": { guard: "isLegalObjectives", action: "setObjectives" },
  "plan.set": { guard: "isLegalPlan", action: "setPlan" },
  "guess.set": { guard: "isLegalGuess", action: "setGuess" },
  "chat.send": { guard: "isLegalChat", action: "recordMove" },
  "question.ask": { guard: "isLegalQuestion", action: "recordMove" },
  "question.answer": { guard: "isLegalAnswer", action: "recordAnswer" },
  "fact.disclose": { guard: "isLegalDisclosure", action: "recordDisclosure" },
  "value.argue": { guard: "isLegalValueArgument", action: "recordMove" },
  "risk.raise": { guard: "isLegalRiskNote", action: "recordMove" },
  "risk.address": { guard: "isLegalRiskNote", action: "recordMove" },
  "stakeholder.contact": { guard: "isLegalContact", action: "recordMove" },
  "rfq.issue": { guard: "isLegalRfq", action: "issueRfq" },
  "offer.propose": { guard: "isLegalProposal", action: "recordProposal" },
  "offer.accept": { guard: "isLegalAcceptance", action: "recordAcceptance" },
  "offer.reject": { guard: "isLegalOfferRejection", action: "recordOfferRejection" },
  "bid.submit": { guard: "isLegalBid", action: "recordBid" },
  "award.make": { guard: "isLegalAward", action: "recordAward" },
  walkaway: { guard: "isLegalWalkaway", action: "recordWalkaway" },
  "reflection.submit": { guard: "isLegalReflection", action: "recordReflection" },
};

const RESERVED = new Set(["lobby", "debrief"]);

/** Where the talks go once they have ended: the next reflection phase, or the debrief. */
function afterTalks(scenario: Scenario, index: number): string {
  return scenario.phases.slice(index + 1).find((p) => p.kind === "reflection")?.id ?? "debrief";
}

/** What leaving `phase` (at `index`) in the normal order does: open the round's bids; end the talks after the last deal-making phase. */
function leaveActions(scenario: Scenario, phase: Phase, index: number): PlainAction[] {
  const leave: PlainAction[] = [];
  if (phase.kind === "sealed-bid") leave.push("closeRound");
  if (index === lastDealmakingIndex(scenario)) leave.push("endByTimeout");
  return leave;
}

/** The eventless transitions that end `phase` (at `index`): talks over, deadline, everyone ready, every reflection in. */
function phaseExits(scenario: Scenario, phase: Phase, index: number, next: string): Transition[] {
  const leave = leaveActions(scenario, phase, index);
  const exits: Transition[] = [];
  if (phase.kind !== "reflection") exits.push({ guard: "talksEnded", target: afterTalks(scenario, index), actions: ["endPhaseNow"] });
  exits.push({ guard: "deadlinePassed", target: next, actions: ["rejectLateEvent", ...leave] });
  if (readinessAdvances(phase)) exits.push({ guard: "allSeatsReady", target: next, actions: ["endPhaseNow", ...leave] });
  if (reflectingSides(phase).length > 0) exits.push({ guard: "allReflectionsIn", target: "debrief", actions: ["endPhaseNow"] });
  return exits;
}

function phaseState(scenario: Scenario, phase: Phase, index: number): StateConfig {
  const next = scenario.phases[index + 1]?.id ?? "debrief";
  const leave = leaveActions(scenario, phase, index);
  const on: Record<string, Transition> = {};
  for (const move of openMoves(scenario, index)) {
    const { guard, action } = MOVE_TRANSITIONS[move];
    on[move] = { guard, actions: ["stampEvent", action] };
  }
  on["phase.advance"] = { guard: "canAdvance", target: next, actions: ["stampEvent", "recordControl", "endPhaseNow", ...leave] };
  on["session.end"] =
    phase.kind === "reflection"
      ? { guard: "canEndSession", target: "debrief", actions: ["stampEvent", "endSession", "endPhaseNow"] }
      : { guard: "canEndSession", actions: ["stampEvent", "endSession"] };
  return { entry: { type: "startPhase", params: { index } }, always: phaseExits(scenario, phase, index, next), on };
}

/** The machine's states for a scenario: lobby, one per phase in order, debrief. */
export function buildStates(scenario: Scenario): Record<string, StateConfig> {
  const first = scenario.phases[0];
  if (!first) throw new Error(`Scenario "${scenario.id}" has no phases`);
  const clash = scenario.phases.find((p) => RESERVED.has(p.id));
  if (clash) throw new Error(`Phase id "${clash.id}" is reserved for the machine's own state`);
  if (new Set(scenario.phases.map((p) => p.id)).size !== scenario.phases.length) throw new Error(`Scenario "${scenario.id}" repeats a phase id`);
  const states: Record<string, StateConfig> = {
    lobby: {
      on: {
        "seat.claim": { guard: "canClaimSeat", actions: ["stampEvent", "claimSeat"] },
        "seat.release": { guard: "canReleaseSeat", actions: ["stampEvent", "releaseSeat"] },
        "session.start": { guard: "canStart", target: first.id, actions: ["stampEvent", "startSession"] },
        "session.end": { guard: "canEndSession", target: "debrief", actions: ["stampEvent", "endSession"] },
      },
    },
  };
  scenario.phases.forEach((phase, index) => {
    states[phase.id] = phaseState(scenario, phase, index);
  });
  states.debrief = { type: "final", entry: "openDebrief" };
  return states;
}
