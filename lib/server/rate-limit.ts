import "server-only";

/**
 * A sliding-window limiter held in process memory: enough for one app process; behind several
 * instances each keeps its own window (documented in the README).
 */
export class RateLimiter {
  private hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a hit; returns 0 when allowed, else the seconds until the next hit is allowed. */
  hit(key: string, now = Date.now()): number {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      return Math.max(1, Math.ceil((list[0] + this.windowMs - now) / 1000));
    }
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 50_000) this.prune(since);
    return 0;
  }

  /** Seconds until `key` may act again without recording anything; 0 when allowed now. */
  check(key: string, now = Date.now()): number {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    return list.length >= this.limit ? Math.max(1, Math.ceil((list[0] + this.windowMs - now) / 1000)) : 0;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private prune(since: number): void {
    for (const [k, v] of this.hits) if (!v.some((t) => t > since)) this.hits.delete(k);
  }
}

const g = globalThis as unknown as { launchgateLimiters?: Record<string, RateLimiter> };
g.launchgateLimiters ??= {
  loginEmail: new RateLimiter(10, 15 * 60_000),
  loginIp: new RateLimiter(30, 15 * 60_000),
  badTokenIp: new RateLimiter(Number(process.env.LAUNCHGATE_BAD_TOKEN_LIMIT) || 20, 15 * 60_000),
};
export const limiters = g.launchgateLimiters;
