import type { LogEntry } from "../negotiation/events.js";
import { findSeat } from "../scenario/points.js";
import { nameOfId } from "./context.js";
import type { Scenario } from "../scenario/schema.js";
import { overclaims } from "./consistency.js";
import type { Run } from "./context.js";
import { secondSourceOf } from "./tender.js";
import { ofType, str, type Ended } from "./log-reader.js";
import type { KeyMoment, MomentKind, SeatDebrief } from "./types.js";

function who(scenario: Scenario, id: string): string {
  return nameOfId(scenario, id);
}

function moment(e: LogEntry, kind: MomentKind, seats: string[], caption: string): KeyMoment {
  return { seq: e.seq, at: e.at, kind, seats, caption };
}

function entry(run: Run, seq: number): LogEntry | undefined {
  return run.log.entries.find((e) => e.seq === seq);
}

/** Moments read straight from the log: bypasses, high-leverage disclosures, ultimatums, overclaims, the end. */
function logMoments(run: Run): KeyMoment[] {
  const { scenario } = run;
  const out: KeyMoment[] = [];
  for (const e of ofType(run.log, "stakeholder.contact")) {
    out.push(moment(e, "bypass", [e.by], `${who(scenario, e.by)} went around procurement to ${scenario.stakeholder?.name ?? "a business stakeholder"}.`));
  }
  for (const e of ofType(run.log, "fact.disclose")) {
    const fact = findSeat(scenario, e.by)?.brief.privateFacts.find((f) => f.id === str(e.payload, "fact"));
    if (fact?.leverageCost === "high") out.push(moment(e, "disclosure", [e.by], `${who(scenario, e.by)} disclosed a high-leverage fact: "${fact.text}"`));
  }
  for (const p of run.log.proposals.filter((x) => x.final)) {
    const e = entry(run, p.seq);
    if (e) out.push(moment(e, "ultimatum", [p.by, p.to], `${who(scenario, p.by)} made a final, take-it-or-leave-it offer.`));
  }
  for (const e of overclaims(scenario, ofType(run.log, "value.argue"))) {
    const lever = scenario.valueLevers.find((l) => l.id === str(e.payload, "lever"));
    const unit = lever?.figure?.unit ?? "";
    const caption = `${who(scenario, e.by)} claimed ${String(e.payload["figure"])} ${unit} for "${lever?.title ?? "a lever"}" where the brief supports at most ${lever?.figure?.high ?? "less"} ${unit}.`;
    out.push(moment(e, "overclaim", [e.by], caption.replace(/ {2,}/g, " ").replace(" .", ".")));
  }
  for (const e of ofType(run.log, "walkaway")) {
    out.push(moment(e, "walkaway", [e.by], `${who(scenario, e.by)} walked away: "${str(e.payload, "reason") ?? ""}"`));
  }
  out.push(...endMoment(run));
  return out;
}

function endMoment(run: Run): KeyMoment[] {
  const ended = run.log.ended;
  const endEntry = ended ? entry(run, ended.seq) : undefined;
  if (!ended || !endEntry) return [];
  if (ended.agreement) {
    const closing = [...ofType(run.log, "offer.accept"), ...ofType(run.log, "award.make")].at(-1) ?? endEntry;
    const [p, s] = ended.agreement.parties;
    const verb = ended.reason === "awarded" ? `awarded the contract to ${who(run.scenario, s)}` : `reached agreement with ${who(run.scenario, s)}`;
    const out = [moment(closing, "agreement", [p, s], `${who(run.scenario, p)} ${verb}.`)];
    const second = secondSourceOf(run);
    if (second) out.push(moment(closing, "second-source", [p, second.seat], `${second.name} became second source (${second.shareLabel} of the volume).`));
    return out;
  }
  if (ended.reason === "walkaway") return [];
  const why: Partial<Record<Ended["reason"], string>> = { timeout: "time ran out without a deal", "ended-by-facilitator": "the facilitator ended the talks without a deal", "all-withdrew": "every supplier withdrew" };
  const caption = `No deal: ${why[ended.reason] ?? "the talks ended without a deal"}.`;
  return [moment(endEntry, "impasse", run.log.present, caption)];
}

/**
 * The negotiation's key moments in log order: each seat's first offer and
 * biggest concession (taken from its debrief), bypasses, disclosures of
 * high-leverage facts, ultimatums, overclaims, walk-outs and the end.
 */
export function keyMoments(run: Run, seats: readonly SeatDebrief[]): KeyMoment[] {
  const out = logMoments(run);
  for (const d of seats) {
    const first = d.offers.curve[0];
    const e = first && entry(run, first.seq);
    if (first && e) out.push(moment(e, "first-offer", [d.seat, first.to], `${who(run.scenario, d.seat)} opened with ${first.kind === "bid" ? "a bid" : "an offer"} worth ${first.ownPoints} points to them and ${first.counterpartPoints} to ${who(run.scenario, first.to)}.`));
    const big = d.offers.biggestConcession;
    const last = big?.events.at(-1);
    const be = last !== undefined ? entry(run, last) : undefined;
    if (big && be) out.push(moment(be, "biggest-concession", [d.seat], `${who(run.scenario, d.seat)}'s biggest concession: ${big.value} points in one step.`));
  }
  return out.sort((a, b) => a.seq - b.seq || a.kind.localeCompare(b.kind));
}
