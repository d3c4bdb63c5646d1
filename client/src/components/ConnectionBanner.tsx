import { join } from "../net/connection.js";
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
  if (status === "reconnecting") return <div className="banner warn" role="status">Connection lost — reconnecting… {trainer ? "" : "Your seat is held for you."}</div>;
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
