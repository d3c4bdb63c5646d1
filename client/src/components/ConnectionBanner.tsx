import { join } from "../net/connection.js";
import { useStore } from "../store/store.js";

/** Tells the player what the connection is doing and what to do when it is gone. */
export function ConnectionBanner() {
  const status = useStore((s) => s.status);
  const code = useStore((s) => s.me?.code);
  if (status === "reconnecting") return <div className="banner warn" role="status">Connection lost — reconnecting… Your seat is held for you.</div>;
  if (status === "reconnected") return <div className="banner ok" role="status">Reconnected. You are back at your seat.</div>;
  if (status === "replaced") return <div className="banner warn" role="alert">Your seat was opened in another window or device. Continue there, or reload this page to take it back here.</div>;
  if (status === "lost") {
    return (
      <div className="banner error" role="alert">
        The connection to the server was lost.{" "}
        {code ? <button type="button" onClick={() => void join({ kind: "token", code })}>Rejoin my seat</button> : "Reload the page to rejoin."}
      </div>
    );
  }
  return null;
}
