/** The presence channel a cohort's tables publish their dashboard summaries on (works across processes with Redis). */
export function cohortChannel(cohortId: string): string {
  return `cohort:${cohortId}:tables`;
}
