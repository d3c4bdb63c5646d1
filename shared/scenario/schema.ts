import { z } from "zod";

/**
 * The scenario format. One zod schema is the single source of truth: the
 * loader validates YAML with it, the JSON Schema in scenarios/ is generated
 * from it, and every type the machine and scoring use is inferred from it.
 * Cross-references (issue ids, option ids, seat ids…) are checked by
 * `checkReferences` in references.ts, because zod checks shapes, not links.
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "use lower-case letters, digits and dashes, starting with a letter (e.g. unit-price)")
  .describe("A stable identifier: lower-case letters, digits and dashes.");

const text = z.string().trim().min(1, "must not be empty");

export const SIDES = ["procurement", "sales"] as const;
export const SideSchema = z.enum(SIDES).describe("Which side of the table: the buyer (procurement) or a supplier (sales).");

export const SCENARIO_KINDS = ["commodity-bid", "strategic-partnership"] as const;

export const LEVER_CATEGORIES = [
  "productivity",
  "consumption",
  "waste",
  "freight",
  "working-capital",
  "cycle-time",
  "revenue",
  "risk-reduction",
] as const;

export const RISK_CATEGORIES = ["operational", "financial", "information-security"] as const;

/** Kinds of phase the machine knows how to run. Their default moves are in phase-rules.ts. */
export const PHASE_KINDS = [
  "briefing",
  "preparation",
  "discovery",
  "negotiation",
  "rfq",
  "sealed-bid",
  "award",
  "reflection",
] as const;

/** Every move a seat can make. The phase decides which are open to which side. */
export const MOVE_TYPES = [
  "phase.ready",
  "objectives.set",
  "plan.set",
  "guess.set",
  "chat.send",
  "question.ask",
  "question.answer",
  "fact.disclose",
  "value.argue",
  "risk.raise",
  "risk.address",
  "stakeholder.contact",
  "rfq.issue",
  "offer.propose",
  "offer.accept",
  "offer.reject",
  "bid.submit",
  "award.make",
  "walkaway",
  "reflection.submit",
] as const;
export const MoveTypeSchema = z.enum(MOVE_TYPES);

export const OptionSchema = z.object({
  id,
  label: text.describe("What the option says, as players read it (e.g. \"Net 60 days\")."),
  description: z.string().optional(),
  secondSourceOnly: z
    .boolean()
    .default(false)
    .describe("Tender only: the share the runner-up gets as second source (see `secondSource`); no bid or offer may name it, and the deal-zone analysis leaves it out."),
});

export const IssueSchema = z.object({
  id,
  name: text,
  description: z.string().optional(),
  options: z.array(OptionSchema).min(2, "an issue needs at least two options").describe("Ordered as they should be shown, e.g. from cheapest to dearest."),
  price: z
    .boolean()
    .default(false)
    .describe("This issue is the price (unit price, rate level): talk about it is price talk, and the debrief weighs it against value talk."),
  words: z
    .array(text)
    .default([])
    .describe("Phrases that mean talking about this issue, beside its name and option labels (e.g. \"rate cut\", \"discount\"). Matched whole-word, case-insensitive."),
});

/** Points per option of each issue: `{ issueId: { optionId: points } }`. Every issue and option must be scored. */
export const ScoringTableSchema = z.record(z.string(), z.record(z.string(), z.number()));

/**
 * What each option is worth to one side in money, per year, against today's
 * terms (positive: better for this side). Additive like the points, so a
 * package's money is the sum over its options. `scenarios:check` compares
 * the ranking of packages by points with their ranking by money.
 */
export const MoneySchema = z.object({
  unit: text.describe("The money unit, e.g. \"EUR per year\" or \"USD per year\"."),
  basis: z.string().optional().describe("How the figures were worked out (volumes, rates, financing cost), for trainers who must defend them."),
  options: ScoringTableSchema.describe("Money per option of each issue: `{ issueId: { optionId: amount } }`. Every issue and option must be valued."),
});

export const PrivateFactSchema = z.object({
  id,
  text: text.describe("The fact as the counterpart will read it once disclosed."),
  leverageCost: z.enum(["none", "low", "medium", "high"]).default("low").describe("How much bargaining leverage disclosing it gives away."),
});

export const BriefSchema = z.object({
  story: text.describe("The private background this seat reads (Markdown)."),
  interests: z.array(text).min(1),
  scoring: ScoringTableSchema,
  batna: z.object({
    description: text,
    points: z.number().describe("Points this seat gets with no deal: its reservation value. A rational player accepts nothing worth less."),
  }),
  money: MoneySchema.optional().describe("What each option is worth to this side in money: the money behind the points."),
  privateFacts: z.array(PrivateFactSchema).default([]),
  hopesToLearn: z.array(text).default([]).describe("What this seat hopes to find out from the other side."),
});

