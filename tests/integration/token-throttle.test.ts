import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/server/db";
import { TooManyRequestsError, UnauthorizedError } from "@/lib/server/errors";
import { SharedRateLimiter } from "@/lib/server/rate-limit";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t?.drop();
});

describe("API token throttling", () => {
  it("refuses an address with 429 after 20 invalid tokens in 15 minutes, other addresses unaffected", async () => {
    const { getTokenPrincipal } = await import("@/lib/server/access");
    for (let i = 0; i < 20; i++) {
      await expect(getTokenPrincipal(`Bearer lg_guess${i}`, "203.0.113.9")).rejects.toBeInstanceOf(UnauthorizedError);
    }
    await expect(getTokenPrincipal("Bearer lg_guess", "203.0.113.9")).rejects.toBeInstanceOf(TooManyRequestsError);
    const err = await getTokenPrincipal("Bearer lg_guess", "203.0.113.9").catch((e) => e);
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
    expect(err.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    await expect(getTokenPrincipal("Bearer lg_guess", "198.51.100.1")).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe("SharedRateLimiter", () => {
  it("counts in the database: two instances (two pools) share one limit, and reset clears it for both", async () => {
    const a = createPrismaClient(t.url, { max: 2 });
    const b = createPrismaClient(t.url, { max: 2 });
    const onA = new SharedRateLimiter(3, 15, () => a);
    const onB = new SharedRateLimiter(3, 15, () => b);
    try {
      await onA.hit("k:shared");
      await onB.hit("k:shared");
      expect(await onA.check("k:shared")).toBe(0);
      await onA.hit("k:shared");
      const wait = await onB.check("k:shared");
      expect(wait).toBeGreaterThan(14 * 60);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      expect(await onB.check("k:other")).toBe(0);
      await onB.reset("k:shared");
      expect(await onA.check("k:shared")).toBe(0);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });

  it("checkAll: one query for several keys, the longest wait of those over their limit", async () => {
    const { checkAll } = await import("@/lib/server/rate-limit");
    const email = new SharedRateLimiter(2, 15, () => t.db);
    const ip = new SharedRateLimiter(5, 15, () => t.db);
    await email.hit("e:x");
    expect(await checkAll([{ limiter: email, key: "e:x" }, { limiter: ip, key: "i:x" }], () => t.db)).toBe(0);
    await email.hit("e:x");
    const wait = await checkAll([{ limiter: email, key: "e:x" }, { limiter: ip, key: "i:x" }], () => t.db);
    expect(wait).toBeGreaterThan(14 * 60);
  });

  it("an attempt older than the window no longer counts", async () => {
    const l = new SharedRateLimiter(1, 15, () => t.db);
    await t.db.rateLimitBucket.create({ data: { key: "k:old", minute: new Date(Date.now() - 16 * 60_000), count: 5 } });
    expect(await l.check("k:old")).toBe(0);
    await l.hit("k:old");
    expect(await l.check("k:old")).toBeGreaterThan(0);
  });
});
