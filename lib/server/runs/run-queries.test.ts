import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let demoId: string;
let otherId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "runs-test");
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "runs-test-secret-0123456789abcdef";
  demoId = (await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" } })).id;
  const other = await t.db.project.create({ data: { slug: "other", name: "Other" } });
  otherId = other.id;
  await t.db.testRun.create({
    data: {
      projectId: otherId, seriesId: (await t.db.loadTestSeries.create({ data: { projectId: otherId, slug: "default", name: "Default", environment: "unspecified", launchEvidence: true } })).id, name: "Stepped", kind: "STRESS", tool: "locust", users: null, requests: 3000, failures: 30, runDate: new Date("2026-01-20"),
      steps: { create: [
        { position: 1, users: 100, requests: 1000, failures: 20, errorRatePercent: 2, p95Ms: 300 },
        { position: 0, users: 50, requests: 2000, failures: 10, errorRatePercent: 0.5, p95Ms: 90 },
      ] },
      errors: { create: [
        { kind: "HTTP 500", count: 5, endpoint: "GET /a" },
        { kind: "timeout", count: 20, endpoint: "GET /a" },
        { kind: "HTTP 500", count: 5, endpoint: "GET /b" },
      ] },
    },
  });
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("run queries", () => {
  it("lists a project's runs as run summaries, newest first", async () => {
    const { listRuns } = await import("./run-queries");
    const runs = await listRuns(demoId);
    expect(runs).toHaveLength(8);
    expect(runs.map((r) => r.runDate)).toEqual([...runs.map((r) => r.runDate)].sort().reverse());
    const r300 = runs.find((r) => r.users === 300)!;
    expect(r300).toMatchObject({
      name: "Progressive stress 300", kind: "STRESS", durationSeconds: 300, requests: 45734, failures: 3218, errorRatePercent: 7.0363,
      p50Ms: 180, p95Ms: 2100, p99Ms: 4400, maxMs: null, throughputRps: 154.2, runDate: "2026-01-18", steps: [],
    });
    expect(r300.endpoints).toHaveLength(5);
    expect(r300.endpoints[0]).toEqual({ method: "GET", name: "/api/v1/agents/", requests: 6066, failures: 246, p50Ms: null, p95Ms: null });
    expect(r300.errors).toEqual([{ kind: "HTTP 404 Not Found", count: 2215 }, { kind: "HTTP 500 Internal Server Error", count: 1003 }]);
  });

  it("adds up error kinds over endpoints and keeps steps in order", async () => {
    const { listRuns } = await import("./run-queries");
    const [run] = await listRuns(otherId);
    expect(run.errors).toEqual([{ kind: "timeout", count: 20 }, { kind: "HTTP 500", count: 10 }]);
    expect(run.steps.map((s) => s.users)).toEqual([50, 100]);
    expect(run.errorRatePercent).toBe(1);
  });

  it("loads a run by id and project only", async () => {
    const { getRun, listRuns } = await import("./run-queries");
    const [mine] = await listRuns(otherId);
    expect((await getRun(otherId, mine.id)).id).toBe(mine.id);
    await expect(getRun(demoId, mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(getRun(demoId, "nope")).rejects.toMatchObject({ status: 404 });
  });

  it("gives a run's page its samples, oldest first, scoped to the project", async () => {
    const { getRunDetail } = await import("./get-run-detail");
    const stab = await t.db.testRun.findFirstOrThrow({ where: { projectId: demoId, kind: "STABILITY" } });
    const detail = await getRunDetail(demoId, stab.id);
    expect(detail.samples).toHaveLength(120);
    expect(detail.samples[0].t < detail.samples[119].t).toBe(true);
    expect(detail.baseline).toEqual({ meanMs: 8.42, p99Ms: 32.14, successRatePercent: 100 });
    await expect(getRunDetail(otherId, stab.id)).rejects.toMatchObject({ status: 404 });
  });

  it("computes the stability page from the latest stability run, as the readiness does", async () => {
    const { getStabilityView } = await import("./get-stability-view");
    const view = await getStabilityView(demoId);
    expect(view?.result).toMatchObject({ score: 80, health: "DEGRADED", verdict: "PROCEED_WITH_MONITORING", meanMs: 9.82, p99Ms: 12.78 });
    expect(view?.samples).toHaveLength(120);
    expect(view?.samples[0].metrics).toMatchObject({ apiCpuPercent: 34.1, dbConnections: 5 });
    expect(view?.previous).toEqual([]);
    expect(await getStabilityView(otherId)).toBeNull();
  });

  it("reads the zone thresholds and the load the capacity gate asks for", async () => {
    const { getZoneSettings } = await import("./get-zone-settings");
    expect(await getZoneSettings(demoId)).toMatchObject({ requiredUsers: 200, thresholds: { red: { p95Ms: 2000, errorRatePercent: 5 } } });
  });
});
