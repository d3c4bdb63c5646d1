import { useEffect } from "react";
import { useStore } from "../store/store.js";
import { joinCohort } from "./CohortConnection.js";
import { markTableDone, sessionOfTable } from "./saved.js";
import { useCohortStore } from "./store.js";
import "./cohort-base.css";

/** The trainer's latest broadcast on a participant's session screen (at a table, the negotiation's header shows it). */
export function SessionBanner() {
  const banner = useCohortStore((s) => s.session?.banner ?? null);
  // The trainer's dashboard says what is showing; the projector stays clear of it.
  const participant = useCohortStore((s) => s.me?.role === "participant");
  if (!banner?.text || !participant) return null;
  return <div className="banner session-banner" role="status"><span className="banner-from">From your trainer:</span> {banner.text}</div>;
}

/**
 * At a table of a session: for a participant whose negotiation has reached
 * its debrief, the way back to the session for the after poll; for the
 * trainer watching a table, the way back to the dashboard.
 */
export function SessionReturn({ routeCode }: { routeCode: string | null }) {
  const code = useStore((s) => s.me?.code ?? routeCode);
  const trainer = useStore((s) => s.me?.role === "trainer");
  const finished = useStore((s) => s.negotiation?.status === "finished" || s.negotiation?.phase === "debrief" || (s.archive !== null && s.archive.seat !== null));
  const session = code ? sessionOfTable(code) : null;
  useEffect(() => {
    if (code && session && finished && !trainer) markTableDone(code);
  }, [code, session, finished, trainer]);
  if (!session) return null;
  if (trainer) return <p className="session-return"><a href={`/s/${session}/trainer`}>← Back to the session dashboard</a></p>;
  if (!finished) return null;
  return (
    <p className="session-return notice">
      Your negotiation is over. <a href={`/s/${session}`}>Back to the session: answer the after poll</a>
    </p>
  );
}

/** The session connection's health, when no negotiation banner already speaks for it. */
export function CohortConnectionBanner() {
  const status = useCohortStore((s) => s.status);
  const code = useCohortStore((s) => s.me?.code);
  const trainer = useCohortStore((s) => s.me?.role === "trainer");
  const screen = useCohortStore((s) => s.screen);
  if (status === "reconnecting") return <div className="banner warn" role="status">Connection to the session lost — reconnecting…</div>;
  if (status === "reconnected") return <div className="banner ok" role="status">Reconnected to the session.</div>;
  if (status !== "lost") return null;
  return (
    <div className="banner error" role="alert">
      The connection to the session was lost.{" "}
      {code ? <button type="button" onClick={() => void joinCohort(trainer ? { kind: "trainer", code, screen: screen === "plenary" ? "plenary" : "dashboard" } : { kind: "participant", code })}>Reconnect</button> : "Reload the page to reconnect."}
    </div>
  );
}