export const SeatSchema = z.object({
  id,
  side: SideSchema,
  title: text.describe("Who the player is, e.g. \"Category manager, Packaging\"."),
  organisation: text,
  optional: z.boolean().default(false).describe("An optional seat may stay empty: the negotiation can start without it."),
  brief: BriefSchema,
});

export const IssueOutcomeSchema = z.object({
  issue: id,
  options: z.array(id).min(1),
});

export const ObjectiveSchema = z.object({
  id,
  side: SideSchema,
  label: text,
  description: z.string().optional(),
  servedBy: z
    .array(IssueOutcomeSchema)
    .default([])
    .describe("Deal terms that serve this objective: it is served when the agreement picks one of the listed options for every listed issue."),
  threshold: z
    .object({
      atLeast: z.number().describe("The least money (in the side's `money` unit) the agreement must be worth to this side."),
      label: text.describe("The target as players say it, e.g. \"5 % of $46 M logistics cost\"."),
    })
    .optional()
    .describe("A money target: served when the agreement is worth at least this much to the objective's side (with `servedBy`, both must hold)."),
});

export const AlignmentSchema = z.object({
  objectives: z.tuple([id, id]).describe("One procurement and one sales objective."),
  relation: z.enum(["aligned", "conflict"]).describe("Pairs not listed are neutral."),
  why: z.string().optional(),
});

export const FigureSchema = z.object({
  low: z.number(),
  high: z.number(),
  unit: text.describe("e.g. \"%\", \"EUR per year\", \"days\"."),
});

export const ValueLeverSchema = z.object({
  id,
  category: z.enum(LEVER_CATEGORIES),
  title: text,
  claim: text.describe("The value argument in the scenario's own words, with its figure."),
  figure: FigureSchema.optional().describe("The honest range of the quantified benefit. A claim above `high` is an overclaim."),
  knownTo: z.array(id).min(1).describe("Seat ids that know about this lever from their brief."),
  servesObjectives: z.array(id).default([]),
  realisedBy: z.array(IssueOutcomeSchema).default([]).describe("Deal terms that carry this value into the contract (non-price value)."),
  worth: z
    .object({ side: SideSchema, low: z.number(), high: z.number() })
    .optional()
    .describe("What the lever is worth a year to one side, in that side's money unit: `scenarios:check` warns when the terms that carry it do not add that money (or any points) for that side."),
  yearOne: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe("Share of the lever's worth that materialises in the first contract year when it is carried into the deal (default 0.5, before risks; see docs/scoring.md)."),
});

export const RiskSchema = z.object({
  id,
  category: z.enum(RISK_CATEGORIES),
  title: text,
  description: text,
  mitigatedBy: z.array(IssueOutcomeSchema).default([]).describe("Deal terms that address the risk."),
  mitigations: z
    .array(z.object({ id, text: text.describe("A concrete commitment, e.g. \"Phased go-live: one region at a time, outside peak season\".") }))
    .default([])
    .describe("Concrete mitigations a seat may commit to when it answers the risk at the table, beside the deal terms in `mitigatedBy`."),
  bites: z
    .object({
      chance: z.number().min(0).max(1).describe("Chance, within the first contract year, that the risk happens when nobody answered it at the table and no deal term mitigates it."),
      cost: z.partialRecord(SideSchema, z.number().min(0)).describe("What it costs each side when it happens, in that side's money unit."),
      what: text.describe("What happens, as the year-later view tells it, e.g. \"a peak-season cut-over misses six weeks of shipments\"."),
    })
    .optional()
    .describe("The year after signing: what an unanswered risk costs in expectation (chance × cost)."),
});

export const SecondSourceSchema = z
  .object({
    issue: id.describe("The issue that carries the main supplier's share, e.g. volume-share."),
    remainder: z
      .record(z.string(), id.nullable())
      .describe("For each share option the award can carry, the option the runner-up is scored with as second source (null: nothing is left for a second source)."),
  })
  .describe("Tender rule: the share the award leaves goes to the runner-up of the last sealed round, on its last bid's other terms.");

export const PhaseSchema = z.object({
  id,
  kind: z.enum(PHASE_KINDS),
  title: text,
  minutes: z.number().positive().max(24 * 60),
  instructions: z.string().optional().describe("Shown to every seat during the phase."),
  moves: z
    .partialRecord(SideSchema, z.array(MoveTypeSchema))
    .optional()
    .describe("Override the moves each side may make in this phase (defaults depend on the phase kind)."),
  advance: z
    .enum(["all-ready", "procurement"])
    .optional()
    .describe("Who ends the phase early: when every seat is ready (default), or the procurement seat alone (e.g. closing a bid round)."),
});

