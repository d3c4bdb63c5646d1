import { lazy, Suspense, useEffect } from "react";
import { ConnectionBanner } from "./components/ConnectionBanner.js";
import { Header } from "./components/Header.js";
import { join } from "./net/connection.js";
import { savedSeat } from "./lib/tokens.js";
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
const DebriefScreen = lazy(() => import("./debrief/DebriefScreen.js"));

/** The code in a /n/CODE link, if the page was opened with one. */
export function codeFromPath(): string | null {
  const m = /^\/n\/([A-Za-z0-9]{4,12})\/?$/.exec(window.location.pathname);
  return m ? m[1]!.toUpperCase() : null;
}

export function App() {
  const inRoom = useStore((s) => s.negotiation !== null && s.me !== null);
  const archive = useStore((s) => s.archive);

  // A refresh of /n/CODE with a seat token in this browser returns to the same seat.
  useEffect(() => {
    const code = codeFromPath();
    if (code && savedSeat(code)) void join({ kind: "token", code });
  }, []);

  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      {inRoom ? <Header /> : null}
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
          {inRoom ? <Screen /> : archive ? <DebriefScreen view={archive.debrief} scenario={archive.scenario} seat={archive.seat} briefs={archive.briefs} log={archive.log} seatNames={archive.seatNames} /> : <Home initialCode={codeFromPath()} />}
        </Suspense>
      </main>
    </>
  );
}

function Screen() {
  const seat = useStore((s) => s.me?.seat ?? null);
  const status = useStore((s) => s.negotiation?.status);
  const phaseId = useStore((s) => s.negotiation?.phase);
  const phase = useCurrentPhase();
  if (seat === null) return <Facilitator />;
  if (status === "finished") return <DebriefRoute />;
  if (phaseId === "lobby" || !phase) return phaseId === "debrief" ? <DebriefRoute /> : <Lobby />;
  if (phase.kind === "briefing") return <BriefScreen />;
  if (phase.kind === "preparation") return <Preparation />;
  if (phase.kind === "reflection") return <Reflection />;
  return <Table />;
}
