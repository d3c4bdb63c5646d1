import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PublicScenario } from "../../../shared/negotiation/visibility.js";
import type { Package } from "../../../shared/scenario/schema.js";
import { bidsOf, packageOf, strings } from "../../../shared/scoring/log-reader.js";
import { capitalise, offerHistory, offerName, offeredPackages, shortOf, termIn, topicIn } from "./table-state.js";

export interface EntryContext {
  scenario: PublicScenario;
  seatName(seatId: string): string;
  viewerSeat: string | null;
  /** The viewer's log (its numbering): lets an answer quote its question and an accept name its proposal instead of a number. */
  log?: readonly LogEntry[];
  /** The value levers the viewer's brief knows of, to name a question's lever topic. */
  levers?: readonly { id: string; title: string }[];
  /** "Sam" for a seat, for "Sam's second proposal"; defaults to the seat name without its title in brackets. */
  shortName?(seatId: string): string;
}

export interface EntryLine {
  /** A short type label shown as a badge ("Offer", "Question"…). */
  kind: string;
  /** A one-character mark for the badge; decorative. */
  icon: string;
  title: string;
  detail?: string;
  /** Moves of the table the viewer's counterpart saw too, vs. system notes. */
  tone: "move" | "private" | "system" | "deal";
}

/** "Rate level: 6 % cut; Payment terms: net 60…" from a package, by option labels. */
export function describePackage(scenario: PublicScenario, pkg: Package): string {
  return scenario.issues
    .filter((i) => pkg[i.id] !== undefined)
    .map((i) => `${i.name}: ${i.options.find((o) => o.id === pkg[i.id])?.label ?? pkg[i.id]}`)
    .join("; ");
}

const phaseTitle = (s: PublicScenario, id: unknown) => s.phases.find((p) => p.id === id)?.title ?? String(id);
const riskTitle = (s: PublicScenario, id: unknown) => s.risks.find((r) => r.id === id)?.title ?? String(id);
const objectiveLabels = (s: PublicScenario, ids: unknown) => (Array.isArray(ids) ? ids : []).map((id) => s.objectives.find((o) => o.id === id)?.label ?? String(id)).join(", ");

/** "Lane scope", "A failed cut-over, again"… for a question's topic; a lever the viewer's brief does not name is looked up in the log's value arguments. */
export function topicLabel(c: Pick<EntryContext, "scenario" | "levers" | "log">, about: { kind: string; id: string }): string {
  const s = c.scenario;
  const found = about.kind === "issue" ? s.issues.find((i) => i.id === about.id)?.name
    : about.kind === "risk" ? s.risks.find((r) => r.id === about.id)?.title
    : about.kind === "objective" ? s.objectives.find((o) => o.id === about.id)?.label
    : about.kind === "lever" ? (c.levers?.find((l) => l.id === about.id)?.title ?? leverTitleInLog(c.log, about.id)) : undefined;
  return found ?? about.id.replace(/-/g, " ");
}

function leverTitleInLog(log: readonly LogEntry[] | undefined, lever: string): string | undefined {
  const argued = log?.find((e) => e.type === "value.argue" && e.payload.lever === lever && typeof e.payload.leverTitle === "string");
  return argued ? String(argued.payload.leverTitle) : undefined;
}

/** The entry the viewer's log holds under a number a payload names (the viewer's numbering). */
const entryAt = (c: EntryContext, seq: unknown, type: string) => {
  const e = typeof seq === "number" ? c.log?.find((x) => x.seq === seq) : undefined;
  return e?.type === type ? e : undefined;
};

