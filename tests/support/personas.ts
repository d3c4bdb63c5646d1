import { SimulatedClock } from "xstate";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { createNegotiationRunner, type NegotiationRunner, type UnstampedEvent } from "../../shared/negotiation/runner.js";
import { MoveInputSchema, type MoveInput, type QuestionTopic } from "../../shared/protocol.js";
import { movesFor } from "../../shared/scenario/phase-rules.js";
import { findSeat, pointsFor } from "../../shared/scenario/points.js";
import type { Package, Scenario } from "../../shared/scenario/schema.js";
import { loadScenario } from "./scenarios.js";

/**
 * Negotiator personas played through the real negotiation machine (the
 * runner, on a simulated clock), for the adversarial scoring tests. Every
 * move is sent as a client would send it (parsed by the wire schema) plus
 * `by`, and must be accepted: a rejected move throws, so a test never scores
 * a play the machine would not have allowed. Each persona returns the
 * machine's own log, run out to the debrief.
 *
 * Reflections are left out on purpose: the plays script behaviour, and a
 * scripted rating of the other side would only echo the script back.
 *
 * `spam` inserts content-free moves (chat "ok", "?" questions without a
 * topic, a repeated topic, a value claim "x" without a figure, a risk note
 * "ok" with no raise and no term) for the named seats, once per phase right
 * after the seat's first move there, at the same instant, so the offers,
 * their times and the outcome stay exactly the same.
 */

export const STRATEGIC = loadScenario("strategic-3pl.yaml");
export const TENDER = loadScenario("commodity-corrugated.yaml");

export interface PlayOptions {
  /** Seats that add content-free moves to their own play ("all" for every seat). */
  spam?: "all" | readonly string[];
  /** Reflection answers each listed seat submits once the talks have ended (none by default: a script's rating would only echo the script). */
  reflections?: Readonly<Record<string, Record<string, number | string>>>;
}

export interface Play {
  name: string;
  scenario: Scenario;
  log: LogEntry[];
}

export type Persona = (options?: PlayOptions) => Play;

/** The same negotiation with content-free moves added by the given seats (every seat by default). */
export function withSpam(persona: Persona, seats: "all" | readonly string[] = "all"): Play {
  return persona({ spam: seats });
}

const STEP_SECONDS = 20;

/** A table on the real machine: seats claimed, session started, every move checked for acceptance. */
export class Table {
  readonly clock = new SimulatedClock();
  readonly runner: NegotiationRunner;
  private readonly spammers: Set<string>;
  private readonly spammedIn = new Set<string>();
  private readonly lastTopic = new Map<string, QuestionTopic>();
  private readonly reflections: Readonly<Record<string, Record<string, number | string>>>;

  constructor(
    readonly scenario: Scenario,
    readonly seats: readonly string[],
    options: PlayOptions = {},
  ) {
    this.runner = createNegotiationRunner(scenario, { clock: this.clock });
    this.spammers = new Set(options.spam === "all" ? seats : (options.spam ?? []));
    this.reflections = options.reflections ?? {};
    for (const seat of seats) this.control({ type: "seat.claim", by: seat, seat, occupant: "human" });
    this.control({ type: "session.start", by: "facilitator" });
  }

  get ctx() {
    return this.runner.snapshot().context;
  }

  get phase(): string {
    return this.ctx.phase;
  }

  /** A control event (lobby, facilitator, procurement closing a round); throws when rejected. */
  control(event: UnstampedEvent): void {
    const result = this.runner.send(event);
    if (!result.accepted) throw new Error(`${event.by} ${event.type} was rejected in ${this.phase}: ${result.rejection.code}: ${result.rejection.message}`);
  }

  /** One move, STEP_SECONDS after the previous one; returns the seq of its log entry. */
  move(by: string, input: MoveInput): number {
    this.clock.increment(STEP_SECONDS * 1000);
    const seq = this.send(by, input);
    this.spamAfter(by);
    return seq;
  }

  /** Every listed seat marks itself ready (in order); checks that the phase then moved on. */
  ready(...seats: string[]): void {
    const before = this.phase;
    for (const seat of seats) this.move(seat, { type: "phase.ready" });
    if (this.phase === before) throw new Error(`${before} did not end when ${seats.join(", ")} were ready`);
  }

  /** Expect to be in this phase (a play that drifted past a deadline fails loudly). */
  expectPhase(phase: string): void {
    if (this.phase !== phase) throw new Error(`expected phase ${phase}, the machine is in ${this.phase}`);
  }

