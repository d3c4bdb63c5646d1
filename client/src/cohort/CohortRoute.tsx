import { lazy } from "react";
import { useCohortStore } from "./store.js";
import "./cohort.css";

const Dashboard = lazy(() => import("./Dashboard.js"));
const Plenary = lazy(() => import("./Plenary.js"));
const ParticipantWait = lazy(() => import("./ParticipantWait.js"));

/** The session screens: the trainer's dashboard or plenary, or a participant's waiting screen. */
export default function CohortRoute() {
  const role = useCohortStore((s) => s.me?.role);
  const screen = useCohortStore((s) => s.screen);
  const ready = useCohortStore((s) => s.session !== null);
  if (!role || !ready) return <p className="loading" role="status"><span className="spinner" aria-hidden="true" /> Opening the session…</p>;
  if (role === "trainer") return screen === "plenary" ? <Plenary /> : <Dashboard />;
  return <ParticipantWait />;
}
