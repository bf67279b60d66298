import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/server/db";
import { errorResponse } from "@/lib/server/api/respond";
import { isDatabaseUnavailable } from "@/lib/server/errors";

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

let downUrl: string;
beforeAll(async () => {
  downUrl = `postgresql://postgres:x@127.0.0.1:${await closedPort()}/launchgate`;
});

describe("an absent database", () => {
  it("is recognised from the real client error and answered 503 with Retry-After, no stack", async () => {
    const db = createPrismaClient(downUrl, { max: 1, timeoutMs: 500 });
    const err = await db.project.findMany().catch((e: unknown) => e);
    expect(isDatabaseUnavailable(err)).toBe(true);
    const res = errorResponse(err, "req-1");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = await res.json();
    expect(body.error.code).toBe("unavailable");
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
    await db.$disconnect();
  });

  it("makes GET /api/health answer 503", async () => {
    process.env.DATABASE_URL = downUrl;
    process.env.DATABASE_POOL_TIMEOUT_MS = "500";
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({ status: "unavailable", database: "unreachable" });
  });

  it("a saturated pool (every connection busy past the wait) is a 503 too", async () => {
    const { inject } = await import("vitest");
    const db = createPrismaClient(inject("adminDatabaseUrl"), { max: 1, timeoutMs: 300 });
    // The one connection first (on a busy machine connecting alone can take longer than the 300 ms wait).
    for (let i = 0; i < 5; i++) if (await db.$queryRawUnsafe("SELECT 1").then(() => true, () => false)) break;
    // Prisma queries are lazy: .then() starts this one now.
    const hold = db.$queryRawUnsafe("SELECT pg_sleep(1.5)::text AS slept").then((r) => r);
    await new Promise((r) => setTimeout(r, 200));
    const err = await db.$queryRawUnsafe("SELECT 1").catch((e: unknown) => e);
    await hold;
    expect(String((err as Error)?.message ?? err)).toContain("timeout");
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(errorResponse(err, "r").status).toBe(503);
    await db.$disconnect();
  });
});

describe("a hung database (it accepts connections and bytes, and answers nothing)", () => {
  it("a query on an open connection fails within the statement bound (→ 503), and the pool recovers once it answers", async () => {
    const { inject } = await import("vitest");
    const { startFreezableProxy } = await import("@/tests/helpers/freezable-proxy");
    const target = inject("adminDatabaseUrl");
    const proxy = await startFreezableProxy(Number(new URL(target).port));
    const db = createPrismaClient(proxy.url(target), { max: 2, timeoutMs: 1000, statementTimeoutMs: 1000 });
    try {
      await db.$queryRawUnsafe("SELECT 1");
      proxy.freeze();
      const started = Date.now();
      const err = await db.$queryRawUnsafe("SELECT 1").catch((e: unknown) => e);
      const took = Date.now() - started;
      // Without a client-side bound this waits for as long as the freeze lasts.
      expect(took).toBeLessThan(3000);
      expect(isDatabaseUnavailable(err)).toBe(true);
      const res = errorResponse(err, "r");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      // New connections cannot be established either: bounded by the connection timeout.
      const t2 = Date.now();
      const all = await Promise.all([1, 2, 3].map(() => db.$queryRawUnsafe("SELECT 1").catch((e: unknown) => e)));
      expect(Date.now() - t2).toBeLessThan(4000);
      for (const e of all) expect(isDatabaseUnavailable(e)).toBe(true);
      proxy.thaw();
      await new Promise((r) => setTimeout(r, 200));
      // As soon as the database answers, queries succeed again: no broken connection is reused.
      for (let i = 0; i < 5; i++) expect(await db.$queryRawUnsafe<{ ok: number }[]>("SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    } finally {
      proxy.thaw();
      await db.$disconnect();
      await proxy.close();
    }
  });

  it("a transaction caught by the freeze fails within one bound too (its connection is closed, no ROLLBACK waits behind it)", async () => {
    const { inject } = await import("vitest");
    const { startFreezableProxy } = await import("@/tests/helpers/freezable-proxy");
    const target = inject("adminDatabaseUrl");
    const proxy = await startFreezableProxy(Number(new URL(target).port));
    const db = createPrismaClient(proxy.url(target), { max: 2, timeoutMs: 1000, statementTimeoutMs: 1000 });
    try {
      await db.$queryRawUnsafe("SELECT 1");
      let started = 0;
      const err = await db
        .$transaction(async (tx) => {
          await tx.$queryRawUnsafe("SELECT 1");
          proxy.freeze();
          started = Date.now();
          await tx.$queryRawUnsafe("SELECT 2");
        }, { timeout: 20_000 })
        .catch((e: unknown) => e);
      const took = Date.now() - started;
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
      // The read timeout is 2 s here; a ROLLBACK queued behind the stuck query would double it.
      expect(took).toBeLessThan(3500);
      proxy.thaw();
      for (let i = 0; i < 4; i++) expect(await db.$queryRawUnsafe<{ ok: number }[]>("SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    } finally {
      proxy.thaw();
      await db.$disconnect();
      await proxy.close();
    }
  });

  it("a statement slower than the bound is cancelled by PostgreSQL itself (57014 → 503)", async () => {
    const { inject } = await import("vitest");
    const db = createPrismaClient(inject("adminDatabaseUrl"), { max: 1, statementTimeoutMs: 300 });
    try {
      const err = await db.$queryRawUnsafe("SELECT pg_sleep(2)").catch((e: unknown) => e);
      expect(String((err as Error)?.message ?? err)).toMatch(/statement timeout|57014/);
      expect(errorResponse(err, "r").status).toBe(503);
      expect(await db.$queryRawUnsafe<{ ok: number }[]>("SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("isDatabaseUnavailable", () => {
  it("reads the SQLSTATE out of a raw query's error message (P2010), e.g. a database still recovering", () => {
    const err = Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `57P03`. Message: `the database system is not yet accepting connections`"), { code: "P2010" });
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`"), { code: "P2010" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Raw query failed. Code: `23505`. Message: `duplicate key`"), { code: "P2010" }))).toBe(false);
  });
});