  /** Runs the clock out to the debrief and returns the machine's log. */
  finish(): LogEntry[] {
    for (const [seat, answers] of Object.entries(this.reflections)) {
      if (this.scenario.phases.find((p) => p.id === this.phase)?.kind !== "reflection") throw new Error(`${seat} cannot reflect in ${this.phase}`);
      this.send(seat, { type: "reflection.submit", answers });
    }
    for (let guard = 0; this.runner.snapshot().status === "active" && guard < 50; guard++) {
      const ends = this.ctx.phaseEndsAt;
      if (ends === null) break;
      this.clock.increment(Math.max(1, ends - this.clock.now()));
    }
    if (this.runner.snapshot().status === "active") throw new Error(`the negotiation did not reach the debrief (phase ${this.phase})`);
    return [...this.ctx.log];
  }

  private send(by: string, input: MoveInput): number {
    const parsed = MoveInputSchema.parse(input); // exactly what the room would accept from a client
    const result = this.runner.send({ ...parsed, by } as UnstampedEvent);
    if (!result.accepted) throw new Error(`${by} ${input.type} was rejected in ${this.phase}: ${result.rejection.code}: ${result.rejection.message}`);
    const entry = result.entries.find((e) => e.by === by && e.type === input.type);
    if (!entry) throw new Error(`${by} ${input.type} was accepted but logged nothing`);
    if (input.type === "question.ask" && input.about) this.lastTopic.set(by, input.about);
    return entry.seq;
  }

  private spamAfter(by: string): void {
    if (!this.spammers.has(by) || this.ctx.ending !== null) return;
    const phase = this.scenario.phases.find((p) => p.id === this.phase);
    const seat = findSeat(this.scenario, by);
    if (!phase || !seat || phase.kind === "reflection" || this.spammedIn.has(`${by}|${phase.id}`)) return;
    this.spammedIn.add(`${by}|${phase.id}`);
    const allowed = movesFor(phase, seat.side);
    for (const move of contentFree(this.scenario, by, this.lastTopic.get(by))) {
      if (allowed.includes(move.type)) this.send(by, move);
    }
  }
}

/** Moves with no substance: what a player clicking for points would send. */
export function contentFree(scenario: Scenario, seat: string, repeatTopic?: QuestionTopic): MoveInput[] {
  const lever = scenario.valueLevers.find((l) => l.knownTo.includes(seat));
  const risk = scenario.risks[0];
  return [
    { type: "chat.send", text: "ok" },
    { type: "question.ask", text: "?" },
    { type: "question.ask", text: "?" },
    ...(repeatTopic ? [{ type: "question.ask", text: "And?", about: repeatTopic } as const] : []),
    ...(lever ? [{ type: "value.argue", lever: lever.id, claim: "x" } as const] : []),
    ...(risk ? [{ type: "risk.address", risk: risk.id, note: "ok" } as const] : []),
  ];
}

// ---------------------------------------------------------------- move helpers

const ask = (text: string, about?: QuestionTopic): MoveInput => ({ type: "question.ask", text, ...(about ? { about } : {}) });
const answer = (question: number, text: string): MoveInput => ({ type: "question.answer", question, text });
const chat = (text: string, to?: string[]): MoveInput => ({ type: "chat.send", text, ...(to ? { to } : {}) });
const disclose = (fact: string): MoveInput => ({ type: "fact.disclose", fact });
const argue = (lever: string, claim: string, figure?: number): MoveInput => ({ type: "value.argue", lever, claim, ...(figure === undefined ? {} : { figure }) });
const raise = (risk: string, note: string): MoveInput => ({ type: "risk.raise", risk, note });
const propose = (to: string, pkg: Package, extra: { final?: boolean; note?: string } = {}): MoveInput => ({ type: "offer.propose", to, package: { ...pkg }, ...extra });
const accept = (offer: number): MoveInput => ({ type: "offer.accept", offer });
const bid = (pkg: Package, note?: string): MoveInput => ({ type: "bid.submit", package: { ...pkg }, ...(note ? { note } : {}) });

/**
 * A concrete answer to a risk: the risk's `mitigatedBy` term that the final
 * deal carries (else its first listed term) and, when the scenario lists
 * mitigations for the risk, the first of them.
 */
export function concreteAnswer(scenario: Scenario, riskId: string, deal: Package, note: string): MoveInput {
  const risk = scenario.risks.find((r) => r.id === riskId);
  if (!risk) throw new Error(`no risk ${riskId} in ${scenario.id}`);
  const inDeal = risk.mitigatedBy.find((t) => t.options.includes(deal[t.issue] ?? ""));
  const chosen = inDeal ?? risk.mitigatedBy[0];
  const option = inDeal ? deal[inDeal.issue] : chosen?.options[0];
  const mitigations = (risk as { mitigations?: { id: string }[] }).mitigations ?? [];
  return {
    type: "risk.address",
    risk: riskId,
    note,
    ...(chosen && option ? { term: { issue: chosen.issue, option } } : {}),
    ...(mitigations[0] ? { mitigation: mitigations[0].id } : {}),
  };
}

// ---------------------------------------------------------------- the strategic partnership

const P = "procurement";
const S = "sales";

