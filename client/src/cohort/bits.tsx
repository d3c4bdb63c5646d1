import { useEffect, useState } from "react";
import { useCohortError } from "./store.js";
import type { SessionScenario } from "./types.js";

/** The server's refusal of the latest request made from `origin` in the session screens. */
export function CohortErrorNote({ origin }: { origin: string }) {
  const error = useCohortError(origin);
  if (!error) return null;
  return <p className="field-error" role="alert">{error}</p>;
}

/** The time now, refreshed every `ms`: one ticking clock for a screen's countdowns. */
export function useNow(ms = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

/** "12:05" for a duration in milliseconds (never negative). */
export function minutesSeconds(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** A seat's title and side, from the session's scenario list. */
export function seatLabel(scenario: SessionScenario | undefined, seatId: string): string {
  const seat = scenario?.seats.find((s) => s.id === seatId);
  if (!seat) return seatId;
  return `${seat.title} (${seat.side === "procurement" ? "Procurement" : "Sales"})`;
}

/** "discovery-talks" → "Discovery talks": the dashboard has phase ids, not the scenario's titles. */
export function phaseWords(phase: string): string {
  const words = phase.replace(/[-_]+/g, " ").trim();
  return words ? words[0]?.toUpperCase() + words.slice(1) : phase;
}
