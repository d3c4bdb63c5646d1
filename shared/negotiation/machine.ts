import { assign, setup } from "xstate";
import type { MoveType, Scenario } from "../scenario/schema.js";
import * as control from "./apply-control.js";
import * as moves from "./apply-move.js";
import { activeOfSide, initialContext, type NegotiationContext, type NegotiationInput } from "./context.js";
import type { ControlEvent, MoveEvent, NegotiationEvent, Rejection } from "./events.js";
import { problem, type Problem } from "./messages.js";
import { readinessSides, reflectingSides } from "./open-moves.js";
import { closeRound, endByTimeout, endPhaseNow, openDebrief, startPhase } from "./phases.js";
import { buildStates } from "./states.js";
import { isNegotiationEvent, validateEvent } from "./validate.js";
import { isPastDeadline, timeOf } from "./validate-common.js";

type Move<T extends MoveType> = Extract<MoveEvent, { type: T }>;
type Control<T extends ControlEvent["type"]> = Extract<ControlEvent, { type: T }>;
type Args = { context: NegotiationContext; event: NegotiationEvent };

function rejection(context: NegotiationContext, event: NegotiationEvent, found: Problem): Rejection {
  return { ...found, by: event.by, type: event.type, at: timeOf(context, event), ...(event.ref === undefined ? {} : { ref: event.ref }) };
}

/** The rejection for an event the machine did not apply. */
function rejectionFor(scenario: Scenario, context: NegotiationContext, event: NegotiationEvent): Rejection {
  // Guards and rejections share validateEvent and late events are answered on the deadline, so the
  // fallback should never show; it keeps the rule that every event gets an answer.
  return rejection(context, event, validateEvent(scenario, context, event) ?? problem("invalid-input", "That could not be applied; try again."));
}

/**
 * A deadline passing while an event is still unanswered means the event came
 * too late for the phase it was meant for: reject it naming that phase,
 * before later phases make it look valid or wrong for other reasons.
 */
function rejectIfLate(scenario: Scenario, context: NegotiationContext, event: NegotiationEvent): Partial<NegotiationContext> {
  if (!isNegotiationEvent(event) || context.lastEvent === event) return {};
  const title = scenario.phases.find((p) => p.id === context.phase)?.title ?? "previous";
  const late = problem("wrong-phase", `The ${title} phase ended before this arrived; check the new phase and try again.`);
  return { now: timeOf(context, event), lastEvent: event, lastRejection: rejection(context, event, late) };
}

function makeGuards(scenario: Scenario) {
  const legal = ({ context, event }: Args) => validateEvent(scenario, context, event) === null;
  const phaseOf = (context: NegotiationContext) => scenario.phases.find((p) => p.id === context.phase);
  return {
    canClaimSeat: legal, canReleaseSeat: legal, canStart: legal, canAdvance: legal,
    canExtend: legal, canPause: legal, canResume: legal, canEndSession: legal,
    isLegalReady: legal, isLegalObjectives: legal, isLegalPlan: legal, isLegalGuess: legal,
    isLegalChat: legal, isLegalQuestion: legal, isLegalAnswer: legal, isLegalDisclosure: legal,
    isLegalValueArgument: legal, isLegalRiskNote: legal, isLegalContact: legal, isLegalRfq: legal,
    isLegalProposal: legal, isLegalAcceptance: legal, isLegalOfferRejection: legal, isLegalBid: legal,
    isLegalAward: legal, isLegalWalkaway: legal, isLegalReflection: legal,
    deadlinePassed: ({ context, event }: Args) => isPastDeadline(context, event),
    talksEnded: ({ context }: Args) => context.ending !== null,
    allSeatsReady: ({ context }: Args) => {
      const phase = phaseOf(context);
      const required = phase ? readinessSides(phase).flatMap((side) => activeOfSide(scenario, context, side)) : [];
      return required.length > 0 && required.every((seat) => context.ready.includes(seat));
    },
    allReflectionsIn: ({ context }: Args) => {
      const phase = phaseOf(context);
      const sides = phase ? reflectingSides(phase) : [];
      const required = context.present.filter((seat) => sides.some((side) => scenario.seats.find((s) => s.id === seat)?.side === side));
      return required.length > 0 && required.every((seat) => context.reflections.includes(seat));
    },
    // Eventless guards see the macrostep's event: one not yet applied or rejected gets its answer.
    eventWasNotApplied: ({ context, event }: Args) => isNegotiationEvent(event) && context.lastEvent !== event,
  };
}

/** An assign action typed for this machine's context and events. */
function update(fn: (args: Args) => Partial<NegotiationContext>) {
  return assign<NegotiationContext, NegotiationEvent, undefined, NegotiationEvent, never>(fn);
}