/** Packages of the partnership plays, with (procurement, sales) points in the comments (BATNAs 3 and 64). */
export const PKG_3PL = {
  /** the buyer's ambitious opening (83, 24) */
  buyerOpen: { "rate-level": "cut-8", "payment-terms": "net-60", "contract-length": "two-years", "service-level": "otif-98-5", "lane-scope": "domestic", "gain-share": "all-to-halstead", governance: "joint-governance", "liability-cap": "cap-5m" },
  /** the seller's logrolling counter: length, scope and a share of further savings for a small rate cut and a phased go-live (60, 83) */
  sellerCounter: { "rate-level": "cut-2", "payment-terms": "net-30", "contract-length": "five-years", "service-level": "phased-97-5", "lane-scope": "all-lanes", "gain-share": "split-50-50", governance: "joint-governance", "liability-cap": "cap-1m" },
  /** the buyer's move towards it (72, 68) */
  buyerSecond: { "rate-level": "cut-4", "payment-terms": "net-45", "contract-length": "five-years", "service-level": "phased-97-5", "lane-scope": "all-lanes", "gain-share": "split-70-30", governance: "joint-governance", "liability-cap": "cap-2m" },
  /** the deal (71, 69): the buyer's move with 30-day payment, which costs Corvanta more than it is worth to Halstead */
  deal: { "rate-level": "cut-4", "payment-terms": "net-30", "contract-length": "five-years", "service-level": "phased-97-5", "lane-scope": "all-lanes", "gain-share": "split-70-30", governance: "joint-governance", "liability-cap": "cap-2m" },
  /** the hardball seller's extreme opening, outbound lanes only so that every added lane becomes a concession (5, 80) */
  hardOpen: { "rate-level": "cut-0", "payment-terms": "net-30", "contract-length": "five-years", "service-level": "otif-95", "lane-scope": "outbound-only", "gain-share": "split-50-50", governance: "monthly-reports", "liability-cap": "cap-250k" },
  /** the hardball seller's first ultimatum (53, 86) */
  hardFinal1: { "rate-level": "cut-2", "payment-terms": "net-30", "contract-length": "five-years", "service-level": "otif-96", "lane-scope": "all-lanes", "gain-share": "split-50-50", governance: "joint-governance", "liability-cap": "cap-250k" },
  /** the buyer's offer to the hardball seller (82, 56) */
  buyerToHard: { "rate-level": "cut-6", "payment-terms": "net-45", "contract-length": "five-years", "service-level": "otif-97-5", "lane-scope": "all-lanes", "gain-share": "split-70-30", governance: "joint-governance", "liability-cap": "cap-1m" },
  /** the hardball seller's second ultimatum, accepted (73, 66): less for the seller than the collaborative deal, in points and in money */
  hardFinal2: { "rate-level": "cut-4", "payment-terms": "net-45", "contract-length": "five-years", "service-level": "otif-97-5", "lane-scope": "all-lanes", "gain-share": "split-70-30", governance: "joint-governance", "liability-cap": "cap-1m" },
  /** the model collaborator's moderate opening: the Nash package of the pair (51, 93) */
  modelOpen: { "rate-level": "cut-0", "payment-terms": "net-30", "contract-length": "five-years", "service-level": "phased-97-5", "lane-scope": "all-lanes", "gain-share": "split-50-50", governance: "joint-governance", "liability-cap": "cap-250k" },
  /** a re-mix of it: 45-day payment and a $2 million cap, a point more for the buyer (52, 91) */
  modelRemix: { "rate-level": "cut-0", "payment-terms": "net-45", "contract-length": "five-years", "service-level": "phased-97-5", "lane-scope": "all-lanes", "gain-share": "split-50-50", governance: "joint-governance", "liability-cap": "cap-2m" },
  /** the hardball buyer's extreme opening (98, 22) */
  buyerExtreme: { "rate-level": "cut-8", "payment-terms": "net-75", "contract-length": "one-year", "service-level": "otif-98-5", "lane-scope": "all-lanes", "gain-share": "split-70-30", governance: "joint-governance", "liability-cap": "cap-5m" },
  /** below the seller's BATNA of 64 (84, 23) */
  buyerLow2: { "rate-level": "cut-8", "payment-terms": "net-75", "contract-length": "two-years", "service-level": "otif-98-5", "lane-scope": "domestic", "gain-share": "all-to-halstead", governance: "joint-governance", "liability-cap": "cap-5m" },
  /** still below the seller's BATNA (91, 30), sent as final */
  buyerLow3: { "rate-level": "cut-8", "payment-terms": "net-60", "contract-length": "three-years", "service-level": "otif-98-5", "lane-scope": "all-lanes", "gain-share": "all-to-halstead", governance: "joint-governance", "liability-cap": "cap-5m" },
  /** the hardball buyer's last ultimatum, above the seller's BATNA (71, 66): 6 % off, bought with the service level; no more for the buyer than the collaborative deal */
  buyerHardLast: { "rate-level": "cut-6", "payment-terms": "net-30", "contract-length": "five-years", "service-level": "otif-95", "lane-scope": "all-lanes", "gain-share": "split-70-30", governance: "joint-governance", "liability-cap": "cap-250k" },
} as const satisfies Record<string, Package>;

