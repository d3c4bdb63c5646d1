import { useStore } from "../store/store.js";

/** The server's refusal of the latest request made from `origin`, shown where it was made. */
export function ErrorNote({ origin }: { origin: string }) {
  const error = useStore((s) => s.errors[origin]);
  if (!error) return null;
  return <p className="field-error" role="alert">{error}</p>;
}

/** True while a request from `origin` waits for its reply. */
export function useBusy(origin: string): boolean {
  return useStore((s) => Boolean(s.busy[origin]));
}
