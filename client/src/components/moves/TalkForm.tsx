import { useId, useState, type FormEvent } from "react";
import { sendMove } from "../../net/connection.js";
import { ErrorNote, useBusy } from "../ErrorNote.js";
import { RecipientSelect, toField } from "./Recipients.js";

/** A chat message or a question. */
export function TalkForm({ kind, mySide }: { kind: "chat.send" | "question.ask"; mySide: string }) {
  const [text, setText] = useState("");
  const [to, setTo] = useState("");
  const origin = kind;
  const busy = useBusy(origin);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await sendMove(origin, { type: kind, text, ...toField(to) });
    if (r.ok) setText("");
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="move-form">
      <label htmlFor={id}>{kind === "chat.send" ? "Message" : "Ask a question"}</label>
      <RecipientSelect mySide={mySide} value={to} onChange={setTo} />
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} placeholder={kind === "question.ask" ? "What would help you most…?" : "Write to the other side"} />
      <button type="submit" disabled={busy || !text.trim()}>{kind === "chat.send" ? "Send" : "Ask"}</button>
      <ErrorNote origin={origin} />
    </form>
  );
}
