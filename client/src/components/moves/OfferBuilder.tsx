import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { formatPoints, MESO_TOLERANCE, mesoTolerance, pointsRange } from "../../../../shared/negotiation/offers.js";
import { briefPoints } from "../../../../shared/scenario/points.js";
import type { Brief, Package } from "../../../../shared/scenario/schema.js";
import { sendMove } from "../../net/connection.js";
import { useOnce } from "../../lib/use-once.js";
import { useNegotiation, useSeatName } from "../../store/hooks.js";
import { useStore } from "../../store/store.js";
import { ErrorNote, useBusy } from "../ErrorNote.js";
import { useCounterparts } from "./Recipients.js";

/** A MESO carries at most two alternatives beside the main package (protocol: `alternatives` 1–2). */
const MAX_ALTERNATIVES = 2;

type Issues = ReturnType<typeof useNegotiation>["scenario"]["issues"];

/** One select per issue, each option showing the seat's own points for it. `suffix` tells the fields of an alternative apart. */
function PackageFields({ issues, scoring, pkg, onChange, idPrefix, suffix }: {
  issues: Issues;
  scoring: Brief["scoring"] | undefined;
  pkg: Package;
  onChange: (pkg: Package) => void;
  idPrefix: string;
  suffix?: string;
}) {
  return (
    <>
      {issues.map((issue) => (
        <div className="field" key={issue.id}>
          <label htmlFor={`${idPrefix}-${issue.id}`}>{issue.name}{suffix ? <span className="hint"> {suffix}</span> : null}</label>
          <select id={`${idPrefix}-${issue.id}`} value={pkg[issue.id] ?? ""} onChange={(e) => onChange({ ...pkg, [issue.id]: e.target.value })}>
            <option value="" disabled>Choose…</option>
            {issue.options.filter((o) => !o.secondSourceOnly).map((o) => (
              <option key={o.id} value={o.id}>{o.label} — {scoring?.[issue.id]?.[o.id] ?? 0} pts for you</option>
            ))}
          </select>
        </div>
      ))}
    </>
  );
}

const samePackage = (a: Package, b: Package) => Object.keys({ ...a, ...b }).every((k) => a[k] === b[k]);

/** Why an alternative cannot be sent yet, in words; null when it can (the server checks the same rules). */
function alternativeProblem(issues: Issues, alt: Package, index: number, all: readonly Package[], points: number, base: number, tolerance: number): string | null {
  if (!issues.every((i) => alt[i.id])) return "choose every term";
  const twin = all.findIndex((p, j) => j < index + 1 && samePackage(p, alt));
  if (twin === 0) return "the same as your main package: change at least one term";
  if (twin > 0) return `the same as alternative ${twin}: change at least one term`;
  if (Math.abs(points - base) > tolerance) return `${formatPoints(Math.abs(points - base))} points ${points > base ? "above" : "below"} your main package; keep it within ${formatPoints(tolerance)}`;
  return null;
}

/**
 * Builds a package one term at a time and shows the seat's OWN points for it
 * as it grows (never the counterpart's): a proposal to a counterpart, or a
 * sealed bid in a tender. A proposal may add up to two equivalent
 * alternatives (a MESO), each shown with the seat's own points so the
 * packages can be kept of equal value to it.
 */
/** A package to start a counter from (the offer board's "Counter from this offer"); a new `stamp` fills the builder again. */
export interface Prefill { package: Package; from: string; stamp: number }

