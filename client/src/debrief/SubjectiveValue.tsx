import type { LogEntry } from "../../../shared/negotiation/events.js";
import { LIKERT_ITEMS, type ReflectionTopic } from "../../../shared/scoring/reflection-survey.js";
import type { SeatDebrief } from "../../../shared/scoring/types.js";
import { ValueQuadrant, type QuadrantPoint } from "./Charts.js";

/**
 * How the negotiation felt against the points it brought, and the survey's
 * own answers. A seat reads only its own answers (its own reflection entry,
 * in its own log) and the one figure its debrief already holds about the
 * other side's view: the "rating" part of its trust score. The other side's
 * answers are never read here for a seat — only for the trainer, who may see
 * both sides.
 */

type Answers = Record<string, number | string>;

const TOPIC_TITLE: Record<ReflectionTopic, string> = { outcome: "The outcome", self: "Yourself", process: "The process", relationship: "The relationship" };
const TOPICS: ReflectionTopic[] = ["outcome", "self", "process", "relationship"];

/** The answers of `seat`'s reflection entry in this log, or null. */
export function answersOf(log: readonly LogEntry[], seat: string): Answers | null {
  const e = log.findLast((x) => x.type === "reflection.submit" && x.by === seat);
  const a: unknown = e?.payload.answers;
  if (typeof a !== "object" || a === null) return null;
  return Object.fromEntries(Object.entries(a).filter((kv): kv is [string, number | string] => typeof kv[1] === "number" || typeof kv[1] === "string"));
}

const isLikert = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 7;
const hundred = (v: number) => ((v - 1) / 6) * 100;

/** The mean of every 1–7 answer, on 0–100; null with none. */
export function feltScore(a: Answers | null): number | null {
  const values = Object.values(a ?? {}).filter(isLikert);
  return values.length ? values.reduce((s, v) => s + hundred(v), 0) / values.length : null;
}

/** The points axis: the share of the joint surplus; without one, where the result sits against the BATNA. */
export function pointsPosition(own: SeatDebrief): { x: number; label: string; note?: string } {
  const o = own.outcome;
  if (o.shareOfSurplus) return { x: o.shareOfSurplus.value, label: "Your share of what the deal created (%)" };
  if ((o.deal || o.result === "second-source") && o.surplus.value < 0) return { x: 0, label: "Your share of what the deal created (%)", note: "Your deal was below your BATNA, so it sits at the far left." };
  return { x: 50, label: "Points won over your BATNA (no deal: the middle)", note: "Without a deal nobody won or lost points against their BATNA, so the markers sit on the middle line." };
}

interface Props {
  own: SeatDebrief;
  seat: string;
  log: readonly LogEntry[];
  seatName(id: string): string;
  /** The trainer's view: the counterparts' own answers may be shown beside this seat's. */
  trainer: boolean;
}

function itemPrompt(id: string, seatName: (id: string) => string): string {
  const fixed = LIKERT_ITEMS.find((i) => i.id === id);
  if (fixed) return fixed.prompt;
  if (id.startsWith("rating-")) return `${seatName(id.slice("rating-".length))}: I would trust them to deliver and be glad to work with them again.`;
  return id.replace(/-/g, " ");
}

function topicOf(id: string): ReflectionTopic {
  return LIKERT_ITEMS.find((i) => i.id === id)?.topic ?? (id.startsWith("rating-") || id === "one-word" ? "relationship" : "process");
}

export function SubjectiveValue({ own, seat, log, seatName, trainer }: Props) {
  const mine = answersOf(log, seat);
  const rating = own.trust.components.find((c) => c.id === "rating");
  const rated = rating && (rating.weight ?? 0) > 0 ? rating.value : null;
  const felt = feltScore(mine);
  const pos = pointsPosition(own);
  const others = trainer ? own.counterparts.flatMap((id) => { const a = answersOf(log, id); return a ? [{ id, a }] : []; }) : [];
  const points: QuadrantPoint[] = [
    ...(rated !== null ? [{ key: "rated", label: "How they rated you", x: pos.x, y: rated, shape: "circle" as const }] : []),
    ...(felt !== null ? [{ key: "felt", label: "How you felt", x: pos.x, y: felt, shape: "square" as const }] : []),
    ...others.flatMap(({ id, a }) => {
      const f = feltScore(a);
      return f !== null && own.counterparts.length === 1 ? [{ key: `felt-${id}`, label: `How ${seatName(id)} felt`, x: 100 - pos.x, y: f, shape: "diamond" as const }] : [];
    }),
  ];
  const columns = [{ id: seat, title: trainer ? seatName(seat) : "Your answer", a: mine }, ...others.map((o) => ({ id: o.id, title: seatName(o.id), a: o.a }))];
  const ids = [...new Set(columns.flatMap((c) => Object.keys(c.a ?? {})))].filter((id) => id !== "one-word" && id !== "comment");
  const byTopic = TOPICS.map((t) => ({ t, items: ids.filter((id) => topicOf(id) === t) })).filter((g) => g.items.length);
  const shown = (v: number | string | undefined) => (typeof v === "number" ? `${v} of 7` : v ?? "—");

  return (
    <section aria-labelledby="sv-title" className="subjective-value">
      <h2 id="sv-title">Points and the relationship</h2>
      <p className="lead">
        {rated !== null
          ? <>The other side rated how you listened, how open and reliable you were and whether they would work with you again at <strong>{Math.round(rated)}/100</strong>.</>
          : <>The other side gave no rating of you in the survey.</>}
        {felt !== null ? <> Your own answers average <strong>{Math.round(felt)}/100</strong>.</> : null}
      </p>
      {points.length ? <ValueQuadrant points={points} xLabel={pos.label} {...(pos.note ? { note: pos.note } : {})} /> : <p className="chart-empty">No survey answers yet, so there is nothing to place on the chart.</p>}
      {mine || others.length ? (
        <details className="reflection-answers" open>
          <summary>{trainer ? "The survey answers, side by side" : "Your survey answers"}</summary>
          <table className="answers-table">
            <caption className="sr-only">{trainer ? "Survey answers of both sides" : "Your survey answers"}</caption>
            <thead><tr><th scope="col">Question</th>{columns.map((c) => <th key={c.id} scope="col" className="num">{c.title}</th>)}</tr></thead>
            {byTopic.map((g) => (
              <tbody key={g.t}>
                <tr className="topic"><th scope="rowgroup" colSpan={columns.length + 1}>{TOPIC_TITLE[g.t]}</th></tr>
                {g.items.map((id) => <tr key={id}><th scope="row">{itemPrompt(id, seatName)}</th>{columns.map((c) => <td key={c.id} className="num">{shown(c.a?.[id])}</td>)}</tr>)}
              </tbody>
            ))}
            <tbody>
              <tr><th scope="row">One word for the other side</th>{columns.map((c) => <td key={c.id} className="num">{shown(c.a?.["one-word"])}</td>)}</tr>
              {columns.some((c) => c.a?.comment) ? <tr><th scope="row">Your note to the trainer</th>{columns.map((c) => <td key={c.id}>{shown(c.a?.comment)}</td>)}</tr> : null}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