type Objectives = { procurement: string[]; sales: string[] };
const USUAL_OBJECTIVES: Objectives = { procurement: ["meet-cfo-target", "lift-service", "protect-data"], sales: ["multi-year", "grow-account", "land-reference"] };

/** Briefing and preparation: both seats ready, objectives, guesses and a plan set. */
function open3pl(options: PlayOptions, objectives: Objectives = USUAL_OBJECTIVES): Table {
  const t = new Table(STRATEGIC, [P, S], options);
  t.ready(P, S);
  t.expectPhase("preparation");
  t.move(P, { type: "objectives.set", objectives: objectives.procurement });
  t.move(P, { type: "guess.set", objectives: ["protect-margin", "multi-year", "grow-account"] });
  t.move(P, { type: "plan.set", text: "Learn how they would fund the savings; test every figure; trade length for service." });
  t.move(S, { type: "objectives.set", objectives: objectives.sales });
  t.move(S, { type: "guess.set", objectives: ["meet-cfo-target", "lift-service", "avoid-lock-in"] });
  t.move(S, { type: "plan.set", text: "Ask about the CFO target and 2022 first; frame savings as total cost; trade rates for length and scope." });
  t.ready(P, S);
  t.expectPhase("discovery");
  return t;
}

interface BuyerQuestions {
  funding: number;
  data: number;
}

/** The buyer's own discovery: two questions with a topic, two risks raised, two disclosures. */
function buyerDiscovery(t: Table): BuyerQuestions {
  const funding = t.move(P, ask("How would you fund a rate cut: which lanes, which mechanisms?", { kind: "issue", id: "rate-level" }));
  t.move(P, raise("transition-failure", "In 2022 a peak-season TMS cut-over cost us six weeks of missed shipments. Why will this time be different?"));
  t.move(P, raise("unpaid-carriers", "If you fail to pay a carrier, it can come after us for the same freight."));
  const data = t.move(P, ask("How will you secure our shipment data and the ERP integration?", { kind: "risk", id: "shipment-data" }));
  t.move(P, disclose("cfo-target"));
  t.move(P, disclose("failed-3pl-2022"));
  return { funding, data };
}

interface SellerTalk {
  /** value arguments to make, as [lever, claim, figure] */
  levers?: [string, string, number | undefined][];
  /** chat lines in discovery and in the proposals */
  discoveryChat?: string[];
  proposalChat?: string[];
}

const LEVERS = {
  consolidation: ["lane-consolidation", "Consolidating your 38 carriers onto our network saves about 6 % of freight spend: roughly $2.8 M a year on $46 M.", 6],
  carrierCover: ["carrier-cover", "Our pool of 2,300 carriers re-covers a failed load within hours: late-delivery chargebacks typically fall by 40 %, about $640,000 of your $1.6 M.", 40],
  dockScheduling: ["dock-scheduling", "Dock appointments booked in our TMS cut truck waiting at your plants, and detention charges with it, by about 35 %.", 35],
} as const satisfies Record<string, [string, string, number]>;

/**
 * The collaborative value seller's discovery: three questions on distinct
 * topics, straight answers, two disclosures, quantified value arguments and
 * a concrete answer to each risk the buyer raised.
 */
function collaborativeDiscovery(t: Table, talk: SellerTalk = {}): void {
  const levers = talk.levers ?? [LEVERS.consolidation, LEVERS.carrierCover, LEVERS.dockScheduling];
  const cfo = t.move(S, ask("What does your CFO measure: rate per lane, or total logistics cost?", { kind: "objective", id: "meet-cfo-target" }));
  t.move(P, answer(cfo, "Total logistics cost: the CFO promised the board 5 %, about $2.3 M this year."));
  const asked = buyerDiscovery(t);
  t.move(S, answer(asked.funding, "From consolidation: your 38 carriers onto our network, and backhauls on the Carolinas–Ohio corridor where our trucks now run home empty."));
  t.move(S, disclose("spare-capacity"));
  const lanes = t.move(S, ask("Which lanes would you put in scope first: outbound, inbound or Mexico?", { kind: "issue", id: "lane-scope" }));
  t.move(P, answer(lanes, "Outbound first; inbound once the Greenville DC is open next year."));
  const cutover = t.move(S, ask("What went wrong in the 2022 cut-over, in your view?", { kind: "risk", id: "transition-failure" }));
  t.move(P, answer(cutover, "The TMS went live in peak season, all at once, with no penalties on the provider."));
  t.move(S, concreteAnswer(STRATEGIC, "transition-failure", PKG_3PL.deal, "We go live one region at a time, outside peak season, with a parallel run; up to 5 % of our fees are at risk against 97.5 % OTIF from each region's go-live."));
  t.move(S, concreteAnswer(STRATEGIC, "unpaid-carriers", PKG_3PL.deal, "We raise the liability cap to $2 million per incident, unpaid carriers included; and we pay carriers within 15 days."));
  t.move(S, answer(asked.data, "Through the data-protection annex of joint governance: access controls, breach notice within 24 hours, an annual audit of the TMS integration."));
  t.move(S, disclose("new-tms"));
  for (const line of talk.discoveryChat ?? []) t.move(S, chat(line));
  for (const [lever, claim, figure] of levers) t.move(S, argue(lever, claim, figure));
  t.ready(P, S);
  t.expectPhase("proposals");
}

