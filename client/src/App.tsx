import { lazy, Suspense, useEffect, useState } from "react";
import { joinCohort } from "./cohort/CohortConnection.js";
import { CohortConnectionBanner, SessionBanner, SessionReturn } from "./cohort/SessionLinks.js";
import { useCohortStore } from "./cohort/store.js";
import { ConnectionBanner } from "./components/ConnectionBanner.js";
import { Header } from "./components/Header.js";
import { onNavigate, routeFromPath, type Route } from "./lib/codes.js";
import { savedParticipantToken, savedSeat, savedSessionKey, savedTrainerKey } from "./lib/tokens.js";
import { join, openedArchiveCode } from "./net/connection.js";
import { Home } from "./screens/Home.js";
import { useCurrentPhase } from "./store/hooks.js";
import { useStore } from "./store/store.js";

const Lobby = lazy(() => import("./screens/Lobby.js"));
const BriefScreen = lazy(() => import("./screens/BriefScreen.js"));
const Preparation = lazy(() => import("./screens/Preparation.js"));
const Table = lazy(() => import("./screens/Table.js"));
const Reflection = lazy(() => import("./screens/Reflection.js"));
const DebriefRoute = lazy(() => import("./screens/DebriefRoute.js"));
const Facilitator = lazy(() => import("./screens/Facilitator.js"));
const ArchiveScreen = lazy(() => import("./debrief/ArchiveScreen.js"));
const CohortRoute = lazy(() => import("./cohort/CohortRoute.js"));

export function App() {
  const inRoom = useStore((s) => s.negotiation !== null && s.me !== null);
  const hasArchive = useStore((s) => s.archive !== null);
  const inSession = useCohortStore((s) => s.me !== null);
  const me = useStore((s) => s.me);
  // The route the address names; it follows Back, Forward and the app's own navigate(). Home reads the code from it.
  const [route, setRoute] = useState(() => routeFromPath(window.location.pathname));
  useEffect(() => onNavigate(() => setRoute((before) => sameRoute(before, routeFromPath(window.location.pathname)))), []);
  const here = inRoom && me !== null && routeOpens(route, me.code, me.role === "trainer");
  const archiveHere = hasArchive && (route.kind === "negotiation" || route.kind === "trainer") && openedArchiveCode() === route.code;

  // Opening /n/CODE with a seat token, or /n/CODE/trainer with the trainer key, in this browser goes straight back in —
  // unless that is the connection already open (Back to Home and Forward again keep it).
  useEffect(() => {
    const { me: current, archive } = useStore.getState();
    if ((route.kind === "negotiation" || route.kind === "trainer") && current && routeOpens(route, current.code, current.role === "trainer")) return;
    if ((route.kind === "negotiation" || route.kind === "trainer") && archive && openedArchiveCode() === route.code) return;
    if (route.kind === "negotiation" && savedSeat(route.code)) void join({ kind: "token", code: route.code });
    if (route.kind === "trainer") {
      if (savedTrainerKey(route.code)) void join({ kind: "trainer", code: route.code });
      else useStore.setState({ problem: "This browser has no trainer key for that negotiation. Paste the trainer link below." });
    }
  }, [route]);
  // Sessions open from the address the page was loaded with (their screens keep their own addresses).
  useEffect(() => openSession(routeFromPath(window.location.pathname)), []);

  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      {here ? <Header /> : null}
      <ConnectionBanner />
      {/* At a table the header shows the trainer's banner from the negotiation itself. */}
      {here ? null : <><CohortConnectionBanner /><SessionBanner /></>}
      <main id="main" tabIndex={-1}>
        {here || archiveHere ? <SessionReturn routeCode={route.kind === "negotiation" || route.kind === "trainer" ? route.code : null} /> : null}
        <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
          {here ? <Screen /> : archiveHere ? <ArchiveScreen /> : inSession ? <CohortRoute /> : <Home route={route} />}
        </Suspense>
      </main>
    </>
  );
}

/** Whether the address names the negotiation screen this connection shows. */
function routeOpens(route: Route, code: string, trainer: boolean): boolean {
  return (route.kind === (trainer ? "trainer" : "negotiation")) && "code" in route && route.code === code;
}

/** Keeps the same object for the same address, so effects keyed on the route do not run again. */
function sameRoute(before: Route, next: Route): Route {
  const code = (r: Route) => ("code" in r ? r.code : "");
  return before.kind === next.kind && code(before) === code(next) ? before : next;
}

/**
 * A session's addresses open it with what this browser holds: /s/CODE with a
 * participant token, /s/CODE/trainer or /plenary with the session key.
 */
function openSession(route: Route) {
  if (route.kind === "session" && savedParticipantToken(route.code)) void joinCohort({ kind: "participant", code: route.code });
  if (route.kind === "session-trainer" || route.kind === "session-plenary") {
    if (savedSessionKey(route.code)) void joinCohort({ kind: "trainer", code: route.code, screen: route.kind === "session-plenary" ? "plenary" : "dashboard" });
    else useCohortStore.setState({ problem: "This browser has no trainer key for that session. Open the session trainer link you saved when you created it." });
  }
}

function Screen() {
  const trainer = useStore((s) => s.me?.role === "trainer");
  const status = useStore((s) => s.negotiation?.status);
  const phaseId = useStore((s) => s.negotiation?.phase);
  const phase = useCurrentPhase();
  if (trainer) return <Facilitator />;
  if (status === "finished") return <DebriefRoute />;
  if (phaseId === "lobby" || !phase) return phaseId === "debrief" ? <DebriefRoute /> : <Lobby />;
  if (phase.kind === "briefing") return <BriefScreen />;
  if (phase.kind === "preparation") return <Preparation />;
  if (phase.kind === "reflection") return <Reflection />;
  return <Table />;
}
