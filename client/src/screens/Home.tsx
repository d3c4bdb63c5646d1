import { useEffect, useState } from "react";
import { CreateSession } from "../cohort/CreateSession.js";
import { JoinSession } from "../cohort/JoinSession.js";
import { MySessions } from "../cohort/MySessions.js";
import { useCohortStore } from "../cohort/store.js";
import { fetchScenarios, fetchServerInfo, type ScenarioSummary, type ServerInfo } from "../lib/api.js";
import type { Route } from "../lib/codes.js";
import { protocolVersion } from "../net/protocol-version.js";
import { useStore } from "../store/store.js";
import { FacilitateCard } from "./home/FacilitateCard.js";
import { messageOf } from "./home/fields.js";
import { JoinCard } from "./home/JoinCard.js";
import { MyNegotiations } from "./home/MyNegotiations.js";
import { StartCard } from "./home/StartCard.js";
import { TrainerCard } from "./home/TrainerCard.js";

/**
 * Home: this device's negotiations and debriefs, join by code, start and take
 * a seat, run one as trainer, reopen the facilitator view, or join or run a session.
 */
export function Home({ route }: { route: Route }) {
  const problem = useStore((s) => s.problem);
  const sessionProblem = useCohortStore((s) => s.problem);
  const connectingTable = useStore((s) => s.status === "connecting");
  const connectingSession = useCohortStore((s) => s.status === "connecting");
  const connecting = connectingTable || connectingSession;
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [server, setServer] = useState<ServerInfo | null>(null);

  useEffect(() => {
    fetchScenarios().then(setScenarios, (e: unknown) => setLoadError(`The scenario list could not be loaded: ${messageOf(e)}`));
    Promise.all([fetchServerInfo(), protocolVersion()]).then(([info, expected]) => {
      // A page built for another protocol would send what the server no longer understands.
      if (info.protocol !== expected) useStore.setState({ outdated: true });
      setServer(info);
    }, () => undefined); // the scenario list reports an unreachable server already
  }, []);

  const seatCode = route.kind === "negotiation" ? route.code : null;
  const trainerCode = route.kind === "trainer" ? route.code : null;
  const sessionCode = route.kind === "session" ? route.code : null;
  return (
    <div className="home">
      <section className="hero">
        <h1>Negotiation Simulator</h1>
        <p className="lead">Sit on the other side of the table. Negotiate a tender or a strategic partnership as procurement or as sales, then read a debrief on trust, value and goals.</p>
      </section>
      {problem ? <p className="notice error" role="alert">{problem}</p> : null}
      {sessionProblem ? <p className="notice error" role="alert">{sessionProblem}</p> : null}
      {connecting ? <p className="notice" role="status">Connecting…</p> : null}
      <div className="home-grid">
        {sessionCode ? <JoinSession initialCode={sessionCode} /> : null}
        <MyNegotiations />
        <MySessions />
        <JoinCard initialCode={seatCode} />
        <StartCard scenarios={scenarios} loadError={loadError} />
        <TrainerCard scenarios={scenarios} passcodeRequired={server?.trainerPasscodeRequired ?? false} />
        <FacilitateCard initialCode={trainerCode} />
        {sessionCode ? null : <JoinSession initialCode={null} />}
        <CreateSession scenarios={scenarios} passcodeRequired={server?.trainerPasscodeRequired ?? false} />
      </div>
    </div>
  );
}
