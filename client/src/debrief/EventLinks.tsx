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
