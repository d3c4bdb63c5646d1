/** Seat tokens kept in this browser, by join code: what brings a player back to the seat after a refresh. */
const key = (code: string) => `negotiation-seat:${code.toUpperCase()}`;

export interface SavedSeat {
  token: string;
  seat: string | null;
  name: string;
}

export function savedSeat(code: string): SavedSeat | null {
  try {
    const raw = localStorage.getItem(key(code));
    return raw ? (JSON.parse(raw) as SavedSeat) : null;
  } catch {
    return null;
  }
}

export function saveSeat(code: string, seat: SavedSeat): void {
  localStorage.setItem(key(code), JSON.stringify(seat));
}

export function forgetSeat(code: string): void {
  localStorage.removeItem(key(code));
}
