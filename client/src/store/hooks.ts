import { useCallback } from "react";
import { useStore, type AppState, type NegotiationSnapshot, type SeatSnapshot } from "./store.js";

/** The negotiation snapshot; screens only render once it exists. */
export function useNegotiation(): NegotiationSnapshot {
  const n = useStore((s) => s.negotiation);
  if (!n) throw new Error("useNegotiation outside a negotiation");
  return n;
}

/** One part of the negotiation snapshot, so a component re-renders only when that part changes; like useNegotiation, only inside a negotiation. */
export function useNegotiationPart<T>(select: (n: NegotiationSnapshot, s: AppState) => T): T {
  return useStore((s) => {
    if (!s.negotiation) throw new Error("useNegotiationPart outside a negotiation");
    return select(s.negotiation, s);
  });
}

export function useMySeatId(): string | null {
  return useStore((s) => s.me?.seat ?? null);
}

export function useMySeat(): SeatSnapshot | undefined {
  const id = useMySeatId();
  return useStore((s) => s.negotiation?.seats.find((x) => x.id === id));
}

/** The scenario phase the negotiation is in (undefined in the lobby and after the debrief opens). */
export function useCurrentPhase(): PublicPhase | undefined {
  return useStore((s) => s.negotiation?.scenario.phases.find((p) => p.id === s.negotiation?.phase));
}
export type PublicPhase = NegotiationSnapshot["scenario"]["phases"][number];

/** "Pat (Director of Logistics Procurement)" for a seat id. */
export function useSeatName(): (seatId: string) => string {
  const seats = useStore((s) => s.negotiation?.seats);
  return useCallback(
    (seatId: string) => {
      const seat = seats?.find((x) => x.id === seatId);
      if (!seat) return seatId;
      return seat.displayName ? `${seat.displayName} (${seat.title})` : seat.title;
    },
    [seats],
  );
}

/** "Pat" (the player's name) or, for an empty seat, its organisation: how people name a seat in "Pat's second proposal". */
export function useSeatShortName(): (seatId: string) => string {
  const seats = useStore((s) => s.negotiation?.seats);
  return useCallback(
    (seatId: string) => {
      const seat = seats?.find((x) => x.id === seatId);
      if (!seat) return seatId;
      return seat.displayName || seat.organisation || seat.title;
    },
    [seats],
  );
}
