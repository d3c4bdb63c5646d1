import { z } from "zod";
import { POLL_STAGES, ROLE_POLICIES, type Grouping, type PollAnswer, type RolePolicy } from "../../shared/cohort/types.js";

/** The cohort room's messages, checked by shape before anything else reads them (docs/cohorts.md). */

export const Join = z.object({
  trainerKey: z.string().max(128).optional(),
  token: z.string().max(128).optional(),
  name: z.unknown().optional(),
  function: z.enum(["sales", "procurement", "other"]).optional(),
  /** Self-select: the side the participant would like to play. */
  preference: z.enum(["procurement", "sales"]).optional(),
});

export const Poll = z.object({ ref: z.string().max(64), stage: z.enum(["before", "after"]), word: z.string().max(40), attitude: z.int().min(1).max(7) });
export const Control = z.object({
  ref: z.string().max(64),
  control: z.discriminatedUnion("type", [
    z.object({ type: z.literal("group.auto") }),
    z.object({ type: z.literal("group.move"), participant: z.string().max(64), table: z.string().max(16), seat: z.string().max(64) }),
    z.object({ type: z.literal("tables.open") }),
    z.object({ type: z.literal("start"), table: z.string().max(16).optional() }),
    z.object({ type: z.literal("pause"), table: z.string().max(16).optional() }),
    z.object({ type: z.literal("resume"), table: z.string().max(16).optional() }),
    z.object({ type: z.literal("extend"), table: z.string().max(16).optional(), minutes: z.int().min(1).max(60) }),
    z.object({ type: z.literal("broadcast"), text: z.string().max(500) }),
    z.object({ type: z.literal("market"), event: z.string().max(64), table: z.string().max(16).optional() }),
    z.object({ type: z.literal("end") }),
  ]),
});
export const PlenaryRequest = z.object({ ref: z.string().max(64), showNames: z.boolean() });
export type CohortControl = z.infer<typeof Control>["control"];


export function isPoll(x: unknown): x is PollAnswer {
  return typeof x === "object" && x !== null && "stage" in x && POLL_STAGES.some((s) => s === x.stage);
}

/** The grouping and table codes as saveGrouping stored them, or null for a cohort not grouped yet. */
export function storedGrouping(x: unknown): { grouping: Grouping; codes: Record<string, string> } | null {
  if (typeof x !== "object" || x === null || !("grouping" in x) || !("codes" in x)) return null;
  const { grouping, codes } = x;
  if (typeof grouping !== "object" || grouping === null || !("tables" in grouping) || !Array.isArray(grouping.tables)) return null;
  if (typeof codes !== "object" || codes === null) return null;
  const table: Record<string, string> = {};
  for (const [k, v] of Object.entries(codes)) if (typeof v === "string") table[k] = v;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the room stored it from a Grouping (saveGrouping); only its envelope is checked here
  return { grouping: grouping as Grouping, codes: table };
}

export function policyOf(policy: string): RolePolicy {
  return ROLE_POLICIES.find((p) => p === policy) ?? "balanced";
}

/** A stable seed from the cohort code: the same roster groups the same way every time. */
export function hashSeed(code: string): number {
  let h = 2166136261;
  for (const c of code) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}
