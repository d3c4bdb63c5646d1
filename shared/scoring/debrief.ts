import type { LogEntry } from "../negotiation/events.js";
import type { Scenario } from "../scenario/schema.js";
import { scoreAlignment } from "./alignment.js";
import { coachingFor } from "./coaching.js";
import { offerHistory } from "./concessions.js";
import { nameOfId, pairFor, seatContext, type Run } from "./context.js";
import { secondSourceOf } from "./tender.js";
import { mesoInsights } from "./meso.js";
import { yearLater } from "./year-later.js";
import { readLog } from "./log-reader.js";
import { keyMoments } from "./moments.js";
import { scoreOutcome } from "./outcome.js";
import { scoreRisk } from "./risk.js";
import { scoreStyle } from "./style.js";
import { reciprocityPart, scoreTrust } from "./trust.js";
import type { NegotiationDebrief, NegotiationOutcome, PairSummary, SeatDebrief } from "./types.js";
import { scoreValueFraming } from "./value-framing.js";

export type * from "./types.js";

function outcomeOf(run: Run): NegotiationOutcome {
  const ended = run.log.ended;
  if (!ended) return { deal: false, reason: "not-ended", agreement: null, endedSeq: null, explanation: "The talks have not ended yet." };
  const agreement = ended.agreement;
  const parties = agreement?.parties.map((id) => nameOfId(run.scenario, id)).join(" and ");
  const winner = agreement ? nameOfId(run.scenario, agreement.parties[1]) : "";
  const second = secondSourceOf(run);
  const why: Record<NegotiationOutcome["reason"], string> = {
    accepted: `Deal: ${parties} agreed on a package.`,
    awarded: `Deal: the buyer awarded the contract to ${winner}${second ? `, with ${second.name} as second source` : ""}.`,
    walkaway: "No deal: a party walked away.",
    timeout: "No deal: time ran out before anyone accepted.",
    "ended-by-facilitator": "No deal: the facilitator ended the talks.",
    "all-withdrew": "No deal: every supplier withdrew from the tender.",
    "not-ended": "The talks have not ended yet.",
  };
  return { deal: ended.outcome === "deal" && agreement !== null, reason: ended.reason, agreement, endedSeq: ended.seq, explanation: why[ended.reason] };
}

function pairSummaries(run: Run): PairSummary[] {
  const present = run.scenario.seats.filter((s) => run.log.present.includes(s.id));
  const buyers = present.filter((s) => s.side === "procurement");
  const suppliers = present.filter((s) => s.side === "sales");
  return buyers.flatMap((b) =>
    suppliers.map((s) => {
      const a = pairFor(run.scenario, b, s);
      return {
        procurementSeat: a.procurementSeat,
        salesSeat: a.salesSeat,
        agreements: a.agreements,
        batna: { ...a.batna },
        dealZone: a.dealZone,
        agreementsAboveBatna: a.agreementsAboveBatna,
        frontier: a.frontier.map((f) => ({ procurement: f.procurement, sales: f.sales })),
        maxJoint: { procurement: a.maxJoint.procurement, sales: a.maxJoint.sales, joint: a.maxJoint.joint, package: { ...a.maxJoint.package } },
        nash: a.nash && { procurement: a.nash.procurement, sales: a.nash.sales, product: a.nash.product, package: { ...a.nash.package } },
        splitJoint: a.split.joint,
        integrativePotential: a.integrativePotential,
        opposition: a.opposition,
      };
    }),
  );
}

function seatDebrief(run: Run, seatId: string): SeatDebrief | null {
  const seat = run.scenario.seats.find((s) => s.id === seatId);
  if (!seat) return null;
  const ctx = seatContext(run, seat);
  const recip = reciprocityPart(run, ctx);
  const draft = {
    seat: seat.id,
    side: seat.side,
    title: seat.title,
    counterparts: ctx.counterparts.map((c) => c.id),
    outcome: scoreOutcome(run, ctx),
    trust: scoreTrust(run, ctx, recip),
    valueFraming: scoreValueFraming(run, ctx),
    alignment: scoreAlignment(run, ctx),
    risk: scoreRisk(run, ctx),
    style: scoreStyle(run, ctx),
    offers: offerHistory(run, ctx, recip),
  };
  return { ...draft, moments: [], coaching: coachingFor(run, draft) };
}

/**
 * Scores a negotiation from its scenario and event log alone: the outcome,
 * what the scenario made possible per buyer–supplier pair, one debrief per
 * seat that took part (absent seats get none) and the key moments. Pure and
 * deterministic: the same scenario and log always give a deep-equal result.
 */
export function scoreNegotiation(scenario: Scenario, log: readonly LogEntry[]): NegotiationDebrief {
  const read = readLog(scenario, log);
  const run: Run = { scenario, log: read, agreement: read.ended?.agreement ?? null };
  const debriefs = read.present.map((id) => seatDebrief(run, id)).filter((d): d is SeatDebrief => d !== null);
  const moments = keyMoments(run, debriefs);
  const seats: Record<string, SeatDebrief> = {};
  for (const d of debriefs) seats[d.seat] = { ...d, moments: moments.filter((m) => m.seats.includes(d.seat)) };
  const offered = mesoInsights(scenario, log);
  for (const id of Object.keys(seats)) {
    const mine = offered.filter((m) => m.by === id || m.to === id);
    if (mine.length > 0 && seats[id]) seats[id] = { ...seats[id], meso: mine };
  }
  const later = yearLater(run, seats);
  if (later) for (const id of run.agreement?.parties ?? []) if (seats[id]) seats[id] = { ...seats[id], yearLater: later };
  return {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    kind: scenario.kind,
    outcome: outcomeOf(run),
    pairs: pairSummaries(run),
    seats,
    keyMoments: moments,
  };
}
