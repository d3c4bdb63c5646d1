/**
 * Request ids. The server answers a repeated ref with its first answer, so a
 * ref must never repeat, not even after a reload: a random per-page prefix
 * (a counter alone restarts at 1 on every page load) plus a counter.
 */
function pagePrefix(): string {
  const words = new Uint32Array(2);
  crypto.getRandomValues(words);
  return Array.from(words, (w) => w.toString(36).padStart(7, "0")).join("");
}

const prefix = pagePrefix();
let counter = 0;

/** A request id unique across page loads, e.g. "0k3j9x21m4q8zz-17" (well under the protocol's 64 characters). */
export function nextRef(): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