/** Up to `max` characters of a text, cut at a word. */
function clip(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).trimEnd()}…`;
}

/** " about Lane scope" for a question payload that names its topic. */
const aboutOf = (c: EntryContext, p: Record<string, unknown>) => {
  const about = topicIn(p.about);
  return about ? ` about ${topicLabel(c, about)}` : "";
};

/** The question an answer refers to, quoted: "Pat's question about Lane scope: “Which lanes…?”". */
function questionRef(c: EntryContext, p: Record<string, unknown>): string {
  const q = entryAt(c, p.question, "question.ask");
  if (!q) return "a question";
  const whose = q.by === c.viewerSeat ? "your question" : `the question from ${c.seatName(q.by)}`;
  return `${whose}${aboutOf(c, q.payload)}: “${clip(String(q.payload.text ?? ""))}”`;
}

/** "Sam's second proposal", "your first proposal, a final offer" for the proposal at a seq of the viewer's log; null when the log lacks it. */
export function proposalName(c: EntryContext, seq: unknown): string | null {
  const o = c.log ? offerHistory(c.log).find((x) => x.seq === seq) : undefined;
  return o ? offerName(o, c.viewerSeat, c.shortName ?? shortOf(c.seatName)) : null;
}

/** The proposal an accept or reject refers to: "your second proposal", "Sam's first proposal"; "an offer" when the viewer's log lacks it. */
function proposalRef(c: EntryContext, p: Record<string, unknown>): { ref: string; terms: string } {
  const o = entryAt(c, p.offer, "offer.propose");
  const name = proposalName(c, p.offer);
  if (!o || !name) return { ref: "an offer", terms: "" };
  return { ref: name, terms: packageIn(c, o.payload) };
}

/** "Sam's first proposal to you", "Your second proposal to Sam (Account Director)". */
function proposalTitle(e: LogEntry, c: EntryContext, p: Record<string, unknown>, who: string): string {
  const whom = p.to === c.viewerSeat ? "you" : c.seatName(String(p.to));
  const name = proposalName(c, e.seq);
  return name ? `${capitalise(name)} to ${whom}` : `${who} proposed to ${whom}`;
}

/** What a risk answer commits to: the mitigation's text or the deal term, by the scenario's labels. */
function riskAnswerOf(c: EntryContext, p: Record<string, unknown>): string | null {
  const risk = c.scenario.risks.find((r) => r.id === p.risk);
  if (typeof p.mitigation === "string") return risk?.mitigations.find((m) => m.id === p.mitigation)?.text ?? p.mitigation.replace(/-/g, " ");
  const term = termIn(p.term);
  if (term) {
    const issue = c.scenario.issues.find((i) => i.id === term.issue);
    return `${issue?.name ?? term.issue}: ${issue?.options.find((o) => o.id === term.option)?.label ?? term.option}`;
  }
  return null;
}

type Describer = (e: LogEntry, p: Record<string, unknown>, c: EntryContext, who: string) => Omit<EntryLine, "tone"> & { tone?: EntryLine["tone"] };

const to = (c: EntryContext, p: Record<string, unknown>) => {
  const seats = strings(p.to) ?? [];
  return seats.length ? ` to ${seats.map(c.seatName).join(", ")}` : "";
};
/** The package a move carries, by option labels ("" when it carries none). */
const packageIn = (c: EntryContext, p: Record<string, unknown>) => describePackage(c.scenario, packageOf(p.package) ?? {});

/** "package 2": a MESO's packages as the inbox numbers them, from 1 (choice 0 is package 1). */
const choiceName = (choice: number) => `package ${choice + 1}`;

/** A MESO's packages: the terms they share once, then what each one sets differently. */
function mesoTerms(c: EntryContext, packages: readonly Package[]): string {
  const first = packages[0] ?? {};
  const varies = (id: string) => packages.some((p) => p[id] !== first[id]);
  const shared = Object.fromEntries(Object.entries(first).filter(([id]) => !varies(id)));
  const each = packages.map((p, i) => `${i + 1}) ${describePackage(c.scenario, Object.fromEntries(Object.entries(p).filter(([id]) => varies(id))))}`);
  const common = describePackage(c.scenario, shared);
  return `${each.join(" | ")}${common ? ` — all with ${common}` : ""}`;
}

const DESCRIBE: Record<string, Describer> = {
  "seat.claim": (_e, p, c) => ({ kind: "Seat", icon: "+", title: `${c.seatName(String(p.seat))} took a seat`, tone: "system" }),
  "seat.release": (_e, p, c) => ({ kind: "Seat", icon: "−", title: `${c.seatName(String(p.seat))} left the seat`, tone: "system" }),
  "session.start": () => ({ kind: "Start", icon: "▶", title: "The session started", tone: "system" }),
  "phase.started": (_e, p, c) => ({ kind: "Phase", icon: "§", title: p.phase === "debrief" ? "The debrief is open" : `${phaseTitle(c.scenario, p.phase)} began`, tone: "system" }),
  "phase.advance": () => ({ kind: "Phase", icon: "»", title: "The phase was closed early", tone: "system" }),
  "phase.extend": (_e, p) => ({ kind: "Time", icon: "+", title: `The phase was extended by ${String(p.minutes)} minutes`, tone: "system" }),
  "phase.ready": (_e, _p, _c, who) => ({ kind: "Ready", icon: "✓", title: `${who} ${who === "You" ? "are" : "is"} ready to move on`, tone: "system" }),
  "session.pause": (e) => ({ kind: "Pause", icon: "‖", title: e.by === "system" ? "The server was unavailable: the clock was paused" : "The facilitator paused the session", tone: "system" }),
  "session.resume": () => ({ kind: "Resume", icon: "▶", title: "The session resumed", tone: "system" }),
  "session.end": (_e, p) => ({ kind: "End", icon: "■", title: "The facilitator ended the session", detail: String(p.reason ?? ""), tone: "system" }),
  "time.tick": () => ({ kind: "Time", icon: "·", title: "Clock", tone: "system" }),
  "market.event": (_e, p) => ({ kind: "Market news", icon: "!", title: String(p.title ?? "Market news"), detail: String(p.text ?? ""), tone: "system" }),
  "objectives.set": (_e, p, c, who) => ({ kind: "Objectives", icon: "◎", title: `${who} chose objectives`, detail: objectiveLabels(c.scenario, p.objectives), tone: "private" }),
  "guess.set": (_e, p, c, who) => ({ kind: "Guess", icon: "?", title: `${who} guessed the other side's objectives`, detail: objectiveLabels(c.scenario, p.objectives), tone: "private" }),
  "plan.set": (_e, p, _c, who) => ({ kind: "Plan", icon: "✎", title: `${who} wrote a plan`, detail: String(p.text ?? ""), tone: "private" }),
  "chat.send": (_e, p, c, who) => ({ kind: "Message", icon: "✉", title: `${who}${to(c, p)}`, detail: String(p.text ?? "") }),
  "question.ask": (_e, p, c, who) => ({ kind: "Question", icon: "?", title: `${who} asked${to(c, p).replace(/^ to /, " ")}${aboutOf(c, p)}`, detail: String(p.text ?? "") }),
  "question.answer": (_e, p, c, who) => ({ kind: "Answer", icon: "↩", title: `${who} answered ${questionRef(c, p)}`, detail: String(p.text ?? "") }),
  "fact.disclose": (_e, p, c, who) => ({ kind: "Disclosure", icon: "◇", title: `${who} shared private information${to(c, p)}`, detail: String(p.text ?? p.fact ?? "") }),
  "value.argue": (_e, p, _c, who) => ({
    kind: "Value", icon: "€", title: `${who} argued value: ${String(p.leverTitle ?? p.lever)}`,
    detail: `${String(p.claim ?? "")}${typeof p.figure === "number" ? ` (${p.figure}${p.unit ? ` ${String(p.unit)}` : ""})` : ""}`,
  }),
  "risk.raise": (_e, p, c, who) => ({ kind: "Risk", icon: "!", title: `${who} raised a risk: ${riskTitle(c.scenario, p.risk)}`, detail: String(p.note ?? "") }),
  "risk.address": (_e, p, c, who) => {
    const answer = riskAnswerOf(c, p);
    const risk = riskTitle(c.scenario, p.risk);
    return { kind: "Risk", icon: "✓", title: answer ? `${who} answered the risk “${risk}” with: ${answer}` : `${who} addressed the risk “${risk}” (a note, no term or mitigation)`, detail: String(p.note ?? "") };
  },
  "stakeholder.contact": (_e, p, _c, who) => ({ kind: "Bypass", icon: "↗", title: `${who} contacted the business stakeholder directly`, detail: `${String(p.text ?? "")}${p.response ? ` — Reply: ${String(p.response)}` : ""}`, tone: "private" }),
  "rfq.issue": (_e, p, _c, who) => ({ kind: "RFQ", icon: "▤", title: `${who} issued the request for quotation`, detail: String(p.note ?? "") }),
  "offer.propose": (e, p, c, who) => {
    const packages = offeredPackages(p);
    const note = p.note ? ` — ${String(p.note)}` : "";
    if (packages.length < 2) {
      return { kind: p.final ? "Final offer" : "Offer", icon: "⇄", title: proposalTitle(e, c, p, who), detail: `${packageIn(c, p)}${note}` };
    }
    // A MESO: the packages are of equal value to the proposer, "them" even when the viewer is the proposer ("You offered…").
    const count = packages.length === 2 ? "two" : "three";
    const whom = who === "You" ? "you" : "them";
    return {
      kind: p.final ? "Final offer: choose one" : "Choice of offers", icon: "⇉",
      title: `${proposalTitle(e, c, p, who)}: ${count} packages of equal value to ${whom}`,
      detail: `${mesoTerms(c, packages)}${note}`,
    };
  },
  "offer.accept": (_e, p, c, who) => {
    const { ref, terms } = proposalRef(c, p);
    const offered = entryAt(c, p.offer, "offer.propose");
    const of = offered ? ` of ${offeredPackages(offered.payload).length}` : "";
    const choice = typeof p.choice === "number" ? ` (${choiceName(p.choice)}${of})` : "";
    return { kind: "Accepted", icon: "✔", title: `${who} accepted ${ref}${choice}`, detail: packageIn(c, p) || terms, tone: "deal" };
  },
  "offer.reject": (_e, p, c, who) => {
    const { ref, terms } = proposalRef(c, p);
    return { kind: "Rejected", icon: "✗", title: `${who} rejected ${ref}`, detail: [terms, p.reason ? `Reason: ${String(p.reason)}` : ""].filter(Boolean).join(" — ") };
  },
  "bid.submit": (_e, p, c, who) => ({ kind: "Sealed bid", icon: "✉", title: `${who} submitted a sealed bid`, detail: packageIn(c, p), tone: "private" }),
  "round.closed": (_e, p, c) => ({
    kind: "Round closed", icon: "▣", title: `${phaseTitle(c.scenario, p.phase)} closed: bids opened`,
    detail: bidsOf(p.bids).map((b) => `${c.seatName(b.seat)} — ${describePackage(c.scenario, b.package)}`).join(" | ") || "No bids this round.",
    tone: "system",
  }),
  "bid.ranked": (_e, p, c) => ({
    kind: "Rank", icon: "#", title: `${phaseTitle(c.scenario, p.phase)}: ${c.viewerSeat === p.seat ? "you" : c.seatName(String(p.seat))} ranked ${String(p.rank)} of ${String(p.of)}`, tone: "system",
  }),
  "award.make": (_e, p, c, who) => ({ kind: "Award", icon: "★", title: `${who} awarded the contract to ${c.seatName(String(p.to))}`, detail: packageIn(c, p), tone: "deal" }),
  walkaway: (_e, p, _c, who) => ({ kind: "Walk away", icon: "⤫", title: `${who} walked away`, detail: String(p.reason ?? "") }),
  "reflection.submit": (_e, _p, _c, who) => ({ kind: "Reflection", icon: "✎", title: `${who} answered the reflection survey`, tone: "private" }),
  "negotiation.ended": (_e, p) => ({
    kind: p.outcome === "deal" ? "Deal" : "No deal", icon: p.outcome === "deal" ? "✔" : "■",
    title: p.outcome === "deal" ? "Agreement reached" : `The talks ended without a deal (${String(p.reason).replace(/-/g, " ")})`, tone: p.outcome === "deal" ? "deal" : "system",
  }),
};

/** A plain-language line for any log entry. */
export function describeEntry(entry: LogEntry, ctx: EntryContext): EntryLine {
  const who = entry.by === "system" ? "The system" : entry.by === "facilitator" ? "The facilitator" : entry.by === ctx.viewerSeat ? "You" : ctx.seatName(entry.by);
  const d = DESCRIBE[entry.type];
  if (!d) return { kind: entry.type, icon: "·", title: `${who}: ${entry.type}`, tone: "system" };
  const line = d(entry, entry.payload, ctx, who);
  // "Private" means only the sender sees it before the debrief; a move addressed to counterparts is a normal move.
  const onlyMine = Array.isArray(entry.audience) && entry.audience.length <= 1;
  return { ...line, tone: line.tone ?? (onlyMine ? "private" : "move") };
}