export const StakeholderSchema = z.object({
  name: text,
  title: text,
  response: text.describe("What the stakeholder tells the sales seat who contacts them."),
  trustPenalty: z.number().min(0).max(100).default(25).describe("Trust points the bypass costs with procurement."),
  tells: z
    .enum(["never", "within-the-year"])
    .default("within-the-year")
    .describe("Whether the stakeholder tells procurement about a bypass: the year-later view then counts it against the renewal."),
});

/** The year after signing (strategic partnerships): the money that rides on the renewal, per side. */
export const YearLaterSchema = z
  .object({
    renewal: z
      .partialRecord(SideSchema, z.object({
        extended: z.number().describe("Money to this side a year later when the contract is extended as signed."),
        expanded: z.number().describe("… when it is extended and expanded (more scope)."),
        retendered: z.number().describe("… when the buyer re-tenders it (negative: the cost of losing it, or of running a new tender)."),
      }))
      .describe("What each renewal outcome is worth to each side, in its money unit."),
    basis: z.string().optional().describe("Where these figures come from, for trainers."),
  })
  .describe("Strategic partnerships: the figures the year-later view plays the agreement forward with.");

/** For the trainer only: what to expect, what to ask, what to show the room. Never sent to a participant. */
export const TeachingNotesSchema = z.object({
  expected: text.describe("Typical results: deal ranges, how often groups reach a deal, what a strong result looks like (Markdown)."),
  trap: text.describe("The trap most groups fall into, and how it shows in the numbers."),
  questions: z.array(text).min(1).describe("Discussion questions for the debrief."),
  showTheRoom: z.array(text).min(1).describe("Which debrief numbers to put on the screen, and why."),
});

export const MarketEventSchema = z.object({
  id,
  title: text.describe("A headline, e.g. \"Resin prices jump 18 %\"."),
  text: text.describe("What every seat reads when the trainer announces it (Markdown): the new facts and what they change."),
  note: z.string().optional().describe("For the trainer only: why to use it and what it tests."),
});

export const CoachingSchema = z.object({
  summary: text,
  procurement: z.array(text).min(1),
  sales: z.array(text).min(1),
  keyLessons: z.array(text).default([]),
});

export const ScenarioSchema = z
  .object({
    id,
    version: z.int().positive().describe("Bump when the content changes: stored negotiations keep the version they were played with."),
    title: text,
    kind: z.enum(SCENARIO_KINDS).describe("commodity-bid: a leverage purchase run as a competitive tender. strategic-partnership: a high-impact relationship built on trust."),
    summary: text,
    durationMinutes: z.number().positive(),
    learningGoals: z.array(text).min(1),
    context: text.describe("The public context every seat reads (Markdown)."),
    spec: z.string().optional().describe("Commodity bid: the specification issued with the RFQ."),
    seats: z.array(SeatSchema).min(2),
    issues: z.array(IssueSchema).min(1),
    objectives: z.array(ObjectiveSchema).default([]),
    alignments: z.array(AlignmentSchema).default([]),
    objectivesPerSide: z.int().min(1).max(5).default(3),
    valueLevers: z.array(ValueLeverSchema).default([]),
    risks: z.array(RiskSchema).default([]),
    phases: z.array(PhaseSchema).min(2),
    stakeholder: StakeholderSchema.optional(),
    secondSource: SecondSourceSchema.optional(),
    agreement: z
      .object({
        name: text.describe("What an agreement is, as players say it: \"heads of terms\", \"a one-year supply contract\"."),
        condition: z.string().optional().describe("What it is subject to, e.g. \"the CISO's security review (6–8 weeks)\"."),
      })
      .optional()
      .describe("What the parties sign when they agree (default: an agreement)."),
    yearLater: YearLaterSchema.optional(),
    teachingNotes: TeachingNotesSchema.optional().describe("For trainers: shown in the facilitator view and the cohort plenary, never to participants."),
    marketEvents: z.array(MarketEventSchema).default([]).describe("News the trainer may announce mid-negotiation to every table of this scenario (a price shock, a supply scare)."),
    coaching: CoachingSchema,
  })
  .describe("A negotiation exercise: who sits at the table, what they negotiate and what each side privately wants.");

export type Side = z.infer<typeof SideSchema>;
export type MoveType = z.infer<typeof MoveTypeSchema>;
export type PhaseKind = (typeof PHASE_KINDS)[number];
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Seat = Scenario["seats"][number];
export type Brief = Seat["brief"];
export type Issue = Scenario["issues"][number];
export type Objective = Scenario["objectives"][number];
export type ValueLever = Scenario["valueLevers"][number];
export type Risk = Scenario["risks"][number];
export type MarketEvent = Scenario["marketEvents"][number];
export type Phase = Scenario["phases"][number];
export type IssueOutcome = z.infer<typeof IssueOutcomeSchema>;
/** An agreement or proposal: one option id per issue id. */
export type Package = Record<string, string>;
