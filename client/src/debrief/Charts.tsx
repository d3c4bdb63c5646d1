import type { PairSummary } from "../../../shared/scoring/types.js";
import { useEntryNames } from "./entry-names.js";

/**
 * Three small SVG charts. Hand-drawn on purpose: each is a few dozen lines,
 * prints crisply in black and white, carries its own caption and a table
 * alternative for screen readers, and adds nothing to the bundle — a chart
 * library would be larger than the whole debrief for these three shapes.
 */

const W = 520;
const H = 300;
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };

function scale(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (v: number) => r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0);
}

/** "1,500", "−20", "2.5": tick numbers with thousands separators, the same on every machine. */
export function formatTick(v: number): string {
  const [int = "0", frac] = String(Math.abs(Number(v.toFixed(6)))).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${v < 0 ? "−" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/**
 * The ticks whose labels fit: each at least `gap` pixels from the last one
 * kept, so numbers never overlap on a short or narrow chart (the last tick is
 * kept in preference to its neighbour, so the axis shows where it ends).
 */
export function spacedTicks(ticks: readonly number[], at: (v: number) => number, gap: number): number[] {
  if (ticks.length <= 2) return [...ticks];
  const kept: number[] = [];
  for (const t of ticks) {
    const prev = kept.at(-1);
    if (prev === undefined || Math.abs(at(t) - at(prev)) >= gap) kept.push(t);
  }
  const last = ticks.at(-1);
  const tail = kept.at(-1);
  if (last !== undefined && tail !== undefined && tail !== last) {
    if (kept.length > 1 && Math.abs(at(last) - at(tail)) < gap) kept.pop();
    kept.push(last);
  }
  return kept;
}

function Axes({ x, y, xTicks, yTicks, xLabel, yLabel, h = H }: { x: (v: number) => number; y: (v: number) => number; xTicks: number[]; yTicks: number[]; xLabel: string; yLabel: string; h?: number }) {
  const xs = spacedTicks(xTicks, x, 44);
  const ys = spacedTicks(yTicks, y, 16);
  return (
    <g className="axes" aria-hidden="true">
      <line x1={PAD.left} y1={h - PAD.bottom} x2={W - PAD.right} y2={h - PAD.bottom} />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={h - PAD.bottom} />
      {xs.map((t) => <text key={`x${t}`} className="tick tick-x" x={x(t)} y={h - PAD.bottom + 16} textAnchor="middle">{formatTick(t)}</text>)}
      {ys.map((t) => <text key={`y${t}`} className="tick tick-y" x={PAD.left - 6} y={y(t) + 4} textAnchor="end">{formatTick(t)}</text>)}
      <text x={(PAD.left + W - PAD.right) / 2} y={h - 4} textAnchor="middle" className="axis-label">{xLabel}</text>
      <text x={12} y={(PAD.top + h - PAD.bottom) / 2} textAnchor="middle" className="axis-label" transform={`rotate(-90 12 ${(PAD.top + h - PAD.bottom) / 2})`}>{yLabel}</text>
    </g>
  );
}

/**
 * A points axis that fits the values shown (points are not always 0–100): from
 * 0, or the lowest value when it is negative, to the highest value, widened to
 * whole steps of 1, 2, 5 × a power of ten so that about five ticks mark it.
 */
export function pointsAxis(values: readonly number[], minStep = 0): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter((v) => Number.isFinite(v));
  const min = Math.min(0, ...finite);
  const max = Math.max(min + 1, ...finite);
  const rough = (max - min) / 5;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(minStep, ([1, 2, 5, 10].find((m) => m * mag >= rough) ?? 10) * mag);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const marks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) marks.push(Number(t.toFixed(6)));
  return { domain: [lo, hi], ticks: marks };
}

export interface CurvePoint { minutes: number; points: number; seq: number }

