import { assign, setup, type EventObject, type MetaObject, type NonReducibleUnknown, type SetupTypes } from "xstate";
import { MOVE_TYPES, type Scenario } from "../scenario/schema.js";
import * as control from "./apply-control.js";
import * as moves from "./apply-move.js";
import { activeOfSide, initialContext, type NegotiationContext, type NegotiationInput } from "./context.js";
import type { NegotiationEvent, Rejection } from "./events.js";
import { problem, type Problem } from "./messages.js";
import { readinessSides, reflectingSides } from "./open-moves.js";
import { closeRound, endByTimeout, endPhaseNow, openDebrief, startPhase } from "./phases.js";
import { buildStates } from "./states.js";
import { CONTROL_TYPES, isNegotiationEvent, validateEvent } from "./validate.js";
import { isPastDeadline, timeOf } from "./validate-common.js";

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
    canExtend: legal, canPause: legal, canResume: legal, canEndSession: legal, canAnnounce: legal,
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

type EventOf<T extends NegotiationEvent["type"]> = Extract<NegotiationEvent, { type: T }>;

/** True when the event has one of these types; narrows the union to those events. */
function isEvent<T extends NegotiationEvent["type"]>(event: NegotiationEvent, types: readonly T[]): event is EventOf<T> {
  return types.some((type) => type === event.type);
}

/**
 * An assign action that applies `fn` to events of the given types. XState
 * hands a named action the whole event union; the states (states.ts) wire
 * each action to the transitions of its own events only, so any other event
 * is a wiring bug: it fails loudly instead of being recorded as a move it is not.
 */
function updateOn<T extends NegotiationEvent["type"]>(types: T | readonly T[], fn: (context: NegotiationContext, event: EventOf<T>) => Partial<NegotiationContext>) {
  const accepted: readonly T[] = typeof types === "string" ? [types] : types;
  return update(({ context, event }) => {
    if (!isEvent(event, accepted)) throw new Error(`The action for ${accepted.join(", ")} was run for "${event.type}"`);
    return fn(context, event);
  });
}

function makeActions(scenario: Scenario) {
  const s = scenario;
  return {
    stampEvent: update(({ context, event }) => ({ now: timeOf(context, event), lastEvent: event })),
    rejectLateEvent: update(({ context, event }) => rejectIfLate(s, context, event)),
    rejectMove: update(({ context, event }) => ({ now: timeOf(context, event), lastEvent: event, lastRejection: rejectionFor(s, context, event) })),
    claimSeat: updateOn("seat.claim", (context, event) => control.claimSeat(context, event)),
    releaseSeat: updateOn("seat.release", (context, event) => control.releaseSeat(context, event)),
    startSession: updateOn("session.start", (context, event) => control.startSession(s, context, event)),
    recordControl: updateOn(CONTROL_TYPES, (context, event) => control.recordControl(context, event)),
    extendPhase: updateOn("phase.extend", (context, event) => control.extendPhase(context, event)),
    pauseSession: updateOn("session.pause", (context, event) => control.pauseSession(context, event)),
    announceMarketEvent: updateOn("market.event", (context, event) => control.announceMarketEvent(s, context, event)),
    resumeSession: updateOn("session.resume", (context, event) => control.resumeSession(context, event)),
    endSession: updateOn("session.end", (context, event) => control.endSession(s, context, event)),
    recordMove: updateOn(MOVE_TYPES, (context, event) => moves.recordMove(s, context, event)),
    recordAnswer: updateOn("question.answer", (context, event) => moves.recordAnswer(s, context, event)),
    recordDisclosure: updateOn("fact.disclose", (context, event) => moves.recordDisclosure(s, context, event)),
    markReady: updateOn("phase.ready", (context, event) => moves.markReady(context, event)),
    setObjectives: updateOn("objectives.set", (context, event) => moves.setObjectives(s, context, event)),
    setGuess: updateOn("guess.set", (context, event) => moves.setObjectives(s, context, event)),
    setPlan: updateOn("plan.set", (context, event) => moves.setPlan(s, context, event)),
    issueRfq: updateOn("rfq.issue", (context, event) => moves.issueRfq(context, event)),
    recordProposal: updateOn("offer.propose", (context, event) => moves.recordProposal(context, event)),
    recordAcceptance: updateOn("offer.accept", (context, event) => moves.recordAcceptance(s, context, event)),
    recordOfferRejection: updateOn("offer.reject", (context, event) => moves.recordOfferRejection(context, event)),
    recordBid: updateOn("bid.submit", (context, event) => moves.recordBid(context, event)),
    recordAward: updateOn("award.make", (context, event) => moves.recordAward(s, context, event)),
    recordWalkaway: updateOn("walkaway", (context, event) => moves.recordWalkaway(s, context, event)),
    recordReflection: updateOn("reflection.submit", (context, event) => moves.recordReflection(s, context, event)),
    startPhase: assign<NegotiationContext, NegotiationEvent, { index: number }, NegotiationEvent, never>(({ context }, params) => startPhase(s, context, params.index)),
    endPhaseNow: update(({ context }) => endPhaseNow(context)),
    closeRound: update(({ context }) => closeRound(s, context)),
    endByTimeout: update(({ context }) => endByTimeout(context)),
    openDebrief: update(({ context }) => openDebrief(context)),
  };
}

/**
 * The machine's context, events and input, for XState's type inference only
 * (XState never reads the values): declared with their types instead of the
 * usual `{} as T` placeholders. The other parameters are setup()'s defaults.
 */
const MACHINE_TYPES: SetupTypes<NegotiationContext, NegotiationEvent, {}, string, NegotiationInput | undefined, NonReducibleUnknown, EventObject, MetaObject> = {};

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
    types: MACHINE_TYPES,
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
      // Only a scenario with market events listens for them (the path tests walk every transition).
      ...(scenario.marketEvents.length > 0 ? { "market.event": { guard: "canAnnounce", actions: ["stampEvent", "announceMarketEvent"] } } : {}),
    },
    always: { guard: "eventWasNotApplied", actions: "rejectMove" },
    states: buildStates(scenario),
  });
}

export type NegotiationMachine = ReturnType<typeof buildNegotiationMachine>;