/** The proposals of the collaborative plays: buyer opens, seller logrolls, both move, the buyer accepts. */
function logrollingProposals(t: Table, proposalChat: string[] = []): void {
  t.move(P, propose(S, PKG_3PL.buyerOpen, { note: "Our opening: tell us what matters most to you in it." }));
  for (const line of proposalChat) t.move(S, chat(line));
  t.move(S, propose(P, PKG_3PL.sellerCounter, { note: "Five years and every lane pay for the dedicated trailers; in return a phased go-live, and half of every further saving stays with you." }));
  t.move(P, propose(S, PKG_3PL.buyerSecond, { note: "Five years and all lanes work for us if the rate cut reaches 4 % and we keep 70 % of further savings." }));
  const last = t.move(S, propose(P, PKG_3PL.deal, { note: "4 %, 70/30 and a $2 million cap; we need 30-day payment to fund it." }));
  t.move(P, accept(last));
}

/** The genuine collaborative value seller. */
export const collaborativeSeller: Persona = (options = {}) => {
  const t = open3pl(options);
  collaborativeDiscovery(t);
  logrollingProposals(t);
  return { name: "collaborative value seller", scenario: STRATEGIC, log: t.finish() };
};

/** The honest TCO seller: the collaborative play, plus "price is only part of it" in chat. */
export const honestTcoSeller: Persona = (options = {}) => {
  const t = open3pl(options);
  collaborativeDiscovery(t, { discoveryChat: ["Price is only part of it: look at what freight, empty miles and chargebacks cost you in total."] });
  logrollingProposals(t);
  return { name: "honest TCO seller", scenario: STRATEGIC, log: t.finish() };
};

/** The keyword-avoiding price haggler: one value argument, the rest is haggling in words no keyword list knows. */
export const priceHaggler: Persona = (options = {}) => {
  const t = open3pl(options);
  collaborativeDiscovery(t, {
    levers: [LEVERS.consolidation],
    discoveryChat: ["Knock 6 % off and we have a deal.", "We can shave a couple of points off every lane if you sign this week."],
  });
  logrollingProposals(t, ["Take another 2 % off the top line and we are done."]);
  return { name: "keyword-avoiding price haggler", scenario: STRATEGIC, log: t.finish() };
};

/** The spammer: the collaborative seller's offers and deal, with content-free talk only. */
export const spammerSeller: Persona = (options = {}) => {
  const t = open3pl(options);
  t.move(S, { type: "risk.address", risk: "hidden-charges", note: "ok" }); // nobody raised it, no term
  const q1 = t.move(S, ask("?"));
  const asked = buyerDiscovery(t);
  t.move(P, answer(q1, "What would you like to know?"));
  t.move(S, ask("?", { kind: "issue", id: "lane-scope" }));
  t.move(S, ask("?", { kind: "issue", id: "lane-scope" }));
  t.move(S, answer(asked.funding, "ok"));
  t.move(S, answer(asked.data, "ok"));
  t.move(S, { type: "risk.address", risk: "transition-failure", note: "ok" });
  t.move(S, chat("ok"));
  for (const lever of ["lane-consolidation", "carrier-cover", "dock-scheduling"]) t.move(S, argue(lever, "x"));
  t.ready(P, S);
  t.expectPhase("proposals");
  logrollingProposals(t, ["ok"]);
  return { name: "spammer", scenario: STRATEGIC, log: t.finish() };
};

/** The silent seller: the collaborative seller's offers and deal, and not a word in discovery (the baseline for the spammer). */
export const silentSeller: Persona = (options = {}) => {
  const t = open3pl(options);
  buyerDiscovery(t);
  t.ready(P, S);
  t.expectPhase("proposals");
  logrollingProposals(t);
  return { name: "silent seller", scenario: STRATEGIC, log: t.finish() };
};

