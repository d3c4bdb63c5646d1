import { useState } from "react";
import type { LogEntry } from "../../../shared/negotiation/events.js";
import type { PrivateBrief, PublicScenario } from "../../../shared/negotiation/visibility.js";
import type { SeatDebriefView } from "../../../shared/scoring/reveal.js";
import { DebriefScreen } from "./DebriefScreen.js";

/** The trainer's debrief: every seat's, one at a time, as that seat reads it. */
export function SeatDebriefs({ debriefs, scenario, briefs, log, seatNames }: {
  debriefs: Record<string, SeatDebriefView>; scenario: PublicScenario; briefs: Record<string, PrivateBrief>; log: LogEntry[]; seatNames: Record<string, string>;
}) {
  const seats = scenario.seats.filter((s) => debriefs[s.id]);
  const [chosen, setChosen] = useState(seats[0]?.id ?? "");
  const view = debriefs[chosen];
  if (seats.length === 0) return <p>No debrief was written for this negotiation.</p>;
  return (
    <section aria-labelledby="seat-debriefs-title" className="seat-debriefs">
      <h2 id="seat-debriefs-title">Debriefs, seat by seat</h2>
      <div className="button-row" role="group" aria-label="Whose debrief">
        {seats.map((s) => (
          <button key={s.id} type="button" aria-pressed={chosen === s.id} onClick={() => setChosen(s.id)}>{seatNames[s.id] ?? s.title}</button>
        ))}
      </div>
      {view ? <DebriefScreen key={chosen} view={view} scenario={scenario} seat={chosen} briefs={briefs} log={log} seatNames={seatNames} trainer /> : null}
    </section>
  );
}

export default SeatDebriefs;