export function OfferBuilder({ mode, mySide, start, prefill }: { mode: "offer" | "bid"; mySide: string; start?: Package; prefill?: Prefill | null }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const brief = useStore((s) => (s.me?.seat ? s.negotiation?.views[s.me.seat]?.brief : null));
  const counterparts = useCounterparts(mySide);
  const [pkg, setPkg] = useState<Package>(start ?? {});
  const [alternatives, setAlternatives] = useState<Package[]>([]);
  const [to, setTo] = useState(counterparts[0] ?? "");
  const [final, setFinal] = useState(false);
  const [note, setNote] = useState("");
  const origin = mode === "offer" ? "offer.propose" : "bid.submit";
  const waiting = useBusy(origin);
  const [sending, once] = useOnce(); // a double click sends one proposal
  const busy = waiting || sending;
  const ids = useId();
  const form = useRef<HTMLFormElement>(null);
  const [startedFrom, setStartedFrom] = useState<string | null>(null);
  // "Counter from this offer": the package fills the builder, which comes into view with its first term focused (the player asked for it).
  useEffect(() => {
    if (!prefill) return;
    setPkg({ ...prefill.package });
    setAlternatives([]);
    setStartedFrom(prefill.from);
    const el = form.current;
    el?.querySelector("select")?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: "start" });
  }, [prefill]);
  const issues = n.scenario.issues;
  const scoring = brief?.brief.scoring;

  const complete = issues.every((i) => pkg[i.id]);
  const points = useMemo(() => (brief ? briefPoints(brief.brief, pkg) : 0), [brief, pkg]);
  const batna = brief?.brief.batna.points ?? 0;
  const tolerance = useMemo(() => (scoring ? mesoTolerance(issues, scoring) : 0), [issues, scoring]);
  const range = useMemo(() => (scoring ? pointsRange(issues, scoring) : 0), [issues, scoring]);
  const meso = mode === "offer" ? alternatives : [];
  const altPoints = meso.map((a) => (brief ? briefPoints(brief.brief, a) : 0));
  const problems = meso.map((a, i) => alternativeProblem(issues, a, i, [pkg, ...meso], altPoints[i] ?? 0, points, tolerance));
  const sendable = complete && problems.every((p) => p === null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!sendable) return;
    once(send);
  };
  const send = async () => {
    const extra = note.trim() ? { note: note.trim() } : {};
    const alts = meso.length > 0 ? { alternatives: meso } : {};
    const r = mode === "offer"
      ? await sendMove(origin, { type: "offer.propose", to: to || (counterparts[0] ?? ""), package: pkg, ...alts, ...(final ? { final } : {}), ...extra })
      : await sendMove(origin, { type: "bid.submit", package: pkg, ...extra });
    if (r.ok) { setNote(""); setFinal(false); setAlternatives([]); setStartedFrom(null); }
  };

  const setAlternative = (index: number, next: Package) => setAlternatives((list) => list.map((a, i) => (i === index ? next : a)));

  return (
    <form ref={form} onSubmit={submit} className="offer-builder" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{mode === "offer" ? "Make a proposal" : "Your sealed bid"}</h3>
      {startedFrom ? <p className="started-from" role="status">Started from {startedFrom}: change the terms you want to counter.</p> : null}
      <PackageFields issues={issues} scoring={scoring} pkg={pkg} onChange={setPkg} idPrefix={ids} />
      <p className={`own-points${complete && points <= batna ? " below" : ""}`} aria-live="polite">
        Your points: <strong>{points}</strong>{complete ? ` (BATNA ${batna}: ${points > batna ? `+${points - batna} above` : "not above your walk-away"})` : " — choose every term"}
      </p>
      {meso.map((alt, i) => (
        <fieldset className="card meso-alternative" key={i} aria-describedby={`${ids}-meso-help`}>
          <legend>Alternative {i + 1}</legend>
          <PackageFields issues={issues} scoring={scoring} pkg={alt} onChange={(next) => setAlternative(i, next)} idPrefix={`${ids}-alt${i}`} suffix={`(alternative ${i + 1})`} />
          <p className={`own-points${problems[i] ? " below" : ""}`} aria-live="polite">
            Alternative {i + 1} is worth <strong>{altPoints[i]}</strong> points to you{problems[i] ? ` — ${problems[i]}` : ` (${altPoints[i] === points ? "the same as" : `${formatPoints(Math.abs((altPoints[i] ?? 0) - points))} ${(altPoints[i] ?? 0) > points ? "above" : "below"}`} your main package)`}
          </p>
          <button type="button" onClick={() => setAlternatives((list) => list.filter((_, j) => j !== i))}>Remove alternative {i + 1}</button>
        </fieldset>
      ))}
      {mode === "offer" ? (
        <>
          <p className="hint" id={`${ids}-meso-help`}>
            Offering two or three packages of equal value to you at once lets the other side choose one, and its choice shows you what it values.
            Each alternative must stay within {formatPoints(tolerance)} points of your main package on your own scoring ({MESO_TOLERANCE.share * 100} % of your {formatPoints(range)}-point range, at least {MESO_TOLERANCE.minimum}).
          </p>
          {meso.length < MAX_ALTERNATIVES ? (
            <button type="button" disabled={!complete} onClick={() => setAlternatives((list) => [...list, { ...pkg }])}>Add an equivalent alternative</button>
          ) : null}
        </>
      ) : null}
      {mode === "offer" && counterparts.length > 1 ? (
        <div className="field inline">
          <label htmlFor={`${ids}-to`}>To</label>
          <select id={`${ids}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            {counterparts.map((s) => <option key={s} value={s}>{seatName(s)}</option>)}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${ids}-note`}>Note (optional)</label>
        <input id={`${ids}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={mode === "offer" ? "Why this works for both of us" : "What your bid includes"} />
      </div>
      {mode === "offer" ? (
        <label className="check">
          <input type="checkbox" checked={final} onChange={(e) => setFinal(e.target.checked)} />
          <span>Mark as my final offer <span className="desc">({meso.length > 0 ? "choose one of these, nothing else is on offer: " : ""}an ultimatum: it can cost trust in a partnership)</span></span>
        </label>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !sendable}>{mode === "offer" ? (meso.length > 0 ? `Send ${meso.length + 1} packages to choose from` : "Send proposal") : "Submit sealed bid"}</button>
      <ErrorNote origin={origin} />
    </form>
  );
}