/** The hardball seller: extreme opening, two ultimatums, two bypasses, price talk, few concessions. */
export const hardballSeller: Persona = (options = {}) => {
  const t = open3pl(options);
  const asked = buyerDiscovery(t);
  t.move(S, { type: "stakeholder.contact", text: "Dana, your OTIF is killing you. Let us fix it together, whatever procurement says." });
  t.move(S, answer(asked.funding, "Sign for five years and you will see."));
  t.move(S, chat("We can do a rate cut if you sign for five years."));
  t.ready(P, S);
  t.expectPhase("proposals");
  t.move(S, propose(P, PKG_3PL.hardOpen, { note: "Our standard terms: outbound lanes first, the rest when you have earned it." }));
  t.move(P, propose(S, PKG_3PL.buyerOpen, { note: "Our opening: tell us what matters most to you in it." }));
  t.move(S, propose(P, PKG_3PL.hardFinal1, { final: true, note: "This is our final offer." }));
  t.move(S, { type: "stakeholder.contact", text: "Dana, procurement is dragging its feet. Can you push them to sign?" });
  t.move(P, propose(S, PKG_3PL.buyerToHard, { note: "Six percent, five years, every lane." }));
  t.move(S, chat("Other shippers are queuing for this capacity."));
  const last = t.move(S, propose(P, PKG_3PL.hardFinal2, { final: true, note: "Final: 4 % and not a point more." }));
  t.move(P, accept(last));
  return { name: "hardball seller", scenario: STRATEGIC, log: t.finish() };
};

/**
 * The model collaborator: opens on the Nash package of the pair, re-mixes it
 * (45-day payment and a higher liability cap, no fewer points for the buyer)
 * when the buyer's opening falls below its BATNA, and accepts the buyer's
 * first fair offer. Both sides chose clashing objectives (three conflicting
 * pairs, none aligned), and still agree.
 */
export const modelCollaborator: Persona = (options = {}) => {
  const t = open3pl(options, { procurement: ["avoid-lock-in", "keep-savings", "protect-data"], sales: ["multi-year", "grow-account", "share-upside"] });
  collaborativeDiscovery(t);
  const sales = findSeat(STRATEGIC, S)!;
  const procurement = findSeat(STRATEGIC, P)!;
  if (pointsFor(procurement, PKG_3PL.modelRemix) < pointsFor(procurement, PKG_3PL.modelOpen)) throw new Error("the re-mix must not cost the buyer points");
  t.move(S, propose(P, PKG_3PL.modelOpen, { note: "A package that should work for both of us: every lane and a phased go-live, about $5 M a year for you in total cost; five years and half of further savings for us." }));
  t.move(P, propose(S, PKG_3PL.buyerOpen));
  t.move(S, propose(P, PKG_3PL.modelRemix, { note: "A little more for you: a $2 million cap and 45-day payment." }));
  const fair = t.move(P, propose(S, PKG_3PL.buyerSecond));
  if (pointsFor(sales, PKG_3PL.buyerSecond) <= sales.brief.batna.points) throw new Error("the accepted offer must beat the seller's BATNA");
  t.move(S, accept(fair));
  return { name: "model collaborator", scenario: STRATEGIC, log: t.finish() };
};

/** The hardball buyer in the partnership: extreme opening, two ultimatums, rate talk; the collaborative seller accepts the last one. */
export const hardballBuyer3pl: Persona = (options = {}) => {
  // Objectives whose alignment reads differently per side if each side counts only its own: 2 aligned pairs, 1 conflict.
  const t = open3pl(options, { procurement: ["meet-cfo-target", "keep-savings", "protect-data"], sales: ["share-upside", "land-reference", "fast-payment"] });
  collaborativeDiscovery(t);
  t.move(P, chat("Your rates are too high. Cut them or we re-tender every lane."));
  t.move(P, propose(S, PKG_3PL.buyerExtreme, { note: "This is what we need." }));
  t.move(S, propose(P, PKG_3PL.sellerCounter, { note: "Five years and every lane pay for the dedicated trailers; in return a phased go-live, and half of every further saving stays with you." }));
  t.move(P, propose(S, PKG_3PL.buyerLow3, { final: true, note: "Take it or leave it." }));
  t.move(S, propose(P, PKG_3PL.deal, { note: "4 %, 70/30 and a $2 million cap; we need 30-day payment to fund it." }));
  const last = t.move(P, propose(S, PKG_3PL.buyerHardLast, { final: true, note: "Final offer: 6 % off, and you can keep service at 95 %." }));
  t.move(S, accept(last));
  return { name: "hardball buyer (partnership)", scenario: STRATEGIC, log: t.finish() };
};

