import { useStore } from "../store/store.js";

/** Links to the transcript moments behind a number; following one highlights the entry. */
export function EventLinks({ events, label = "See" }: { events: number[]; label?: string }) {
  if (!events.length) return null;
  const shown = events.slice(0, 8);
  return (
    <span className="event-links">
      {label}:{" "}
      {shown.map((seq, i) => (
        <span key={seq}>
          {i ? ", " : ""}
          <a href={`#entry-${seq}`} onClick={() => useStore.setState({ focusEntry: seq })}>#{seq}</a>
        </span>
      ))}
      {events.length > shown.length ? ` and ${events.length - shown.length} more` : ""}
    </span>
  );
}

/** The moves a number looked at and did not credit: "Not counted:" with each reason and a link to the move. */
export function IgnoredList({ ignored }: { ignored: readonly { seq: number; why: string }[] | undefined }) {
  if (!ignored?.length) return null;
  const shown = ignored.slice(0, 12);
  return (
    <div className="ignored">
      <span className="ignored-label">Not counted:</span>
      <ul>
        {shown.map((i) => (
          <li key={`${i.seq}-${i.why}`}>
            <a href={`#entry-${i.seq}`} onClick={() => useStore.setState({ focusEntry: i.seq })}>#{i.seq}</a> {i.why}
          </li>
        ))}
        {ignored.length > shown.length ? <li>and {ignored.length - shown.length} more</li> : null}
      </ul>
    </div>
  );
}
