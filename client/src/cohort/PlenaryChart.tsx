import { useId } from "react";
import type { FrontierPair, OutcomePoint } from "../../../shared/cohort/plenary.js";

/**
 * One buyer–supplier pair of a scenario on the projector: every table's
 * outcome against the pair's Pareto frontier and both BATNAs. Hand-drawn like
 * debrief/Charts.tsx, with thick lines and large labels for a room, and a
 * data table beside it that carries the same numbers.
 */

const W = 720;
const H = 460;
const PAD = { left: 70, right: 24, top: 20, bottom: 64 };

function scale(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (v: number) => r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0);
}

/** A domain holding every value, widened to round numbers. */
function domainOf(values: number[]): [number, number] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(10, ...values);
  const step = hi - lo > 100 ? 50 : 10;
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

function ticks([lo, hi]: [number, number]): number[] {
  const n = 5;
  return Array.from({ length: n + 1 }, (_, i) => Math.round(lo + ((hi - lo) * i) / n));
}

type Placed = OutcomePoint & { procurement: number; sales: number };

/** Tables that ended at the same point (every impasse sits at the BATNAs) share one mark, labelled "T1, T2". */
function together(points: Placed[]): { tables: string; status: OutcomePoint["status"]; procurement: number; sales: number }[] {
  const groups = new Map<string, Placed[]>();
  for (const p of points) {
    const key = `${p.status}|${p.procurement}|${p.sales}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].flatMap((g) => {
    const first = g[0];
    return first ? [{ tables: g.map((p) => p.table).join(", "), status: first.status, procurement: first.procurement, sales: first.sales }] : [];
  });
}

export function OutcomeScatter({ pair, outcomes, caption }: { pair: FrontierPair; outcomes: OutcomePoint[]; caption: string }) {
  const id = useId();
  const placed = outcomes.filter((o): o is Placed => o.procurement !== null && o.sales !== null);
  const xs = [...pair.frontier.map((p) => p.procurement), pair.batna.procurement, ...placed.map((o) => o.procurement)];
  const ys = [...pair.frontier.map((p) => p.sales), pair.batna.sales, ...placed.map((o) => o.sales)];
  const xd = domainOf(xs);
  const yd = domainOf(ys);
  const x = scale(xd, [PAD.left, W - PAD.right]);
  const y = scale(yd, [H - PAD.bottom, PAD.top]);
  const frontier = [...pair.frontier].sort((a, b) => a.procurement - b.procurement);
  const line = frontier.map((p, i) => `${i ? "L" : "M"}${x(p.procurement)},${y(p.sales)}`).join(" ");
  return (
    <figure className="chart plenary-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-cap`}>
        <rect className="zone" x={x(pair.batna.procurement)} y={PAD.top} width={Math.max(0, W - PAD.right - x(pair.batna.procurement))} height={Math.max(0, y(pair.batna.sales) - PAD.top)} />
        <g className="axes" aria-hidden="true">
          <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} />
          <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} />
          {ticks(xd).map((t) => <text key={`x${t}`} x={x(t)} y={H - PAD.bottom + 24} textAnchor="middle">{t}</text>)}
          {ticks(yd).map((t) => <text key={`y${t}`} x={PAD.left - 10} y={y(t) + 6} textAnchor="end">{t}</text>)}
          <text x={(PAD.left + W - PAD.right) / 2} y={H - 10} textAnchor="middle" className="axis-label">Procurement points</text>
          <text x={18} y={(PAD.top + H - PAD.bottom) / 2} textAnchor="middle" className="axis-label" transform={`rotate(-90 18 ${(PAD.top + H - PAD.bottom) / 2})`}>Sales points</text>
        </g>
        <path className="frontier" d={line} />
        <rect className="maxjoint" x={x(pair.maxJoint.procurement) - 8} y={y(pair.maxJoint.sales) - 8} width={16} height={16} transform={`rotate(45 ${x(pair.maxJoint.procurement)} ${y(pair.maxJoint.sales)})`} />
        {together(placed).map((g) => (
          <g key={g.tables} className={`outcome ${g.status}`}>
            <circle cx={x(g.procurement)} cy={y(g.sales)} r={11} />
            <text x={x(g.procurement) + 15} y={y(g.sales) - 12} className="point-label">{g.tables}</text>
          </g>
        ))}
      </svg>
      <figcaption id={`${id}-cap`}>
        {caption}. The line is the Pareto frontier, the shaded area beats both BATNAs, <span className="key maxjoint">◆ best joint deal</span>, <span className="key deal">● a deal</span>, <span className="key impasse">○ no deal (at the BATNAs)</span>.
      </figcaption>
    </figure>
  );
}
