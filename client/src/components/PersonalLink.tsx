import { personalLink } from "../lib/codes.js";
import { useStore } from "../store/store.js";
import { CopyField } from "./CopyField.js";

/** The link that opens this player's seat: the way onto another device, and back after clearing the browser. */
export function usePersonalLink(): string | null {
  const code = useStore((s) => s.me?.code);
  const token = useStore((s) => (s.me?.role === "seat" ? s.me.token : null));
  return code && token ? personalLink(window.location.origin, code, token) : null;
}

export const PERSONAL_LINK_HINT = "Open your seat on another device with this link. Keep it private: anyone who has it can play as you.";

/** The personal rejoin link with a Copy button and one line on what it is for; `withCode` adds the join code, copyable too. */
export function PersonalLink({ withCode = false }: { withCode?: boolean }) {
  const link = usePersonalLink();
  const code = useStore((s) => s.me?.code ?? "");
  if (!link) return null;
  return (
    <div className="personal-link">
      {withCode ? <CopyField label="Join code" value={code} buttonLabel="Copy code" /> : null}
      <CopyField label="Your personal link" value={link} buttonLabel="Copy my link" />
      <p className="hint">{PERSONAL_LINK_HINT}</p>
    </div>
  );
}
