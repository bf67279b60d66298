import "server-only";
import { getDb, type Db } from "./db";

/**
 * A limiter whose counters live in the database (table RateLimitBucket: one row per key and
 * minute), so that every app instance on one database counts the same attempts: N instances
 * behind a load balancer allow the limit once, not N times. Times are the database's clock.
 */
export class SharedRateLimiter {
  constructor(
    readonly limit: number,
    readonly windowMinutes: number,
    private readonly db: () => Db = getDb,
  ) {}

  /** Seconds until `key` may act again, without recording anything; 0 when allowed now. */
  async check(key: string): Promise<number> {
    const [row] = await this.db().$queryRaw<{ total: bigint | null; waitSeconds: number | null }[]>`
      SELECT sum(count)::bigint AS total,
             ceil(extract(epoch FROM (min(minute) + make_interval(mins => ${this.windowMinutes}::int) - now())))::int AS "waitSeconds"
      FROM "RateLimitBucket"
      WHERE key = ${key} AND minute > now() - make_interval(mins => ${this.windowMinutes}::int)`;
    if (!row || Number(row.total ?? 0) < this.limit) return 0;
    return Math.max(1, row.waitSeconds ?? 1);
  }

  /** Records one attempt of `key`. */
  async hit(key: string): Promise<void> {
    await this.db().$executeRaw`
      INSERT INTO "RateLimitBucket" (key, minute, count) VALUES (${key}, date_trunc('minute', now()), 1)
      ON CONFLICT (key, minute) DO UPDATE SET count = "RateLimitBucket".count + 1`;
    // Now and then, forget what no window can see any more.
    if (Math.random() < 0.01) {
      await this.db().$executeRaw`DELETE FROM "RateLimitBucket" WHERE minute < now() - interval '1 day'`;
    }
  }

  async reset(key: string): Promise<void> {
    await this.db().$executeRaw`DELETE FROM "RateLimitBucket" WHERE key = ${key}`;
  }
}

/** Failed logins: 10 per email and 30 per address in 15 minutes; invalid API tokens: 20 per address. */
export const limiters = {
  loginEmail: new SharedRateLimiter(10, 15),
  loginIp: new SharedRateLimiter(30, 15),
  badTokenIp: new SharedRateLimiter(Number(process.env.LAUNCHGATE_BAD_TOKEN_LIMIT) || 20, 15),
};
