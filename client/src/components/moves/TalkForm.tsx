import { useId, useState, type FormEvent } from "react";
import { questionTopics, type TopicKind } from "../../lib/table-state.js";
import { sendMove } from "../../net/connection.js";
import { useMySeatId, useNegotiation } from "../../store/hooks.js";
import { useStore } from "../../store/store.js";
import { ErrorNote, useSubmit } from "../ErrorNote.js";
import { RecipientSelect, toField } from "./Recipients.js";

/** A chat message or a question; a question names what it is about (an issue, risk, objective or lever of the scenario). */
export function TalkForm({ kind, mySide }: { kind: "chat.send" | "question.ask"; mySide: string }) {
  const n = useNegotiation();
  const seat = useMySeatId();
  const levers = useStore((s) => (seat ? s.negotiation?.views[seat]?.brief?.valueLevers : undefined));
  const [text, setText] = useState("");
  const [to, setTo] = useState("");
  const [topic, setTopic] = useState("");
  const origin = kind;
  const [busy, once] = useSubmit(origin);
  const id = useId();
  const asking = kind === "question.ask";
  const groups = asking ? questionTopics(n.scenario, mySide, levers ?? []) : [];
  const about = topicOf(topic);
  const needsTopic = asking && groups.length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    once(() => send());
  };
  const send = async () => {
    const r = await sendMove(origin, asking
      ? { type: "question.ask", text, ...toField(to), ...(about ? { about } : {}) }
      : { type: "chat.send", text, ...toField(to) });
    if (r.ok) { setText(""); setTopic(""); }
  };
  return (
    <form onSubmit={submit} className="move-form">
      <label htmlFor={id}>{asking ? "Ask a question" : "Message"}</label>
      <RecipientSelect mySide={mySide} value={to} onChange={setTo} />
      {needsTopic ? (
        <div className="field">
          <label htmlFor={`${id}-about`}>What is it about?</label>
          <select id={`${id}-about`} value={topic} onChange={(e) => setTopic(e.target.value)} required aria-describedby={`${id}-about-hint`}>
            <option value="">Choose a topic…</option>
            {groups.map((g) => (
              <optgroup key={g.kind} label={g.label}>
                {g.options.map((o) => <option key={o.id} value={`${g.kind}:${o.id}`}>{o.label}</option>)}
              </optgroup>
            ))}
          </select>
          <p id={`${id}-about-hint`} className="desc">Questions count once per topic in your debrief.</p>
        </div>
      ) : null}
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} placeholder={asking ? "What would help you most…?" : "Write to the other side"} />
      <button type="submit" disabled={busy || !text.trim() || (needsTopic && !about)}>{asking ? "Ask" : "Send"}</button>
      <ErrorNote origin={origin} />
    </form>
  );
}

const KINDS: readonly string[] = ["issue", "lever", "risk", "objective"] satisfies TopicKind[];
const isTopicKind = (k: string): k is TopicKind => KINDS.includes(k);

/** `{ kind, id }` from a select value "kind:id" (ids never contain a colon). */
function topicOf(value: string): { kind: TopicKind; id: string } | null {
  const at = value.indexOf(":");
  const kind = value.slice(0, at);
  return at > 0 && isTopicKind(kind) ? { kind, id: value.slice(at + 1) } : null;
}
