import type { MouseEvent } from "react";
import { useStore } from "../store/store.js";
import { goToEntry, useEntryNames } from "./entry-names.js";

/** Follows a link to a transcript entry: opens the transcript, focuses and highlights the entry. */
function follow(seq: number) {
  return (ev: MouseEvent<HTMLAnchorElement>) => {
    ev.preventDefault();
    useStore.setState({ focusEntry: seq });
    goToEntry(seq);
  };
}

/** A link to one move, named as people name it ("Corvanta’s second proposal"). */
export function EntryLink({ seq, name }: { seq: number; name: string }) {
  return <a href={`#entry-${seq}`} onClick={follow(seq)}>{name}</a>;
}

/**
 * Links to the moves behind a number, each named from the viewer's log;
 * moves the viewer's log does not hold are left out, and so is the whole
 * line when none remain.
 */
export function EventLinks({ events, label = "See" }: { events: number[]; label?: string }) {
  const names = useEntryNames();
  const named = [...new Set(events)].flatMap((seq) => {
    const name = names.name(seq);
    return name ? [{ seq, name }] : [];
  });
  if (!named.length) return null;
  const shown = named.slice(0, 4);
  return (
    <span className="event-links">
      {label}:{" "}
      {shown.map((n, i) => (
        <span key={n.seq}>
          {i ? (i === shown.length - 1 && named.length === shown.length ? " and " : ", ") : ""}
          <EntryLink seq={n.seq} name={n.name} />
        </span>
      ))}
      {named.length > shown.length ? ` and ${named.length - shown.length} more` : ""}
    </span>
  );
}

/** The moves a number looked at and did not credit: "Not counted:" with each reason and a link to the move. */
export function IgnoredList({ ignored }: { ignored: readonly { seq: number; why: string }[] | undefined }) {
  const names = useEntryNames();
  if (!ignored?.length) return null;
  const shown = ignored.slice(0, 12);
  return (
    <div className="ignored">
      <span className="ignored-label">Not counted:</span>
      <ul>
        {shown.map((i) => {
          const name = names.name(i.seq);
          return (
            <li key={`${i.seq}-${i.why}`}>
              {name ? <><EntryLink seq={i.seq} name={capitalise(name)} />: </> : null}{i.why}
            </li>
          );
        })}
        {ignored.length > shown.length ? <li>and {ignored.length - shown.length} more</li> : null}
      </ul>
    </div>
  );
}

export const capitalise = (s: string) => (s ? `${s[0]?.toUpperCase() ?? ""}${s.slice(1)}` : s);
