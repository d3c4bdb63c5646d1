import type { Scenario } from "../scenario/schema.js";
import { activeSeats, sideOf, type NegotiationContext } from "./context.js";
import { problem, type Problem } from "./messages.js";

/**
 * The seats a seat may address: active seats of the other side. A supplier
 * therefore only ever reaches procurement, and suppliers never see each other.
 */
export function counterparts(scenario: Scenario, ctx: NegotiationContext, seat: string): string[] {
  const side = sideOf(scenario, seat);
  return activeSeats(ctx).filter((s) => s !== seat && sideOf(scenario, s) !== side);
}

/**
 * The recipients of a talk move: `to` checked against the sender's
 * counterparts, or every counterpart when `to` is omitted.
 */
export function resolveRecipients(scenario: Scenario, ctx: NegotiationContext, seat: string, to: unknown): string[] | Problem {
  const allowed = counterparts(scenario, ctx, seat);
  if (to === undefined) return allowed;
  if (!Array.isArray(to) || to.length === 0 || !to.every((t) => typeof t === "string")) {
    return problem("invalid-recipient", "Name at least one recipient, or leave the recipients out to address everyone across the table.");
  }
  const stranger = (to as string[]).find((t) => !allowed.includes(t));
  if (stranger !== undefined) {
    return problem("invalid-recipient", `You cannot address "${stranger}"; you can talk to ${allowed.length > 0 ? allowed.join(", ") : "no one at the moment"}.`);
  }
  return allowed.filter((s) => (to as string[]).includes(s));
}

/** Who sees an entry: the sender first, then its recipients. */
export function audienceOf(seat: string, recipients: readonly string[]): string[] {
  return [seat, ...recipients.filter((r) => r !== seat)];
}
