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

/**
 * The longest wait of several checks in one query (a sign-in checks its email and its address:
 * one round trip and one connection, not two).
 */
export async function checkAll(checks: { limiter: SharedRateLimiter; key: string }[], db: () => Db = getDb): Promise<number> {
  const minutes = Math.max(...checks.map((c) => c.limiter.windowMinutes));
  // Times stay in the database's clock (and time zone): seconds until the oldest hit leaves the window.
  const rows = await db().$queryRaw<{ key: string; total: bigint; waitSeconds: number }[]>`
    SELECT key, sum(count)::bigint AS total,
           ceil(extract(epoch FROM (min(minute) + make_interval(mins => ${minutes}::int) - now())))::int AS "waitSeconds"
    FROM "RateLimitBucket"
    WHERE key = ANY(${checks.map((c) => c.key)}) AND minute > now() - make_interval(mins => ${minutes}::int)
    GROUP BY key`;
  let wait = 0;
  for (const c of checks) {
    const row = rows.find((r) => r.key === c.key);
    if (!row || Number(row.total) < c.limiter.limit) continue;
    wait = Math.max(wait, Math.max(1, row.waitSeconds - (minutes - c.limiter.windowMinutes) * 60));
  }
  return wait;
}

/** Failed logins: 10 per email and 30 per address in 15 minutes; invalid API tokens: 20 per address. */
export const limiters = {
  loginEmail: new SharedRateLimiter(10, 15),
  loginIp: new SharedRateLimiter(30, 15),
  badTokenIp: new SharedRateLimiter(Number(process.env.LAUNCHGATE_BAD_TOKEN_LIMIT) || 20, 15),
};
