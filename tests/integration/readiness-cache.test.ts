import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let project: { id: string; slug: string; name: string };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "cache-test");
  process.env.DATABASE_URL = t.url;
  project = await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" }, select: { id: true, slug: true, name: true } });
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

/** Readiness through the cache, and computed afresh, must agree after every kind of change. */
async function both() {
  const { getReadiness, clearReadinessCache } = await import("@/lib/server/readiness/get-readiness");
  // As of today: readiness as of a past day is the project as it was then, whatever changes now.
  const today = new Date().toISOString().slice(0, 10);
  const { clearTimelineRowCache } = await import("@/lib/server/history/timeline-row-cache");
  const cached = await getReadiness(project, today);
  // Afresh: no computed result and no timeline rows kept.
  clearReadinessCache();
  clearTimelineRowCache();
  const fresh = await getReadiness(project, today);
  expect(cached).toEqual(fresh);
  return cached;
}

describe("readiness cache", () => {
  it("has readers that arrive during a computation share it", async () => {
    const { getReadiness, clearReadinessCache } = await import("@/lib/server/readiness/get-readiness");
    clearReadinessCache();
    const day = "2026-01-18";
    const [a, b, c] = await Promise.all([getReadiness(project, day), getReadiness(project, day), getReadiness(project, day)]);
    expect(b.score).toBe(a.score);
    expect(c.blockers).toBe(a.blockers);
  });

  it("never serves a stale result after any change it depends on", async () => {
    let r = await both();
    expect(r.blockers.open).toBe(21);
    const item = await t.db.checklistItem.findFirstOrThrow({ where: { projectId: project.id, priority: "P1", status: "OPEN" }, orderBy: { title: "asc" } });
    await both();
    await t.db.checklistItem.update({ where: { id: item.id }, data: { status: "DONE", evidence: "x" } });
    r = await both();
    expect(r.blockers.open).toBe(20);
    const other = await t.db.checklistItem.findFirstOrThrow({ where: { projectId: project.id, priority: "P1", status: "OPEN" }, orderBy: { title: "asc" } });
    await t.db.riskAcceptance.create({ data: { projectId: project.id, itemId: other.id, mitigation: "m", expiresOn: new Date(Date.now() + 30 * 86_400_000) } });
    r = await both();
    expect(r.blockers.open).toBe(19);
    await t.db.riskAcceptance.updateMany({ where: { projectId: project.id }, data: { revokedAt: new Date() } });
    r = await both();
    expect(r.blockers.open).toBe(20);
    await t.db.category.updateMany({ where: { projectId: project.id, name: "Security" }, data: { weight: 3 } });
    const weighted = await both();
    expect(weighted.score.overallPercent).not.toBe(r.score.overallPercent);
    await t.db.objective.updateMany({ where: { projectId: project.id, name: "RTO" }, data: { measured: "1 h" } });
    r = await both();
    expect(r.objectives.find((o) => o.name === "RTO")!.met).toBe(true);
    await t.db.project.update({ where: { id: project.id }, data: { teamHoursPerDay: 16, version: { increment: 1 } } });
    r = await both();
    expect(r.projection.deterministic!.workingDays).toBeLessThan(12);
    await t.db.testRun.create({ data: { projectId: project.id, seriesId: (await t.db.testRun.findFirstOrThrow({ where: { projectId: project.id } })).seriesId, name: "Rerun 300", kind: "STRESS", users: 300, requests: 1000, failures: 0, p95Ms: 90, throughputRps: 200, runDate: new Date("2026-01-18") } });
    r = await both();
    expect(r.capacity.anomalies).toEqual([]);
    // A run moved to a series that is not launch evidence leaves capacity.
    const rerun = await t.db.testRun.findFirstOrThrow({ where: { projectId: project.id, name: "Rerun 300" } });
    const side = await t.db.loadTestSeries.create({ data: { projectId: project.id, slug: "side", name: "Side", environment: "staging", launchEvidence: false } });
    r = await both();
    await t.db.testRun.update({ where: { id: rerun.id }, data: { seriesId: side.id } });
    const moved = await both();
    expect(moved.capacity).not.toEqual(r.capacity);
    await t.db.checklistItem.delete({ where: { id: item.id } });
    r = await both();
    expect(r.score.criticalTotal).toBe(49);
  });
});
