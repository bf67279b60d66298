import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectAccess } from "@/lib/server/access";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let project: ProjectAccess["project"];
let engineer: ProjectAccess["principal"];
let viewer: ProjectAccess["principal"];
const as = (principal: ProjectAccess["principal"], role: ProjectAccess["role"]): ProjectAccess => ({ principal, project, role, isAdmin: false });
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "evidence-test");
  process.env.DATABASE_URL = t.url;
  project = await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" }, select: { id: true, slug: true, name: true } });
  const user = async (email: string) => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { kind: "user" as const, userId: u.id, email: u.email, name: u.name, isAdmin: false };
  };
  engineer = await user("engineer@example.com");
  viewer = await user("viewer@example.com");
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

async function doneSecurityP1() {
  return t.db.checklistItem.findFirstOrThrow({
    where: { projectId: project.id, priority: "P1", status: "DONE", category: { name: "Security" } }, orderBy: { title: "asc" },
  });
}

describe("evidence freshness on the server", () => {
  it("counts an item stale exactly on its expiry day, lists it, filters it, and re-confirming makes it current", async () => {
    const { getReadiness } = await import("@/lib/server/readiness/get-readiness");
    const { findItemIdsByEvidence } = await import("./evidence-filter");
    const { confirmEvidence } = await import("./confirm-evidence");
    const asOf = "2026-01-18";
    const before = await getReadiness(project, asOf);
    expect(before.stale).toEqual([]);
    const item = await doneSecurityP1();
    // Security evidence valid 90 days; this item confirmed 2025-10-20: it expires on 2026-01-18
    // (11 + 30 + 31 + 18 = 90 days). The other demo items have no evidence date: they count from their last update (now).
    await t.db.category.updateMany({ where: { projectId: project.id, name: "Security" }, data: { evidenceValidDays: 90 } });
    await t.db.checklistItem.update({ where: { id: item.id }, data: { evidenceAt: new Date("2025-10-20T08:00:00Z") } });
    const on = await getReadiness(project, asOf);
    expect(on.stale).toEqual([{ itemId: item.id, title: item.title, expiredOn: asOf }]);
    expect(on.score.criticalDone).toBe(before.score.criticalDone - 1);
    expect(on.blockers.open).toBe(before.blockers.open + 1);
    expect(on.verdict.gates[0].reason).toContain("done but with expired evidence");
    expect(await findItemIdsByEvidence(project.id, "expired", asOf)).toEqual([item.id]);
    // The day before, it was still current (and expiring within 14 days).
    expect((await getReadiness(project, "2026-01-17")).stale).toEqual([]);
    expect(await findItemIdsByEvidence(project.id, "expiring", "2026-01-17")).toEqual([item.id]);
    expect(await findItemIdsByEvidence(project.id, "expired", today())).toEqual([item.id]);

    await expect(confirmEvidence(as(viewer, "VIEWER"), item.id, { evidence: "re-tested" })).rejects.toMatchObject({ status: 403 });
    await expect(confirmEvidence(as(engineer, "ENGINEER"), item.id, { evidence: "x", version: item.version + 99 })).rejects.toMatchObject({ status: 409 });
    const open = await t.db.checklistItem.findFirstOrThrow({ where: { projectId: project.id, status: "OPEN" } });
    await expect(confirmEvidence(as(engineer, "ENGINEER"), open.id, { evidence: "x" })).rejects.toMatchObject({ status: 422 });

    const dto = await confirmEvidence(as(engineer, "ENGINEER"), item.id, { evidence: "Pen test re-run 2026, report link" });
    expect(dto).toMatchObject({ evidence: "Pen test re-run 2026, report link", evidenceExpired: false, version: item.version + 1 });
    expect(dto.evidenceExpiresOn! > today()).toBe(true);
    const after = await getReadiness(project, today());
    expect(after.stale.map((s) => s.itemId)).not.toContain(item.id);
    expect(after.stale).toEqual([]);
    const event = await t.db.itemEvent.findFirstOrThrow({ where: { itemId: item.id, field: "evidenceConfirmed" } });
    expect(event).toMatchObject({ toValue: "Pen test re-run 2026, report link", fromValue: item.evidence, actorId: (engineer as { userId: string }).userId });
    expect(await t.db.auditLog.count({ where: { action: "item.confirm-evidence", entityId: item.id } })).toBe(1);
  });

  it("dates evidence when an item is marked DONE", async () => {
    const { updateItem } = await import("@/lib/server/items/update-item");
    const item = await t.db.checklistItem.findFirstOrThrow({ where: { projectId: project.id, status: "OPEN", priority: "P3" } });
    const started = Date.now();
    const dto = await updateItem(as(engineer, "ENGINEER"), item.id, { status: "DONE", evidence: "done in PR 12", version: item.version });
    expect(Date.parse(dto.evidenceAt!)).toBeGreaterThanOrEqual(started - 1000);
  });
});

describe("change markers", () => {
  it("records a change (ENGINEER), lists it, and lowers the confidence of older evidence", async () => {
    const { createChangeMarker, listChangeMarkers } = await import("@/lib/server/change-markers/change-markers");
    const { ZChangeMarkerCreate } = await import("@/lib/server/change-markers/schemas");
    const { getReadiness } = await import("@/lib/server/readiness/get-readiness");
    expect((await getReadiness(project, "2026-01-18")).confidence.level).toBe("high");
    await expect(createChangeMarker(as(viewer, "VIEWER"), ZChangeMarkerCreate.parse({ label: "x" }))).rejects.toMatchObject({ status: 403 });
    expect(ZChangeMarkerCreate.safeParse({ label: "" }).success).toBe(false);
    expect(ZChangeMarkerCreate.safeParse({ label: "x", kind: "rollback" }).success).toBe(false);
    expect(ZChangeMarkerCreate.safeParse({ label: "x", at: "2026-02-30" }).success).toBe(false);
    expect(ZChangeMarkerCreate.safeParse({ label: "x", at: "yesterday" }).success).toBe(false);
    expect(ZChangeMarkerCreate.safeParse({ label: "x", extra: 1 }).success).toBe(false);
    await expect(createChangeMarker(as(engineer, "ENGINEER"), ZChangeMarkerCreate.parse({ label: "x", at: "2999-01-01" }))).rejects.toMatchObject({ status: 422 });

    const m = await createChangeMarker(as(engineer, "ENGINEER"), ZChangeMarkerCreate.parse({ label: "Deploy API", version: "2.4.0", at: "2026-01-18T10:00:00+01:00" }));
    expect(m).toMatchObject({ label: "Deploy API", kind: "deploy", version: "2.4.0", at: "2026-01-18T09:00:00.000Z" });
    expect((await listChangeMarkers(project.id)).map((x) => x.id)).toContain(m.id);
    // The decisive 200-user Peak run is dated 2026-01-17: before the deploy.
    const r = await getReadiness(project, "2026-01-18");
    expect(r.confidence.level).toBe("low");
    expect(r.confidence.reasons[0]).toMatchObject({ code: "before-change", severity: "severe" });
    // As of the day before the deploy, it does not count yet.
    expect((await getReadiness(project, "2026-01-17")).confidence.level).toBe("high");
  });
});
