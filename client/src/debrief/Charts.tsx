import type { PairSummary } from "../../../shared/scoring/types.js";

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

function Axes({ x, y, xTicks, yTicks, xLabel, yLabel }: { x: (v: number) => number; y: (v: number) => number; xTicks: number[]; yTicks: number[]; xLabel: string; yLabel: string }) {
  return (
    <g className="axes" aria-hidden="true">
      <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} />
      {xTicks.map((t) => <text key={`x${t}`} x={x(t)} y={H - PAD.bottom + 16} textAnchor="middle">{t}</text>)}
      {yTicks.map((t) => <text key={`y${t}`} x={PAD.left - 6} y={y(t) + 4} textAnchor="end">{t}</text>)}
      <text x={(PAD.left + W - PAD.right) / 2} y={H - 4} textAnchor="middle" className="axis-label">{xLabel}</text>
      <text x={12} y={(PAD.top + H - PAD.bottom) / 2} textAnchor="middle" className="axis-label" transform={`rotate(-90 12 ${(PAD.top + H - PAD.bottom) / 2})`}>{yLabel}</text>
    </g>
  );
}

const ticks = (lo: number, hi: number, n = 5) => Array.from({ length: n + 1 }, (_, i) => Math.round(lo + ((hi - lo) * i) / n));

/**
 * A points axis that fits the values shown (points are not always 0–100): from
 * 0, or the lowest value when it is negative, to the highest value, widened to
 * whole steps of 1, 2, 5 × a power of ten so that about five ticks mark it.
 */
export function pointsAxis(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter((v) => Number.isFinite(v));
  const min = Math.min(0, ...finite);
  const max = Math.max(min + 1, ...finite);
  const rough = (max - min) / 5;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= rough) ?? 10) * mag;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const marks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) marks.push(Number(t.toFixed(6)));
  return { domain: [lo, hi], ticks: marks };
}

export interface CurvePoint { minutes: number; points: number; seq: number }

/** Concession curves: the points each side's offers were worth to this seat, over the minutes of the talks. */
export function ConcessionChart({ mine, theirs, batna }: { mine: CurvePoint[]; theirs: CurvePoint[]; batna: number }) {
  const all = [...mine, ...theirs];
  if (all.length === 0) return <p className="chart-empty">No offers or bids were made, so there is no concession curve.</p>;
  const maxX = Math.max(1, ...all.map((p) => p.minutes));
  const x = scale([0, maxX], [PAD.left, W - PAD.right]);
  const yAxis = pointsAxis([...all.map((p) => p.points), batna]);
  const y = scale(yAxis.domain, [H - PAD.bottom, PAD.top]);
  const path = (pts: CurvePoint[]) => pts.map((p, i) => `${i ? "L" : "M"}${x(p.minutes)},${y(p.points)}`).join(" ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="conc-cap">
        <Axes x={x} y={y} xTicks={ticks(0, Math.ceil(maxX))} yTicks={yAxis.ticks} xLabel="Minutes into the talks" yLabel="Your points" />
        <line className="batna-line" x1={PAD.left} x2={W - PAD.right} y1={y(batna)} y2={y(batna)} />
        <text className="batna-text" x={W - PAD.right} y={y(batna) - 4} textAnchor="end">your BATNA {batna}</text>
        <path className="series mine" d={path(mine)} />
        {mine.map((p) => <circle key={p.seq} className="dot mine" cx={x(p.minutes)} cy={y(p.points)} r={4} />)}
        <path className="series theirs" d={path(theirs)} />
        {theirs.map((p) => <rect key={p.seq} className="dot theirs" x={x(p.minutes) - 4} y={y(p.points) - 4} width={8} height={8} />)}
      </svg>
      <figcaption id="conc-cap">Concession curves: <span className="key mine">● your offers</span> and <span className="key theirs">■ their offers</span>, valued in your points. Converging lines mean both sides moved.</figcaption>
      <table className="sr-only">
        <caption>Offers over time, in your points</caption>
        <thead><tr><th>Offer</th><th>Minute</th><th>By</th><th>Your points</th></tr></thead>
        <tbody>{[...mine.map((p) => ({ ...p, by: "you" })), ...theirs.map((p) => ({ ...p, by: "them" }))].sort((a, b) => a.seq - b.seq).map((p) => <tr key={p.seq}><td>#{p.seq}</td><td>{p.minutes.toFixed(1)}</td><td>{p.by}</td><td>{p.points}</td></tr>)}</tbody>
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
