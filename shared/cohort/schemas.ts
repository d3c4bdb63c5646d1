import { z } from "zod";
import { PARTICIPANT_FUNCTIONS, POLL_STAGES, ROLE_POLICIES, type ParticipantFunction, type PollAnswer, type RolePolicy } from "./types.js";

/** Schemas for cohort input that arrives from the wire (the poll, a participant's function, the policy). */

export const ParticipantFunctionSchema: z.ZodType<ParticipantFunction> = z.enum(PARTICIPANT_FUNCTIONS);
export const RolePolicySchema: z.ZodType<RolePolicy> = z.enum(ROLE_POLICIES);

export const PollAnswerSchema = z.object({
  stage: z.enum(POLL_STAGES),
  word: z.string().trim().min(1, "give one word").max(40, "keep it to a word or two (40 characters at most)"),
  attitude: z.int("answer with a whole number from 1 to 7").min(1, "answer from 1 to 7").max(7, "answer from 1 to 7"),
}) satisfies z.ZodType<PollAnswer>;