/** The principled walk-away: the collaborative seller, facing a buyer whose every offer is below its BATNA, walks away. */
export const principledWalkaway: Persona = (options = {}) => {
  const t = open3pl(options);
  collaborativeDiscovery(t);
  const sales = findSeat(STRATEGIC, S)!;
  const buyerOffers = [PKG_3PL.buyerOpen, PKG_3PL.buyerLow2, PKG_3PL.buyerLow3];
  for (const offer of buyerOffers) {
    if (pointsFor(sales, offer) >= sales.brief.batna.points) throw new Error("every buyer offer in this play must be worth less to the seller than its BATNA");
  }
  t.move(P, propose(S, PKG_3PL.buyerOpen));
  t.move(S, propose(P, PKG_3PL.sellerCounter, { note: "Five years and every lane pay for the dedicated trailers; in return a phased go-live, and half of every further saving stays with you." }));
  t.move(P, propose(S, PKG_3PL.buyerLow2));
  t.move(S, propose(P, PKG_3PL.deal, { note: "4 %, 70/30 and a $2 million cap; we need 30-day payment to fund it." }));
  t.move(P, propose(S, PKG_3PL.buyerLow3, { final: true, note: "Final offer." }));
  t.move(S, { type: "walkaway", reason: "Nothing on the table beats our alternative; we would rather part on good terms and talk again next year." });
  return { name: "principled walk-away", scenario: STRATEGIC, log: t.finish() };
};

// ---------------------------------------------------------------- the tender

const BUYER = "buyer";
const A = "supplier-a";
const B = "supplier-b";
const C = "supplier-c";

/** The sealed bids of every tender play, by supplier and round (round-1, round-2, bafo). */
export const TENDER_BIDS: Record<string, [Package, Package, Package]> = {
  [A]: [
    { "unit-price": "eur-465", "payment-terms": "net-60", "lead-time": "days-5", "volume-share": "share-100", "case-programme": "current-designs" },
    { "unit-price": "eur-450", "payment-terms": "net-60", "lead-time": "consignment", "volume-share": "share-100", "case-programme": "current-designs" },
    { "unit-price": "eur-420", "payment-terms": "net-60", "lead-time": "consignment", "volume-share": "share-80", "case-programme": "design-review" },
  ],
  [B]: [
    { "unit-price": "eur-450", "payment-terms": "net-30", "lead-time": "days-5", "volume-share": "share-60", "case-programme": "right-sizing" },
    { "unit-price": "eur-435", "payment-terms": "net-45", "lead-time": "days-5", "volume-share": "share-60", "case-programme": "right-sizing" },
    { "unit-price": "eur-435", "payment-terms": "net-60", "lead-time": "days-5", "volume-share": "share-60", "case-programme": "right-sizing" },
  ],
  [C]: [
    { "unit-price": "eur-420", "payment-terms": "net-45", "lead-time": "days-5", "volume-share": "share-100", "case-programme": "current-designs" },
    { "unit-price": "eur-420", "payment-terms": "net-45", "lead-time": "days-5", "volume-share": "share-80", "case-programme": "current-designs" },
    { "unit-price": "eur-420", "payment-terms": "net-45", "lead-time": "days-5", "volume-share": "share-80", "case-programme": "current-designs" },
  ],
};

export const TENDER_ROUNDS = ["round-1", "round-2", "bafo"] as const;

/** The tender's suppliers by their final rank for the buyer (best first), from the bids above. */
export function tenderRanking(): string[] {
  const buyer = findSeat(TENDER, BUYER)!;
  return [A, B, C].sort((x, y) => pointsFor(buyer, TENDER_BIDS[y]![2]) - pointsFor(buyer, TENDER_BIDS[x]![2]));
}

interface TenderStyle {
  hardballBuyer?: boolean;
  /** the incumbent's content-free moves (on by default; its bypasses stay either way) */
  incumbentSpam?: boolean;
}

