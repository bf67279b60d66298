import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { verifyPassword } from "../passwords";
import { DEMO_SLUG, isDatabaseEmpty, seedDemo } from "./seed-demo";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("seedDemo", () => {
  it("loads the demo project, its 59 items, 8 runs, 120 samples, objectives and four users", async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    await seedDemo(t.db, "demo-pass-123");
    const project = await t.db.project.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
    expect(project.expectedProductionUsers).toBe(100);
    expect(project.workingDays).toHaveLength(7);
    expect(await t.db.category.count({ where: { projectId: project.id } })).toBe(7);
    expect(await t.db.checklistItem.count({ where: { projectId: project.id } })).toBe(59);
    expect(await t.db.checklistItem.count({ where: { projectId: project.id, priority: "P1", status: "DONE" } })).toBe(29);
    expect(await t.db.itemEvent.count({ where: { projectId: project.id } })).toBe(59);
    const runs = await t.db.testRun.findMany({ where: { projectId: project.id }, include: { endpoints: true, errors: true } });
    expect(runs).toHaveLength(8);
    const r300 = runs.find((r) => r.users === 300)!;
    expect(r300.endpoints).toHaveLength(5);
    expect(r300.errors.map((e) => e.count).sort()).toEqual([1003, 2215]);
    const stab = runs.find((r) => r.kind === "STABILITY")!;
    expect(await t.db.runSample.count({ where: { runId: stab.id } })).toBe(120);
    expect(stab.baselineMeanMs).toBe(8.42);
    expect(stab.requests).toBe(360);
    expect(stab.failures).toBe(1);
    expect(await t.db.objective.count({ where: { projectId: project.id } })).toBe(2);
    const users = await t.db.user.findMany({ include: { memberships: true }, orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.memberships[0]?.role, u.isAdmin])).toEqual([
      ["admin@example.com", "LEAD", true],
      ["engineer@example.com", "ENGINEER", false],
      ["lead@example.com", "LEAD", false],
      ["viewer@example.com", "VIEWER", false],
    ]);
    expect(await verifyPassword("demo-pass-123", users[0].passwordHash)).toBe(true);
    expect(users[0].passwordHash).not.toContain("demo-pass-123");
  });

  it("refuses a database that already has data", async () => {
    await expect(seedDemo(t.db, "x")).rejects.toThrow(/not empty/);
  });
});