/** Concession curves: the points each side's offers were worth to this seat, over the minutes of the talks. */
export function ConcessionChart({ mine, theirs, batna }: { mine: CurvePoint[]; theirs: CurvePoint[]; batna: number }) {
  const names = useEntryNames();
  const all = [...mine, ...theirs];
  if (all.length === 0) return <p className="chart-empty">No offers or bids were made, so there is no concession curve.</p>;
  const xAxis = pointsAxis([0, ...all.map((p) => p.minutes)], 1);
  const x = scale(xAxis.domain, [PAD.left, W - PAD.right]);
  const yAxis = pointsAxis([...all.map((p) => p.points), batna]);
  const y = scale(yAxis.domain, [H - PAD.bottom, PAD.top]);
  const path = (pts: CurvePoint[]) => pts.map((p, i) => `${i ? "L" : "M"}${x(p.minutes)},${y(p.points)}`).join(" ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="conc-cap">
        <Axes x={x} y={y} xTicks={xAxis.ticks} yTicks={yAxis.ticks} xLabel="Minutes into the talks" yLabel="Your points" />
        <line className="batna-line" x1={PAD.left} x2={W - PAD.right} y1={y(batna)} y2={y(batna)} />
        <text className="batna-text" x={W - PAD.right} y={y(batna) - 4} textAnchor="end">your BATNA {formatTick(batna)}</text>
        <path className="series mine" d={path(mine)} />
        {mine.map((p) => <circle key={p.seq} className="dot mine" cx={x(p.minutes)} cy={y(p.points)} r={4} />)}
        <path className="series theirs" d={path(theirs)} />
        {theirs.map((p) => <rect key={p.seq} className="dot theirs" x={x(p.minutes) - 4} y={y(p.points) - 4} width={8} height={8} />)}
      </svg>
      <figcaption id="conc-cap">Concession curves: <span className="key mine">● your offers</span> and <span className="key theirs">■ their offers</span>, valued in your points. Converging lines mean both sides moved.</figcaption>
      <table className="sr-only">
        <caption>Offers over time, in your points</caption>
        <thead><tr><th>Offer</th><th>Minute</th><th>By</th><th>Your points</th></tr></thead>
        <tbody>{[...mine.map((p) => ({ ...p, by: "you" })), ...theirs.map((p) => ({ ...p, by: "them" }))].sort((a, b) => a.seq - b.seq).map((p) => <tr key={p.seq}><td>{names.name(p.seq) ?? "An offer"}</td><td>{p.minutes.toFixed(1)}</td><td>{p.by}</td><td>{p.points}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}

/** The deal against the Pareto frontier of the pair, with both BATNAs, the Nash point and the best joint deal. */
export function FrontierChart({ pair, deal, mySide, dealLabel = "your deal" }: { pair: PairSummary; deal: { procurement: number; sales: number } | null; mySide: string; dealLabel?: string }) {
  const shown = [...pair.frontier, pair.batna, pair.maxJoint, ...(pair.nash ? [pair.nash] : []), ...(deal ? [deal] : [])];
  const xAxis = pointsAxis(shown.map((p) => p.procurement));
  const yAxis = pointsAxis(shown.map((p) => p.sales));
  const x = scale(xAxis.domain, [PAD.left, W - PAD.right]);
  const y = scale(yAxis.domain, [H - PAD.bottom, PAD.top]);
  const frontier = [...pair.frontier].sort((a, b) => a.procurement - b.procurement);
  const line = frontier.map((p, i) => `${i ? "L" : "M"}${x(p.procurement)},${y(p.sales)}`).join(" ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="front-cap">
        <rect className="zone" x={x(pair.batna.procurement)} y={PAD.top} width={Math.max(0, W - PAD.right - x(pair.batna.procurement))} height={Math.max(0, y(pair.batna.sales) - PAD.top)} />
        <Axes x={x} y={y} xTicks={xAxis.ticks} yTicks={yAxis.ticks} xLabel={`Procurement points${mySide === "procurement" ? " (you)" : ""}`} yLabel={`Sales points${mySide === "sales" ? " (you)" : ""}`} />
        <path className="frontier" d={line} />
        {pair.nash ? <circle className="nash" cx={x(pair.nash.procurement)} cy={y(pair.nash.sales)} r={6} /> : null}
        <rect className="maxjoint" x={x(pair.maxJoint.procurement) - 5} y={y(pair.maxJoint.sales) - 5} width={10} height={10} transform={`rotate(45 ${x(pair.maxJoint.procurement)} ${y(pair.maxJoint.sales)})`} />
        {deal ? <circle className="deal" cx={x(deal.procurement)} cy={y(deal.sales)} r={8} /> : null}
      </svg>
      <figcaption id="front-cap">
        The shaded area beats both BATNAs; the line is the Pareto frontier (no deal improves one side without hurting the other). <span className="key nash">● Nash point</span>, <span className="key maxjoint">◆ best joint deal</span>{deal ? <>, <span className="key deal">⬤ {dealLabel}</span></> : " — no deal was reached"}.
      </figcaption>
      <table className="sr-only">
        <caption>Points of the notable agreements</caption>
        <thead><tr><th>Agreement</th><th>Procurement</th><th>Sales</th></tr></thead>
        <tbody>
          <tr><td>BATNAs</td><td>{pair.batna.procurement}</td><td>{pair.batna.sales}</td></tr>
          {pair.nash ? <tr><td>Nash point</td><td>{pair.nash.procurement}</td><td>{pair.nash.sales}</td></tr> : null}
          <tr><td>Best joint deal</td><td>{pair.maxJoint.procurement}</td><td>{pair.maxJoint.sales}</td></tr>
          {deal ? <tr><td>{dealLabel[0]?.toUpperCase()}{dealLabel.slice(1)}</td><td>{deal.procurement}</td><td>{deal.sales}</td></tr> : null}
        </tbody>
      </table>
    </figure>
  );
}

/** The score profile: one bar per 0–100 score. */
export function ScoreProfile({ scores }: { scores: { label: string; value: number }[] }) {
  const rowH = 34;
  const h = scores.length * rowH + 10;
  const x = scale([0, 100], [170, W - 40]);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby="prof-cap">
        {scores.map((s, i) => (
          <g key={s.label} transform={`translate(0 ${i * rowH + 6})`}>
            <text x={160} y={18} textAnchor="end">{s.label}</text>
            <rect className="bar-bg" x={x(0)} y={4} width={x(100) - x(0)} height={20} />
            <rect className={`bar band-${s.value >= 70 ? "good" : s.value >= 40 ? "fair" : "poor"}`} x={x(0)} y={4} width={x(Math.max(0, Math.min(100, s.value))) - x(0)} height={20} />
            <text x={x(100) + 6} y={19}>{Math.round(s.value)}</text>
          </g>
        ))}
      </svg>
      <figcaption id="prof-cap">Your score profile (0–100).</figcaption>
      <table className="sr-only"><caption>Scores</caption><tbody>{scores.map((s) => <tr key={s.label}><th>{s.label}</th><td>{Math.round(s.value)}</td></tr>)}</tbody></table>
    </figure>
  );
}

/** A marker of the subjective-value chart: x = points (0–100), y = how it felt (0–100). */
export interface QuadrantPoint { key: string; label: string; x: number; y: number; shape: "circle" | "square" | "diamond" }

const QUADRANTS = [
  { id: "tr", text: ["Won the points", "and the relationship"] },
  { id: "br", text: ["Won the points,", "lost the relationship"] },
  { id: "tl", text: ["Gave up points,", "kept the relationship"] },
  { id: "bl", text: ["Lost the points", "and the relationship"] },
] as const;

/**
 * Subjective value against points, as a 2×2: across, the share of what the
 * deal created that this seat took; up, how the negotiation felt — as the
 * other side rated this seat, and as the seat itself answered the survey.
 */
export function ValueQuadrant({ points, xLabel, note }: { points: QuadrantPoint[]; xLabel: string; note?: string }) {
  const h = 320;
  const x = scale([0, 100], [PAD.left, W - PAD.right]);
  const y = scale([0, 100], [h - PAD.bottom, PAD.top]);
  const midX = x(50);
  const midY = y(50);
  // Each quadrant's name sits in its outer corner, clear of the middle where most results fall.
  const at = (id: string) => ({
    x: id.endsWith("r") ? W - PAD.right - 8 : PAD.left + 8,
    y: id.startsWith("t") ? PAD.top + 16 : h - PAD.bottom - 24,
    anchor: id.endsWith("r") ? ("end" as const) : ("start" as const),
  });
  const clamp = (v: number) => Math.max(0, Math.min(100, v));
  const placed = points.map((p) => ({ ...p, cx: x(clamp(p.x)), cy: y(clamp(p.y)) })).sort((a, b) => a.cy - b.cy);
  // Markers on top of each other are set side by side.
  placed.forEach((cur, i) => {
    for (const prev of placed.slice(0, i)) {
      if (Math.abs(cur.cy - prev.cy) < 14 && Math.abs(cur.cx - prev.cx) < 14) cur.cx = prev.cx + (prev.cx > W / 2 ? -16 : 16);
    }
  });
  return (
    <figure className="quadrant">
      <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby="quad-cap">
        {QUADRANTS.map((q) => (
          <g key={q.id} className={`quad quad-${q.id}`}>
            <rect x={q.id.endsWith("r") ? midX : PAD.left} y={q.id.startsWith("t") ? PAD.top : midY} width={q.id.endsWith("r") ? W - PAD.right - midX : midX - PAD.left} height={q.id.startsWith("t") ? midY - PAD.top : h - PAD.bottom - midY} />
            <text className="quad-label" x={at(q.id).x} y={at(q.id).y} textAnchor={at(q.id).anchor}>
              <tspan x={at(q.id).x}>{q.text[0]}</tspan>
              <tspan x={at(q.id).x} dy={15}>{q.text[1]}</tspan>
            </text>
          </g>
        ))}
        <Axes x={x} y={y} xTicks={[0, 25, 50, 75, 100]} yTicks={[0, 25, 50, 75, 100]} xLabel={xLabel} yLabel="How it felt (0–100)" h={h} />
        {placed.map((p) => (
          <g key={p.key} className={`qpoint qpoint-${p.key}`}>
            {p.shape === "circle" ? <circle cx={p.cx} cy={p.cy} r={7} /> : p.shape === "square" ? <rect x={p.cx - 6} y={p.cy - 6} width={12} height={12} /> : <rect x={p.cx - 6} y={p.cy - 6} width={12} height={12} transform={`rotate(45 ${p.cx} ${p.cy})`} />}
          </g>
        ))}
      </svg>
      <figcaption id="quad-cap">
        {points.map((p) => <span key={p.key} className={`key qkey-${p.shape}`}>{p.shape === "circle" ? "●" : p.shape === "square" ? "■" : "◆"} {p.label} </span>)}
        <br />Points against how it felt. Across: {xLabel.toLowerCase()}. Up: how the negotiation felt, 0–100 from the 1–7 survey answers.{note ? ` ${note}` : ""}
      </figcaption>
      <table className="sr-only">
        <caption>Points and how it felt</caption>
        <thead><tr><th scope="col">Marker</th><th scope="col">Points (0–100)</th><th scope="col">How it felt (0–100)</th></tr></thead>
        <tbody>{points.map((p) => <tr key={p.key}><th scope="row">{p.label}</th><td>{Math.round(p.x)}</td><td>{Math.round(p.y)}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
