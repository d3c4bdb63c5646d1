import { useEffect, useState } from "react";
import { join, rejoinNow, useRejoin } from "../net/connection.js";
import { useStore } from "../store/store.js";

/** Tells the player what the connection is doing and what to do when it is gone. */
export function ConnectionBanner() {
  const outdated = useStore((s) => s.outdated);
  const status = useStore((s) => s.status);
  const code = useStore((s) => s.me?.code);
  const trainer = useStore((s) => s.me?.role === "trainer");
  // Before anything else: a page from another protocol version must not carry on.
  if (outdated) {
    return (
      <div className="banner error" role="alert">
        This page is out of date — reload to continue.
        <button type="button" onClick={() => window.location.reload()}>Reload</button>
      </div>
    );
  }
  if (status === "reconnecting") return <Reconnecting trainer={trainer} />;
  if (status === "reconnected") return <div className="banner ok" role="status">Reconnected. {trainer ? "You are back in the facilitator view." : "You are back at your seat."}</div>;
  if (status === "replaced") return <div className="banner warn" role="alert">{trainer ? "The facilitator view" : "Your seat"} was opened in another window or device. Continue there, or reload this page to take it back here.</div>;
  if (status === "lost") {
    return (
      <div className="banner error" role="alert">
        The connection to the server was lost.{" "}
        {code ? <button type="button" onClick={() => void join(trainer ? { kind: "trainer", code } : { kind: "token", code })}>{trainer ? "Reopen the facilitator view" : "Rejoin my seat"}</button> : "Reload the page to rejoin."}
      </div>
    );
  }
  return null;
}

/**
 * While the page rejoins by itself: which attempt, and the seconds to the next
 * one, with "Try now". The attempt count is in words, not only a spinner.
 */
function Reconnecting({ trainer }: { trainer: boolean }) {
  const attempt = useRejoin((s) => s.attempt);
  const nextAt = useRejoin((s) => s.nextAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (nextAt === null) return;
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, [nextAt]);
  const wait = useRejoin((s) => s.waitSeconds);
  // `now` may predate this wait until the next tick: never show more than the wait itself.
  const seconds = nextAt === null ? null : Math.min(wait, Math.max(1, Math.ceil((nextAt - now) / 1_000)));
  const progress = attempt === 0 ? "" : seconds === null ? ` attempt ${attempt}…` : ` attempt ${attempt}, next in ${seconds} s.`;
  // Screen readers hear each attempt once (the first wait), not a tick every second.
  const spoken = attempt === 0 ? "" : nextAt === null ? ` Attempt ${attempt}…` : ` Attempt ${attempt}, next in ${wait} s.`;
  return (
    <div className="banner warn">
      <span aria-hidden="true">Connection lost — reconnecting…{progress} {trainer ? "" : "Your seat is held for you."}</span>
      <span className="sr-only" role="status">The server is out of reach; the page reconnects by itself.{spoken}</span>
      {attempt > 0 && seconds !== null ? <button type="button" className="small" onClick={rejoinNow}>Try now</button> : null}
    </div>
  );
}
