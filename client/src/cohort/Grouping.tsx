import { useId } from "react";
import { CohortErrorNote, seatLabel } from "./bits.js";
import { sendCohortControl } from "./CohortConnection.js";
import { useCohortBusy, useSession } from "./store.js";
import { FUNCTION_LABEL, POLICY_TEXT, POLICIES, type Grouping, type RosterEntry, type SessionScenario } from "./types.js";

const ORIGIN = "grouping";

interface SeatOption { value: string; label: string }

/** Every seat of every table, as the options of a "move to" select; an occupied seat says who would swap. */
function seatOptions(grouping: Grouping, scenarios: SessionScenario[], nameOf: (id: string) => string): SeatOption[] {
  return grouping.tables.flatMap((t) => {
    const scenario = scenarios.find((s) => s.id === t.scenarioId);
    return Object.entries(t.seats).map(([seat, ids]) => ({
      value: `${t.id}|${seat}`,
      label: `${t.id} · ${seatLabel(scenario, seat)}${ids.length ? ` — ${ids.map(nameOf).join(" & ")}` : " — empty"}`,
    }));
  });
}

/**
 * The grouping editor: auto-group by the session's policy, then move people
 * seat by seat (moving into a taken seat swaps the two), then open the tables.
 * Once they are open (`opened`), the same seats reassign live, under "Reassign seats".
 */
export function GroupingEditor({ opened = false }: { opened?: boolean }) {
  const session = useSession();
  const busy = useCohortBusy(ORIGIN);
  const ids = useId();
  const { grouping, roster, scenarios } = session;
  const people = new Map(roster.map((p) => [p.id, p]));
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const seated = new Set(grouping?.tables.flatMap((t) => Object.values(t.seats).flat()) ?? []);
  // People who joined after the last auto-group are not in the grouping yet: they are "not at a table" too.
  const waiting = [...new Set([...(grouping?.unassigned ?? []), ...roster.map((p) => p.id).filter((id) => !seated.has(id))])];
  const options = grouping ? seatOptions(grouping, scenarios, nameOf) : [];
  const policy = POLICIES.find((p) => p === session.policy);

  if (opened) {
    // Once the tables are open the same editor reassigns seats live, tucked away until the trainer needs it.
    return (
      <details className="card reassign">
        <summary><h2 id={`${ids}-title`}>Reassign seats</h2></summary>
        <p className="hint">Moving someone into a seat hands it to them at once; the person there takes the mover's old place.</p>
        <CohortErrorNote origin={ORIGIN} />
        {grouping ? <SeatGrid grouping={grouping} scenarios={scenarios} people={people} options={options} busy={busy} ids={ids} waiting={waiting} /> : null}
      </details>
    );
  }

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Tables</h2>
      <p className="hint">Role policy: <strong>{policy ? POLICY_TEXT[policy].label : session.policy}</strong>{policy ? ` — ${POLICY_TEXT[policy].line}` : ""}</p>
      <div className="button-row">
        <button type="button" onClick={() => void sendCohortControl(ORIGIN, { type: "group.auto" })} disabled={busy || roster.length === 0}>{grouping ? "Auto-group again" : "Auto-group"}</button>
        <button type="button" className="primary" onClick={() => void sendCohortControl(ORIGIN, { type: "tables.open" })} disabled={busy || !grouping || grouping.tables.length === 0}>Open the tables</button>
      </div>
      <CohortErrorNote origin={ORIGIN} />
      {roster.length === 0 ? <p>Nobody has joined yet. Give the participants the session code.</p> : null}
      {roster.length > 0 && !grouping ? <p>{roster.length} {roster.length === 1 ? "person has" : "people have"} joined. Auto-group them into tables, then adjust by hand.</p> : null}
      {grouping?.notes.length ? <ul className="grouping-notes" aria-label="Notes on this grouping">{grouping.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
      {grouping ? <SeatGrid grouping={grouping} scenarios={scenarios} people={people} options={options} busy={busy} ids={ids} waiting={waiting} /> : null}
    </section>
  );
}

/** Every table's seats, each person's seat a select, and who is not at a table yet. */
function SeatGrid({ grouping, scenarios, people, options, busy, ids, waiting }: { grouping: Grouping; scenarios: SessionScenario[]; people: Map<string, RosterEntry>; options: SeatOption[]; busy: boolean; ids: string; waiting: string[] }) {
  return (
    <>
      <div className="grouping-grid">
        {grouping.tables.map((t) => {
          const scenario = scenarios.find((s) => s.id === t.scenarioId);
          return (
            <section key={t.id} className="group-table" aria-labelledby={`${ids}-${t.id}`}>
              <h3 id={`${ids}-${t.id}`}>{t.id} · {scenario?.title ?? t.scenarioId}</h3>
              <ul className="group-seats">
                {Object.entries(t.seats).map(([seat, occupants]) => (
                  <li key={seat} className={`side-${scenario?.seats.find((s) => s.id === seat)?.side ?? "none"}`}>
                    <span className="seat-name">{seatLabel(scenario, seat)}</span>
                    {occupants.length === 0 ? <span className="status status-empty">empty</span> : null}
                    {occupants.map((id) => <MoveSelect key={id} person={people.get(id)} id={id} current={`${t.id}|${seat}`} options={options} disabled={busy} />)}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {waiting.length > 0 ? (
        <section className="group-table waiting" aria-labelledby={`${ids}-waiting`}>
          <h3 id={`${ids}-waiting`}>Not at a table</h3>
          <ul className="group-seats">
            {waiting.map((id) => <li key={id}><MoveSelect person={people.get(id)} id={id} current="" options={options} disabled={busy} /></li>)}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** One person's seat, as a select: choosing another seat moves them there. */
function MoveSelect({ person, id, current, options, disabled }: { person: RosterEntry | undefined; id: string; current: string; options: SeatOption[]; disabled: boolean }) {
  const selectId = useId();
  const name = person?.name ?? id;
  const move = (value: string) => {
    const [table, seat] = value.split("|");
    if (table && seat) void sendCohortControl(ORIGIN, { type: "group.move", participant: id, table, seat });
  };
  return (
    <span className="move-select">
      <label htmlFor={selectId}>Seat for {name}{person ? <span className="side-tag">{FUNCTION_LABEL[person.function]}</span> : null}</label>
      <select id={selectId} value={current} onChange={(e) => move(e.target.value)} disabled={disabled}>
        {current === "" ? <option value="">Not at a table</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </span>
  );
}
