import { useOnce } from "../lib/use-once.js";
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

/**
 * A submit for `origin` guarded against double clicks: `run` starts the task
 * only when none is under way, and `busy` stays true until the reply (from
 * this form, or from another request of the same origin).
 */
export function useSubmit(origin: string): [busy: boolean, run: (task: () => Promise<unknown>) => void] {
  const waiting = useBusy(origin);
  const [running, run] = useOnce();
  return [waiting || running, run];
}
