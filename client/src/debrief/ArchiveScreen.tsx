import { useStore } from "../store/store.js";
import { DebriefScreen } from "./DebriefScreen.js";
import { SeatDebriefs } from "./SeatDebriefs.js";

/** A finished negotiation whose room is gone, read from storage: a seat's own debrief, or every seat's for the trainer. */
export default function ArchiveScreen() {
  const archive = useStore((s) => s.archive);
  if (!archive) return null;
  const { seat, debriefs, scenario, briefs, log, seatNames } = archive;
  const own = seat ? debriefs[seat] : undefined;
  if (seat) return own ? <DebriefScreen view={own} scenario={scenario} seat={seat} briefs={briefs} log={log} seatNames={seatNames} /> : <p>No debrief was written for your seat.</p>;
  return (
    <div className="screen">
      <h1>Trainer debrief · {scenario.title}</h1>
      <SeatDebriefs debriefs={debriefs} scenario={scenario} briefs={briefs} log={log} seatNames={seatNames} />
    </div>
  );
}
