import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectAccess } from "@/lib/server/access";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let access: ProjectAccess;
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "history-test");
  process.env.DATABASE_URL = t.url;
  const u = await t.db.user.findUniqueOrThrow({ where: { email: "lead@example.com" } });
  const project = await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" }, select: { id: true, slug: true, name: true } });
  access = { principal: { kind: "user", userId: u.id, email: u.email, name: u.name, isAdmin: false }, project, role: "LEAD", isAdmin: false };
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("history and changes on the real database", () => {
  it("explains today's edits, keeps 2026-01-18 as it was, and as of today equals the live readiness", async () => {
    const { updateItem } = await import("@/lib/server/items/update-item");
    const { getReadinessChanges, getReadinessHistory } = await import("./get-history");
    const { getReadiness } = await import("@/lib/server/readiness/get-readiness");
    const open = await t.db.checklistItem.findMany({ where: { projectId: access.project.id, priority: "P1", status: "OPEN" }, orderBy: { title: "asc" }, take: 3 });
    await updateItem(access, open[0].id, { status: "DONE", evidence: "proof", version: open[0].version });
    await updateItem(access, open[1].id, { status: "DONE", evidence: "proof", version: open[1].version });
    const ml = (open[2].estimateHours ?? 0) + 5;
    await updateItem(access, open[2].id, { estimateHours: ml, estimateHighHours: ml + 2, version: open[2].version });

    const changes = await getReadinessChanges(access.project, { from: yesterday, to: today });
    expect(changes.changes.map((c) => [c.itemId, c.kind, c.byUserId])).toEqual([
      [open[0].id, "resolved", access.principal.kind === "user" ? access.principal.userId : null],
      [open[1].id, "resolved", expect.any(String)],
      [open[2].id, "re-estimated", expect.any(String)],
    ]);
    expect(changes.changes.map((c) => c.scoreDeltaPoints)).toEqual([2, 2, 0]);
    expect([changes.from.scorePercent, changes.to.scorePercent]).toEqual([58, 62]);

    const { days } = await getReadinessHistory(access.project, { from: "2026-01-18", to: today }, 30);
    expect(days[0]).toEqual({ date: "2026-01-18", scorePercent: 58, verdict: "NO_GO", openP1: 21, remainingHours: 89 });
    const live = await getReadiness(access.project, today);
    expect(days.at(-1)).toEqual({ date: today, scorePercent: live.score.overallPercent, verdict: live.verdict.value, openP1: live.blockers.open, remainingHours: live.blockers.openHours });
    expect(live.blockers.open).toBe(19);
    expect((await getReadiness(access.project, "2026-01-18")).score.overallPercent).toBe(58);
  });

  it("refuses ranges the project cannot answer", async () => {
    const { getReadinessHistory, getReadinessChanges } = await import("./get-history");
    await expect(getReadinessHistory(access.project, { from: "2026-01-17", to: "2026-01-18" })).rejects.toThrow("before the project existed");
    await expect(getReadinessChanges(access.project, { from: "2026-01-16", to: "2026-01-18" })).rejects.toThrow("2026-01-17 at the earliest");
    await expect(getReadinessHistory(access.project, { from: "2026-01-19", to: "2026-01-18" })).rejects.toThrow("must not be after");
    await expect(getReadinessHistory(access.project, { from: "2026-01-18", to: "2027-12-31" })).rejects.toThrow();
  });
});
