import { useId } from "react";
import { useNegotiation, useSeatName } from "../../store/hooks.js";

/** The seats this seat can address: suppliers talk to procurement; procurement to any supplier. */
export function useCounterparts(mySide: string): string[] {
  const n = useNegotiation();
  return n.seats.filter((s) => s.side !== mySide && s.occupant && !s.withdrawn).map((s) => s.id);
}

/** A tender's buyer: procurement facing several bidders, whose information should reach every bidder alike. */
export function useTenderBuyer(mySide: string): boolean {
  const n = useNegotiation();
  return mySide === "procurement" && n.seats.filter((s) => s.side === "sales").length > 1;
}

/** "To": everyone across the table by default (for a tender's buyer: every bidder), or one of them. */
export function RecipientSelect({ mySide, value, onChange, allowAll = true }: { mySide: string; value: string; onChange(v: string): void; allowAll?: boolean }) {
  const id = useId();
  const seatName = useSeatName();
  const others = useCounterparts(mySide);
  const tenderBuyer = useTenderBuyer(mySide);
  if (others.length <= 1 && allowAll) return null;
  return (
    <div className="field inline">
      <label htmlFor={id}>To</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAll ? <option value="">{tenderBuyer ? "Every bidder" : "Everyone at the table"}</option> : null}
        {others.map((s) => <option key={s} value={s}>{seatName(s)}</option>)}
      </select>
    </div>
  );
}

/** `to` for a talk move: omitted means every counterpart. */
export const toField = (value: string) => (value ? { to: [value] } : {});
