import { useId } from "react";
import type { TeachingNotes } from "../../../shared/negotiation/visibility.js";
import { Markdown } from "../lib/markdown.js";

/**
 * The scenario's teaching notes, for the trainer: what to expect, the trap
 * most groups fall into, the questions for the debrief and which numbers to
 * put on the screen. Collapsed until opened, so a shared or projected screen
 * does not show them by accident. The server sends them to the trainer only.
 */
export function TeachingNotesPanel({ notes, title, className = "card" }: { notes: TeachingNotes; title?: string | undefined; className?: string }) {
  const ids = useId();
  return (
    <details className={`${className} teaching-notes`}>
      <summary>
        <strong>Teaching notes{title ? ` — ${title}` : ""}</strong> <span className="hint">for you only; participants never see them</span>
      </summary>
      <section aria-labelledby={`${ids}-expected`}>
        <h3 id={`${ids}-expected`}>Expected results</h3>
        <Markdown text={notes.expected} />
      </section>
      <section aria-labelledby={`${ids}-trap`}>
        <h3 id={`${ids}-trap`}>The trap</h3>
        <Markdown text={notes.trap} />
      </section>
      <section aria-labelledby={`${ids}-questions`}>
        <h3 id={`${ids}-questions`}>Discussion questions</h3>
        <ol>{notes.questions.map((q, i) => <li key={i}>{q}</li>)}</ol>
      </section>
      <section aria-labelledby={`${ids}-show`}>
        <h3 id={`${ids}-show`}>Show the room</h3>
        <ul>{notes.showTheRoom.map((x, i) => <li key={i}>{x}</li>)}</ul>
      </section>
    </details>
  );
}
