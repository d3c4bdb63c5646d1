import { createContext, useContext } from "react";
import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PublicScenario } from "../../../shared/negotiation/visibility.js";
import { describeEntry, proposalName, topicLabel, type EntryContext } from "../lib/describe-entry.js";
import { topicIn } from "../lib/table-state.js";

/**
 * Names for the moves a debrief points at, the way people name them:
 * "Corvanta's second proposal", "your question about Lane scope" — never a
 * log number. Proposals are named by describe-entry's `proposalName`, as the
 * table and the transcript name them. Built from the viewer's own log, so it names only what that
 * viewer can see; an entry it cannot find gets no link at all.
 */

export interface EntryNamer {
  /** The entry's name, or null when the viewer's log does not hold it. */
  name(seq: number): string | null;
}

const ORDINAL = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const ordinal = (n: number) => ORDINAL[n - 1] ?? `${n}th`;

/** "Sam (Corvanta)" → "Sam": the short name a sentence uses; the organisation when there is no display name. */
export function shortName(full: string): string {
  return full.replace(/\s*\([^)]*\)\s*$/, "").trim() || full;
}

export function entryNamer(log: readonly LogEntry[], scenario: PublicScenario, viewerSeat: string, seatName: (id: string) => string): EntryNamer {
  const bySeq = new Map(log.map((e) => [e.seq, e]));
  const ctx: EntryContext = { scenario, seatName, viewerSeat, log, shortName: (id) => shortName(seatName(id)) };
  const whose = (by: string) => (by === viewerSeat ? "your" : by === "system" ? "the system's" : by === "facilitator" ? "the facilitator's" : `${shortName(seatName(by))}'s`);
  const who = (by: string) => (by === viewerSeat ? "you" : shortName(seatName(by)));
  /** How many entries of this type (and this kind of offer) its author had made up to and including it. */
  const countOf = (e: LogEntry, same: (x: LogEntry) => boolean) => log.filter((x) => x.seq <= e.seq && x.by === e.by && x.type === e.type && same(x)).length;
  const about = (p: Record<string, unknown>) => {
    const t = topicIn(p.about);
    return t ? ` about ${topicLabel({ scenario, log }, t)}` : "";
  };
  const riskTitle = (id: unknown) => scenario.risks.find((r) => r.id === id)?.title ?? String(id).replace(/-/g, " ");
  const questionOf = (p: Record<string, unknown>) => {
    const q = typeof p.question === "number" ? bySeq.get(p.question) : undefined;
    return q?.type === "question.ask" ? `${whose(q.by)} question${about(q.payload)}` : "a question";
  };
  const offerOf = (p: Record<string, unknown>) => proposalName(ctx, p.offer) ?? "an offer";

  function name(e: LogEntry): string {
    const p = e.payload;
    switch (e.type) {
      case "offer.propose": return proposalName(ctx, e.seq) ?? `${whose(e.by)} ${ordinal(countOf(e, () => true))} proposal`;
      case "bid.submit": return `${whose(e.by)} ${ordinal(countOf(e, () => true))} bid`;
      case "offer.accept": return `${whose(e.by)} acceptance of ${offerOf(p)}`;
      case "offer.reject": return `${whose(e.by)} rejection of ${offerOf(p)}`;
      case "question.ask": return `${whose(e.by)} question${about(p)}`;
      case "question.answer": return `${whose(e.by)} answer to ${questionOf(p)}`;
      case "fact.disclose": return e.by === viewerSeat ? "the private information you shared" : `what ${who(e.by)} shared in confidence`;
      case "value.argue": return `${whose(e.by)} argument on ${String(p.leverTitle ?? p.lever ?? "value").replace(/-/g, " ")}`;
      case "risk.raise": return `the risk “${riskTitle(p.risk)}” ${who(e.by)} raised`;
      case "risk.address": return `${whose(e.by)} answer to the risk “${riskTitle(p.risk)}”`;
      case "stakeholder.contact": return `${whose(e.by)} contact with the business stakeholder`;
      case "walkaway": return `${whose(e.by)} walk-away`;
      case "award.make": return `the award to ${who(String(p.to))}`;
      case "chat.send": return `${whose(e.by)} message`;
      case "reflection.submit": return `${whose(e.by)} reflection survey`;
      case "negotiation.ended": return p.outcome === "deal" ? "the agreement" : "the end of the talks";
      case "objectives.set": return `${whose(e.by)} chosen objectives`;
      case "rfq.issue": return "the request for quotation";
      default: {
        const line = describeEntry(e, ctx);
        return line.title.replace(/\s*\(#\d+\)$/, "");
      }
    }
  }

  return { name: (seq) => { const e = bySeq.get(seq); return e ? name(e) : null; } };
}

/** The namer for the debrief on screen; without a provider, entries are not named (and not linked). */
export const EntryNames = createContext<EntryNamer>({ name: () => null });

export function useEntryNames(): EntryNamer {
  return useContext(EntryNames);
}

/** Opens the collapsed transcript if need be and brings the entry into view. */
export function goToEntry(seq: number): void {
  const el = typeof document === "undefined" ? null : document.getElementById(`entry-${seq}`);
  if (!el) return;
  const details = el.closest("details");
  if (details && !details.open) details.open = true;
  el.focus();
}
