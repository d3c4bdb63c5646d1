import { lazy, Suspense, useEffect, useState } from "react";
import { ConnectionBanner } from "./components/ConnectionBanner.js";
import { Header } from "./components/Header.js";
import { routeFromPath } from "./lib/codes.js";
import { savedSeat, savedTrainerKey } from "./lib/tokens.js";
import { join } from "./net/connection.js";
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

export function App() {
  const inRoom = useStore((s) => s.negotiation !== null && s.me !== null);
  const hasArchive = useStore((s) => s.archive !== null);
  // The route as the page was opened; Home reads the code from it.
  const [route] = useState(() => routeFromPath(window.location.pathname));

  // Opening /n/CODE with a seat token, or /n/CODE/trainer with the trainer key, in this browser goes straight back in.
  useEffect(() => {
    if (route.kind === "negotiation" && savedSeat(route.code)) void join({ kind: "token", code: route.code });
    if (route.kind === "trainer") {
      if (savedTrainerKey(route.code)) void join({ kind: "trainer", code: route.code });
      else useStore.setState({ problem: "This browser has no trainer key for that negotiation. Paste the trainer link below." });
    }
  }, [route]);

  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      {inRoom ? <Header /> : null}
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
          {inRoom ? <Screen /> : hasArchive ? <ArchiveScreen /> : <Home route={route} />}
        </Suspense>
      </main>
    </>
  );
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
