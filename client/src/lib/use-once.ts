import { useCallback, useRef, useState } from "react";

/**
 * Runs one task at a time for a button. The ref guards synchronously: a
 * double click fires twice before React re-renders the button as disabled,
 * and a second "create" would make a second negotiation.
 */
export function useOnce(): [busy: boolean, run: (task: () => Promise<unknown>) => void] {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback((task: () => Promise<unknown>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    void task().finally(() => {
      inFlight.current = false;
      setBusy(false);
    });
  }, []);
  return [busy, run];
}
