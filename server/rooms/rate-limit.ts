/**
 * A token bucket per client: `perSecond` messages on average, bursts up to
 * twice that. A client over the limit is answered "rate-limited" — never
 * disconnected for it.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(private readonly perSecond: number, private readonly now: () => number) {
    this.tokens = perSecond * 2;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.perSecond * 2, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
