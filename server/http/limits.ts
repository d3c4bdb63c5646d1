/**
 * Rate limits per client address, for what strangers can do before they
 * hold a seat: create negotiations, look codes up, join. A token bucket per
 * (action, address); the table is bounded so a flood of addresses cannot
 * grow memory without limit (the oldest entries go first).
 */
export interface LimitRule {
  /** Requests allowed in a burst. */
  burst: number;
  /** Requests regained per minute. */
  perMinute: number;
}

export type LimitedAction = "create" | "lookup" | "join";

/**
 * A classroom often shares one address (an office network): the bursts let a
 * room of 60 join at once. Guessing stays hopeless: at 120 lookups a minute,
 * a day of trying finds one of 1,000 live 8-character codes with odds of
 * about 1 in 6,000.
 */
export const DEFAULT_LIMITS: Record<LimitedAction, LimitRule> = {
  create: { burst: 20, perMinute: 20 },
  lookup: { burst: 120, perMinute: 120 },
  join: { burst: 60, perMinute: 60 },
};

/** The default limits multiplied by `scale` (RATE_LIMIT_SCALE). */
export function scaledLimits(scale: number): Record<LimitedAction, LimitRule> {
  const s = (r: LimitRule): LimitRule => ({ burst: Math.max(1, Math.round(r.burst * scale)), perMinute: r.perMinute * scale });
  return { create: s(DEFAULT_LIMITS.create), lookup: s(DEFAULT_LIMITS.lookup), join: s(DEFAULT_LIMITS.join) };
}

const MAX_TRACKED = 20_000;

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class AddressLimits {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rules: Record<LimitedAction, LimitRule> = DEFAULT_LIMITS, private readonly now: () => number = Date.now) {}

  /** Spends one request of `action` for `address`; says how long to wait when none is left. */
  take(action: LimitedAction, address: string | undefined): LimitVerdict {
    const rule = this.rules[action];
    const key = `${action}:${address ?? "unknown"}`;
    const t = this.now();
    const rate = rule.perMinute / 60_000;
    const held = this.buckets.get(key);
    const tokens = held ? Math.min(rule.burst, held.tokens + (t - held.at) * rate) : rule.burst;
    this.buckets.delete(key); // re-inserted last: Map order is then least recently used first
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: t });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / rate / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: t });
    if (this.buckets.size > MAX_TRACKED) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    return { ok: true };
  }
}
