import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { describeEntry } from "../lib/describe-entry.js";
import { useNegotiation, useSeatName, useSeatShortName } from "../store/hooks.js";
import { useStore } from "../store/store.js";

const HIDDEN = new Set(["time.tick", "seat.claim", "phase.ready"]);
/** Within this many pixels of the end the reader counts as "at the end" and the list follows new entries. */
const AT_END = 24;

/**
 * The conversation and every move, each visibly typed; private entries are
 * marked. The list scrolls inside its own box and follows new entries only
 * while the reader is at its end: it never scrolls the page, and a reader
 * who scrolled back keeps their place (a button offers the new entries).
 */
export function Transcript({ title = "Transcript", headingLevel = 2 }: { title?: string; headingLevel?: 2 | 3 }) {
  const n = useNegotiation();
  const seatName = useSeatName();
  const shortName = useSeatShortName();
  const viewerSeat = useStore((s) => s.me?.seat ?? null);
  const focus = useStore((s) => s.focusEntry);
  const list = useRef<HTMLOListElement>(null);
  const atEnd = useRef(true);
  const [unseen, setUnseen] = useState(0);
  const entries = n.log.filter((e) => !HIDDEN.has(e.type));
  const count = entries.length;
  const seen = useRef(count);

  const toEnd = () => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight; // the list's own scroll position only: never scrollIntoView, which moves the page too
    atEnd.current = true;
    seen.current = count;
    setUnseen(0);
  };

  useLayoutEffect(() => {
    if (focus !== null) return;
    if (atEnd.current) toEnd();
    else setUnseen(count - seen.current);
  }, [count, focus]);

  // A list that was hidden (another tab) or resized keeps following the end if the reader was there.
  useEffect(() => {
    const el = list.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => { if (atEnd.current && focus === null) el.scrollTop = el.scrollHeight; });
    ro.observe(el);
    return () => ro.disconnect();
  }, [focus]);

  const onScroll = () => {
    const el = list.current;
    if (!el || el.clientHeight === 0) return;
    atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END;
    if (atEnd.current && unseen > 0) { seen.current = count; setUnseen(0); }
  };

  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="transcript card" aria-labelledby="transcript-title">
      <Heading id="transcript-title">{title}</Heading>
      <ol ref={list} onScroll={onScroll} aria-live="polite" aria-relevant="additions" tabIndex={0} aria-label="Moves so far, oldest first">
        {entries.map((e) => {
          const line = describeEntry(e, { scenario: n.scenario, seatName, shortName, viewerSeat, log: n.log, levers: viewerSeat ? (n.views[viewerSeat]?.brief?.valueLevers ?? []) : [] });
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
      </ol>
      {unseen > 0 ? (
        <button type="button" className="small new-entries" onClick={toEnd}>
          {unseen === 1 ? "1 new move" : `${unseen} new moves`} below — show the latest
        </button>
      ) : null}
    </section>
  );
}