function tenderPlay(options: PlayOptions, style: TenderStyle): LogEntry[] {
  const t = new Table(TENDER, [BUYER, A, B, C], options);
  t.ready(BUYER, A, B, C);
  t.expectPhase("preparation");
  t.move(BUYER, { type: "objectives.set", objectives: ["deliver-savings", "secure-supply", "cut-total-cost"] });
  t.move(A, { type: "objectives.set", objectives: ["win-majority", "protect-margin", "keep-service-simple"] });
  t.move(B, { type: "objectives.set", objectives: ["win-majority", "win-on-value", "get-paid-on-time"] });
  t.move(C, { type: "objectives.set", objectives: ["win-majority", "protect-margin", "get-paid-on-time"] });
  t.ready(BUYER, A, B, C);
  t.expectPhase("rfq");

  t.move(BUYER, { type: "rfq.issue", note: "RFQ MC-PKG-2027: 31 case sizes, three sealed rounds, award on total cost." });
  // The buyer shares with every bidder what a good bid needs to know (openness weight 3: full marks).
  for (const fact of ["second-source-closed", "trucks-cube-out", "volume-growth"]) t.move(BUYER, disclose(fact));
  const share = t.move(B, ask("Will you split the volume, and what share would the main supplier carry?", { kind: "issue", id: "volume-share" }));
  t.move(BUYER, answer(share, "Yes: we want a second source back by year-end, so expect a main share of 60 to 80 %."));
  const programme = t.move(B, ask("How will you weigh a case-design programme against price?", { kind: "issue", id: "case-programme" }));
  t.move(BUYER, answer(programme, "On total cost: the programme carries real weight in our evaluation because of what it does to freight."));
  t.move(B, disclose("pilot-result"));
  t.move(B, argue("pallet-optimisation", "Pallet-optimised case footprints cut about 6 % of your €14.5 M outbound freight: roughly €0.9 M a year.", 6));
  t.move(B, argue("board-right-sizing", "Right-sized cases use about 7 % less board per case, a saving we share through the price.", 7));
  t.move(BUYER, raise("supply-continuity", "Since March one supplier carries all our volume: a press breakdown would stop our lines within three days."));
  t.move(B, concreteAnswer(TENDER, "supply-continuity", TENDER_BIDS[B]![2], "We bid a 60 % main share, which leaves room for an independent second source."));
  t.move(BUYER, raise("supplier-solvency", "We will look at the finances of every bidder before we award."));
  t.move(C, concreteAnswer(TENDER, "supplier-solvency", TENDER_BIDS[C]![2], "An 80 % share on our new line still leaves you a second source if anything happens to us."));
  const stock = t.move(C, ask("Is consignment stock near your plants worth something to you?", { kind: "issue", id: "lead-time" }));
  t.move(BUYER, answer(stock, "Yes: shorter lead times score in our evaluation."));
  t.move(C, argue("independent-second-source", "Our board comes from a different mill group: a second source on it avoids about 5 days of line stoppage per outage.", 5));
  t.move(C, disclose("independent-mill"));
  // The incumbent goes around procurement and clicks for points.
  t.move(A, { type: "stakeholder.contact", text: "Luc, between us: where are the others on price?" });
  if (style.incumbentSpam !== false) {
    t.move(A, ask("?"));
    t.move(A, ask("?"));
    t.move(A, argue("proven-line-performance", "x"));
    t.move(A, { type: "risk.address", risk: "bid-below-cost", note: "ok" });
  }
  t.move(A, { type: "stakeholder.contact", text: "Luc, can you put in a word for us with the category manager?" });
  t.ready(BUYER, A, B, C);
  t.expectPhase("round-1");

  TENDER_ROUNDS.forEach((round, i) => {
    t.expectPhase(round);
    for (const supplier of [A, B, C]) t.move(supplier, bid(TENDER_BIDS[supplier]![i]!));
    if (round === "round-1" && style.incumbentSpam !== false) t.move(A, ask("?"));
    if (style.hardballBuyer && round === "round-2") {
      // Invented competing bids, told to one bidder each: unequal information and a bluff.
      t.move(BUYER, chat("Another bidder is already at €405 with 90-day terms. Match it or lose the account.", [A]));
      t.move(BUYER, chat("You are far behind: someone else bid €405 per 1,000 cases.", [C]));
    }
    if (style.hardballBuyer && round === "round-1") {
      t.move(BUYER, chat("Sharpen your pencils. This is your last chance to stay in the tender."));
      t.control({ type: "phase.advance", by: BUYER }); // the buyer may close round 1 itself
    } else {
      t.move(BUYER, chat(round === "bafo" ? "Thank you: we award on these bids." : "Thank you for your bids; each of you now has its rank."));
      t.ready(A, B, C);
    }
  });
  t.expectPhase("award");
  t.move(BUYER, { type: "award.make", to: B });
  return t.finish();
}

/** The fair tender: three bidders, three sealed rounds, award to supplier-b on its 60 % share bid; supplier-a bypasses and spams. */
export const fairTender: Persona = (options = {}) => ({ name: "tender", scenario: TENDER, log: tenderPlay(options, {}) });

/** The fair tender with an incumbent that bypasses procurement but sends no content-free moves (the baseline for its spam). */
export const quietIncumbentTender: Persona = (options = {}) => ({ name: "tender, quiet incumbent", scenario: TENDER, log: tenderPlay(options, { incumbentSpam: false }) });

/** The same tender run by a hardball buyer who invents competing bids and tells each bidder something different. */
export const hardballTenderBuyer: Persona = (options = {}) => ({ name: "hardball tender buyer", scenario: TENDER, log: tenderPlay(options, { hardballBuyer: true }) });

/** Every persona, for tests that run over all of them. */
export const PERSONAS: Record<string, Persona> = {
  collaborativeSeller,
  honestTcoSeller,
  priceHaggler,
  spammerSeller,
  silentSeller,
  hardballSeller,
  modelCollaborator,
  hardballBuyer3pl,
  principledWalkaway,
  fairTender,
  quietIncumbentTender,
  hardballTenderBuyer,
};
