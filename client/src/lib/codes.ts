/**
 * Join codes and the two kinds of private link. Codes are 8 characters from
 * an alphabet without look-alikes; people read them aloud and type them with
 * spaces or a dash, so input is normalised before use.
 */

/** "k7m2-qx9p " → "K7M2QX9P". */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]+/g, "").toUpperCase();
}

/** A player's personal rejoin link: the token rides in the fragment, which the browser never sends to a server. */
export function personalLink(origin: string, code: string, token: string): string {
  return `${origin}/n/${code}#token=${encodeURIComponent(token)}`;
}

/** The trainer's link: whoever holds it controls the negotiation. */
export function trainerLink(origin: string, code: string, key: string): string {
  return `${origin}/n/${code}/trainer#key=${encodeURIComponent(key)}`;
}

/** A participant's link into a session (a cohort): it reopens their waiting screen, poll and table. */
export function sessionLink(origin: string, code: string, token: string): string {
  return `${origin}/s/${code}#token=${encodeURIComponent(token)}`;
}

/** The session trainer's link: whoever holds it runs the session and every one of its tables. */
export function sessionTrainerLink(origin: string, code: string, key: string): string {
  return `${origin}/s/${code}/trainer#key=${encodeURIComponent(key)}`;
}

export type Route =
  | { kind: "home" }
  | { kind: "negotiation"; code: string }
  | { kind: "trainer"; code: string }
  | { kind: "session"; code: string }
  | { kind: "session-trainer"; code: string }
  | { kind: "session-plenary"; code: string };

/**
 * What the address names: /n/CODE (a seat), /n/CODE/trainer (the facilitator view),
 * /s/CODE (a session participant), /s/CODE/trainer (the dashboard) or /s/CODE/plenary.
 */
export function routeFromPath(pathname: string): Route {
  const session = /^\/s\/([A-Za-z0-9-]{4,16})(\/trainer|\/plenary)?\/?$/.exec(pathname);
  if (session?.[1]) {
    const code = normaliseCode(session[1]);
    if (session[2] === "/trainer") return { kind: "session-trainer", code };
    if (session[2] === "/plenary") return { kind: "session-plenary", code };
    return { kind: "session", code };
  }
  const m = /^\/n\/([A-Za-z0-9-]{4,16})(\/trainer)?\/?$/.exec(pathname);
  if (!m?.[1]) return { kind: "home" };
  const code = normaliseCode(m[1]);
  return m[2] ? { kind: "trainer", code } : { kind: "negotiation", code };
}

/** The value of `name` in a `#a=b&c=d` fragment. */
export function fragmentValue(hash: string, name: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get(name);
  return value ? value : null;
}

/**
 * What the Facilitate field was given: a whole trainer link (code and key
 * together) or a bare key, which then needs the code from its own field.
 */
export function parseTrainerInput(input: string): { code: string | null; key: string } | null {
  const text = input.trim();
  if (!text) return null;
  if (/^https?:\/\//i.test(text) || text.startsWith("/n/")) {
    try {
      const url = new URL(text, "http://link.invalid");
      const route = routeFromPath(url.pathname);
      const key = fragmentValue(url.hash, "key");
      if (route.kind !== "trainer" || !key) return null;
      return { code: route.code, key };
    } catch {
      return null;
    }
  }
  return { code: null, key: text };
}

/** The address of a negotiation screen: the seat's (lobby, table, debrief) or the facilitator view. */
export function negotiationPath(code: string, trainer: boolean): string {
  return trainer ? `/n/${code}/trainer` : `/n/${code}`;
}

const NAVIGATED = "app:navigate";

/**
 * Moves the app to another screen's address: a new history entry (so Back
 * returns), or with `replace` the same entry. The App listens (onNavigate)
 * as it does to Back and Forward.
 */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (window.location.pathname !== path) {
    if (replace) history.replaceState(null, "", path);
    else history.pushState(null, "", path);
  }
  window.dispatchEvent(new Event(NAVIGATED)); // also when the address was already right: the App may not have read it yet
}

/** Calls `listener` on Back, Forward and navigate(); returns the unsubscribe. */
export function onNavigate(listener: () => void): () => void {
  window.addEventListener("popstate", listener);
  window.addEventListener(NAVIGATED, listener);
  return () => {
    window.removeEventListener("popstate", listener);
    window.removeEventListener(NAVIGATED, listener);
  };
}
