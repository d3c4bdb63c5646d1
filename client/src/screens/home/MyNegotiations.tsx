import { useId, useState, type MouseEvent } from "react";
import { navigate, negotiationPath } from "../../lib/codes.js";
import { deviceNegotiations, forgetNegotiation, type DeviceNegotiation } from "../../lib/tokens.js";
import { join } from "../../net/connection.js";
import { useStore } from "../../store/store.js";

const STATUS_TEXT = { lobby: "In the lobby", running: "In progress", finished: "Debrief ready" } as const;

/**
 * The negotiations this browser holds a seat or the trainer key in, from what
 * it saved (lib/tokens.ts): the ongoing ones, then the debriefs, each with
 * Open. Nothing is asked of the server until one is opened.
 */
export function MyNegotiations() {
  const [list, setList] = useState(deviceNegotiations);
  const ids = useId();
  if (list.length === 0) return null;
  const ongoing = list.filter((n) => n.memo?.status !== "finished");
  const debriefs = list.filter((n) => n.memo?.status === "finished");
  const forget = (n: DeviceNegotiation) => {
    forgetNegotiation(n.code);
    setList((before) => before.filter((x) => x.code !== n.code));
  };
  return (
    <section className="card my-negotiations" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Your negotiations on this device</h2>
      {ongoing.length ? <Group title="Ongoing" items={ongoing} onForget={forget} /> : null}
      {debriefs.length ? <Group title="Debriefs" items={debriefs} onForget={forget} /> : null}
      <p className="hint">This browser remembers the seats it took and the negotiations it created as trainer. Forget removes them from this browser only.</p>
    </section>
  );
}

function Group({ title, items, onForget }: { title: string; items: DeviceNegotiation[]; onForget(n: DeviceNegotiation): void }) {
  const ids = useId();
  return (
    <>
      <h3 id={ids}>{title}</h3>
      <ul className="my-sessions device-negotiations" aria-labelledby={ids}>
        {items.map((n) => <Row key={`${n.role}-${n.code}`} n={n} onForget={onForget} />)}
      </ul>
    </>
  );
}

function Row({ n, onForget }: { n: DeviceNegotiation; onForget(n: DeviceNegotiation): void }) {
  const open = useStore((s) => s.me?.code === n.code && (s.me.role === "trainer") === (n.role === "trainer") && s.negotiation !== null);
  const path = negotiationPath(n.code, n.role === "trainer");
  const title = n.memo?.scenarioTitle ?? "Negotiation";
  const seat = n.role === "trainer" ? "Facilitator view" : (n.memo?.seatTitle ?? n.seat?.seat ?? "Your seat");
  const status = open ? "Open now" : n.memo ? (n.memo.status === "running" ? `${STATUS_TEXT.running} — ${n.memo.stage}` : STATUS_TEXT[n.memo.status]) : "Not opened yet";
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab opens it there
    e.preventDefault();
    navigate(path);
    // Also when the address already names it (an earlier attempt failed): join again. join() runs one at a time.
    if (!open) void join(n.role === "trainer" ? { kind: "trainer", code: n.code } : { kind: "token", code: n.code });
  };
  return (
    <li>
      <span className="device-negotiation-what">
        <strong>{title}</strong>
        <span className="hint"> · <span className="code">{n.code}</span> · {seat}{n.seat?.name ? ` (${n.seat.name})` : ""} · {status}</span>
      </span>
      <span className="device-negotiation-actions">
        <a className="button-link small" href={path} onClick={follow} aria-label={`Open ${title}, ${n.code}, ${seat}`}>Open</a>
        <button type="button" className="small" onClick={() => onForget(n)} aria-label={`Forget ${title}, ${n.code}, on this device`}>Forget</button>
      </span>
    </li>
  );
}
