import { useEffect, useRef } from "react";
import { describeEntry } from "../lib/describe-entry.js";
import { useNegotiation, useSeatName } from "../store/hooks.js";
import { useStore } from "../store/store.js";

const HIDDEN = new Set(["time.tick", "seat.claim", "phase.ready"]);

/** The conversation and every move, each visibly typed; private entries are marked. */
export function Transcript({ title = "Transcript" }: { title?: string }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const viewerSeat = useStore((s) => s.me?.seat ?? null);
  const focus = useStore((s) => s.focusEntry);
  const end = useRef<HTMLLIElement>(null);
  const entries = n.log.filter((e) => !HIDDEN.has(e.type));
  useEffect(() => {
    if (focus === null) end.current?.scrollIntoView({ block: "nearest" });
  }, [entries.length, focus]);
  return (
    <section className="transcript card" aria-labelledby="transcript-title">
      <h2 id="transcript-title">{title}</h2>
      <ol aria-live="polite" aria-relevant="additions" tabIndex={0} aria-label="Moves so far, oldest first">
        {entries.map((e) => {
          const line = describeEntry(e, { scenario: n.scenario, seatName, viewerSeat, log: n.log, levers: viewerSeat ? (n.views[viewerSeat]?.brief?.valueLevers ?? []) : [] });
          return (
            <li key={e.seq} id={`entry-${e.seq}`} className={`entry tone-${line.tone}${e.by === viewerSeat ? " mine" : ""}${focus === e.seq ? " focused" : ""}`}>
              <div className="entry-head">
                <span className="entry-kind"><span aria-hidden="true">{line.icon}</span> {line.kind}</span>
                <span className="entry-title">{line.title}</span>
                {line.tone === "private" ? <span className="private-tag">only you</span> : null}
                <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</time>
              </div>
              {line.detail ? <p className="entry-detail">{line.detail}</p> : null}
            </li>
          );
        })}
        <li ref={end} className="end" aria-hidden="true" />
      </ol>
    </section>
  );
}
