import { useId } from "react";
import { saveTrainerKey, savedSessionKey } from "../lib/tokens.js";
import { CohortErrorNote, minutesSeconds, phaseWords } from "./bits.js";
import { sendCohortControl } from "./CohortConnection.js";
import { linkTable } from "./saved.js";
import { useCohortBusy } from "./store.js";
import type { DashboardTable, SessionScenario, TableFlag } from "./types.js";

export const FLAG_TEXT: Record<TableFlag, string> = {
  bypass: "Went around procurement",
  stalled: "Stalled — no move for a while",
  disconnected: "Someone is disconnected",
  "empty-seat": "Empty seat",
};

const sideWord = (side: string) => (side === "procurement" ? "Procurement" : side === "sales" ? "Sales" : side);

/** How long the phase has left, or what the table is doing instead. */
function timeLeft(t: DashboardTable, now: number): string {
  if (t.status === "finished") return "Finished";
  if (t.status === "lobby" || t.phase === "lobby") return "Not started";
  if (t.paused) return "Paused";
  if (!t.phaseEndsAt) return "No time limit";
  return `${minutesSeconds(t.phaseEndsAt - now)} left`;
}

/**
 * The session key opens every table of the session: kept for this table's
 * code too, so "watch" (even in a new tab) opens its facilitator view, and
 * the table knows its way back to this dashboard.
 */
export function keepWatchKey(table: string, session: string) {
  const key = savedSessionKey(session);
  if (key) saveTrainerKey(table, key);
  linkTable(table, session);
}

/** One live table: scenario, phase, time, the last offer in both seats' points, outcome, flags and its controls. */
export function TableCard({ table: t, scenario, sessionCode, now }: { table: DashboardTable; scenario: SessionScenario | undefined; sessionCode: string; now: number }) {
  const ids = useId();
  const origin = `table-${t.id}`;
  const busy = useCohortBusy(origin);
  const seatName = (seat: string) => {
    const s = t.seats.find((x) => x.seat === seat);
    const title = scenario?.seats.find((x) => x.id === seat)?.title;
    return s ? `${title ?? sideWord(s.side)}${s.names ? ` (${s.names})` : ""}` : seat;
  };
  // "Procurement 62 · Sales 48"; in a tender with several suppliers the side alone is ambiguous, so the seat's title.
  const pointsLabel = (seat: string) => {
    const side = t.seats.find((x) => x.seat === seat)?.side ?? seat;
    const shared = t.seats.filter((x) => x.side === side).length > 1;
    return shared ? (scenario?.seats.find((x) => x.id === seat)?.title ?? seat) : sideWord(side);
  };
  const started = t.status !== "lobby" && t.phase !== "lobby";
  return (
    <article className={`table-card${t.flags.length ? " flagged" : ""}${t.paused ? " paused" : ""}`} aria-labelledby={`${ids}-title`}>
      <header>
        <h3 id={`${ids}-title`}>{t.id} · {scenario?.title ?? t.scenarioId}</h3>
        <span className="code">Code {t.code}</span>
      </header>
      <dl className="table-facts">
        <div><dt>Phase</dt><dd>{t.status === "finished" ? "Debrief" : phaseWords(t.phase)}</dd></div>
        <div><dt>Time</dt><dd className="countdown-text">{timeLeft(t, now)}</dd></div>
        <div><dt>Outcome</dt><dd>{t.outcome === "deal" ? <span className="badge outcome-deal">Deal</span> : t.outcome === "no-deal" ? <span className="badge outcome-no-deal">No deal</span> : "Talks open"}</dd></div>
      </dl>
      <ul className="table-seats" aria-label={`Seats at ${t.id}`}>
        {t.seats.map((s) => (
          <li key={s.seat} className={`side-${s.side}`}>
            <span>{seatName(s.seat)}</span>
            <span className={`status status-${s.names ? s.connection : "empty"}`}>{s.names ? s.connection : "empty"}</span>
          </li>
        ))}
      </ul>
      <p className="last-offer">
        {t.lastOffer ? (
          <>Last offer by <strong>{seatName(t.lastOffer.by)}</strong>: {Object.entries(t.lastOffer.points).map(([seat, points]) => `${pointsLabel(seat)} ${points}`).join(" · ")} points</>
        ) : "No offer yet"}
      </p>
      {t.flags.length ? <ul className="flags" aria-label={`Flags at ${t.id}`}>{t.flags.map((f) => <li key={f} className={`badge flag-${f}`}>{FLAG_TEXT[f]}</li>)}</ul> : null}
      <div className="button-row">
        {!started ? <button type="button" className="small" disabled={busy} onClick={() => void sendCohortControl(origin, { type: "start", table: t.id })}>Start {t.id}</button> : null}
        {started && t.status !== "finished" && !t.paused ? <button type="button" className="small" disabled={busy} onClick={() => void sendCohortControl(origin, { type: "pause", table: t.id })}>Pause {t.id}</button> : null}
        {t.paused && t.status !== "finished" ? <button type="button" className="small primary" disabled={busy} onClick={() => void sendCohortControl(origin, { type: "resume", table: t.id })}>Resume {t.id}</button> : null}
        {started && t.status !== "finished" ? <button type="button" className="small" disabled={busy} onClick={() => void sendCohortControl(origin, { type: "extend", table: t.id, minutes: 5 })}>Extend {t.id} +5 min</button> : null}
        <a className="button-link small" href={`/n/${t.code}/trainer`} onClick={() => keepWatchKey(t.code, sessionCode)} onAuxClick={() => keepWatchKey(t.code, sessionCode)}>Watch {t.id}</a>
      </div>
      <CohortErrorNote origin={origin} />
    </article>
  );
}
