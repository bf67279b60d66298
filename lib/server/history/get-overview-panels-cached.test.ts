import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectAccess } from "@/lib/server/access";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let access: ProjectAccess;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "panels-test");
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

describe("getOverviewPanelsCached", () => {
  it("equals the computed panels, reuses them while nothing changed, and follows an edit or a signed decision", async () => {
    const { getOverviewPanels } = await import("./get-history");
    const { getOverviewPanelsCached } = await import("./get-overview-panels-cached");
    const first = await getOverviewPanelsCached(access.project, today, {});
    expect(first).toEqual(await getOverviewPanels(access.project, today, {}));
    expect(await getOverviewPanelsCached(access.project, today, {})).toBe(first);
    // Another range is another entry.
    expect(await getOverviewPanelsCached(access.project, today, { from: "2026-01-18" })).not.toBe(first);

    const { updateItem } = await import("@/lib/server/items/update-item");
    const open = await t.db.checklistItem.findFirstOrThrow({ where: { projectId: access.project.id, priority: "P1", status: "OPEN" }, orderBy: { title: "asc" } });
    await updateItem(access, open.id, { status: "DONE", evidence: "proof", version: open.version });
    const edited = await getOverviewPanelsCached(access.project, today, {});
    expect(edited).not.toBe(first);
    expect(edited.history.days.at(-1)!.openP1).toBe(first.history.days.at(-1)!.openP1 - 1);
    expect(edited).toEqual(await getOverviewPanels(access.project, today, {}));

    const { signDecision } = await import("@/lib/server/decisions/decisions");
    await signDecision(access, { comment: "Still not ready." }, today);
    const signed = await getOverviewPanelsCached(access.project, today, {});
    expect(signed).not.toBe(edited);
    expect(signed.history.decisions.length).toBe(edited.history.decisions.length + 1);
  });
});