function makeActions(scenario: Scenario) {
  const s = scenario;
  return {
    stampEvent: update(({ context, event }) => ({ now: timeOf(context, event), lastEvent: event })),
    rejectLateEvent: update(({ context, event }) => rejectIfLate(s, context, event)),
    rejectMove: update(({ context, event }) => ({ now: timeOf(context, event), lastEvent: event, lastRejection: rejectionFor(s, context, event) })),
    claimSeat: update(({ context, event }) => control.claimSeat(context, event as Control<"seat.claim">)),
    releaseSeat: update(({ context, event }) => control.releaseSeat(context, event as Control<"seat.release">)),
    startSession: update(({ context, event }) => control.startSession(s, context, event as Control<"session.start">)),
    recordControl: update(({ context, event }) => control.recordControl(context, event as ControlEvent)),
    extendPhase: update(({ context, event }) => control.extendPhase(context, event as Control<"phase.extend">)),
    pauseSession: update(({ context, event }) => control.pauseSession(context, event as Control<"session.pause">)),
    resumeSession: update(({ context, event }) => control.resumeSession(context, event as Control<"session.resume">)),
    endSession: update(({ context, event }) => control.endSession(s, context, event as Control<"session.end">)),
    recordMove: update(({ context, event }) => moves.recordMove(s, context, event as MoveEvent)),
    recordAnswer: update(({ context, event }) => moves.recordAnswer(s, context, event as Move<"question.answer">)),
    recordDisclosure: update(({ context, event }) => moves.recordDisclosure(s, context, event as Move<"fact.disclose">)),
    markReady: update(({ context, event }) => moves.markReady(context, event as Move<"phase.ready">)),
    setObjectives: update(({ context, event }) => moves.setObjectives(s, context, event as Move<"objectives.set">)),
    setGuess: update(({ context, event }) => moves.setObjectives(s, context, event as Move<"guess.set">)),
    setPlan: update(({ context, event }) => moves.setPlan(s, context, event as Move<"plan.set">)),
    issueRfq: update(({ context, event }) => moves.issueRfq(context, event as Move<"rfq.issue">)),
    recordProposal: update(({ context, event }) => moves.recordProposal(context, event as Move<"offer.propose">)),
    recordAcceptance: update(({ context, event }) => moves.recordAcceptance(s, context, event as Move<"offer.accept">)),
    recordOfferRejection: update(({ context, event }) => moves.recordOfferRejection(context, event as Move<"offer.reject">)),
    recordBid: update(({ context, event }) => moves.recordBid(context, event as Move<"bid.submit">)),
    recordAward: update(({ context, event }) => moves.recordAward(s, context, event as Move<"award.make">)),
    recordWalkaway: update(({ context, event }) => moves.recordWalkaway(s, context, event as Move<"walkaway">)),
    recordReflection: update(({ context, event }) => moves.recordReflection(s, context, event as Move<"reflection.submit">)),
    startPhase: assign<NegotiationContext, NegotiationEvent, { index: number }, NegotiationEvent, never>(({ context }, params) => startPhase(s, context, params.index)),
    endPhaseNow: update(({ context }) => endPhaseNow(context)),
    closeRound: update(({ context }) => closeRound(s, context)),
    endByTimeout: update(({ context }) => endByTimeout(context)),
    openDebrief: update(({ context }) => openDebrief(context)),
  };
}

export type NegotiationGuard = keyof ReturnType<typeof makeGuards>;
export type NegotiationAction = keyof ReturnType<typeof makeActions>;

/**
 * The negotiation machine for a scenario: `lobby`, then one state per phase
 * in the scenario's order, then the final `debrief`. Every rule lives in a
 * named guard (legality, deadlines, readiness) or action (what the log
 * records); nothing is specific to one scenario. Time comes only from the
 * events' `at`, so a persisted snapshot restores exactly.
 *
 * Illegal events match no transition, so `snapshot.can(event)` is false for
 * them; a root-level eventless transition then answers each one by setting
 * `lastRejection` (eventless guards see the event of the macrostep).
 */
export function buildNegotiationMachine(scenario: Scenario) {
  return setup({
    types: {
      context: {} as NegotiationContext,
      events: {} as NegotiationEvent,
      input: {} as NegotiationInput | undefined,
    },
    guards: makeGuards(scenario),
    actions: makeActions(scenario),
  }).createMachine({
    id: "negotiation",
    context: ({ input }) => initialContext(input),
    initial: "lobby",
    on: {
      "time.tick": { actions: "stampEvent" },
      "phase.extend": { guard: "canExtend", actions: ["stampEvent", "extendPhase"] },
      "session.pause": { guard: "canPause", actions: ["stampEvent", "pauseSession"] },
      "session.resume": { guard: "canResume", actions: ["stampEvent", "resumeSession"] },
    },
    always: { guard: "eventWasNotApplied", actions: "rejectMove" },
    states: buildStates(scenario) as never,
  });
}

export type NegotiationMachine = ReturnType<typeof buildNegotiationMachine>;
