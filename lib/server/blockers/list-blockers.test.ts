import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupBlockers } from "@/lib/domain/view/readiness-blocker-groups";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let projectId: string;
let otherId: string;
let cats: { id: string; name: string }[];
const AS_OF = "2026-01-18";
const q = (page: number, pageSize = 25, category: string | null = null) => ({ page, pageSize, category });

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  const p = await t.db.project.create({
    data: { slug: "many", name: "Many blockers", categories: { create: [{ name: "Zeta", position: 0 }, { name: "Alpha", position: 1 }] } },
    include: { categories: { orderBy: { position: "asc" } } },
  });
  projectId = p.id;
  cats = p.categories;
  // 60 open P1 (every 5th deferrable, every 7th in progress), 10 done P1, 10 open P2, 3 under a current acceptance, 1 under an expired one.
  await t.db.checklistItem.createMany({
    data: [
      ...Array.from({ length: 60 }, (_, i) => ({
        projectId, categoryId: cats[i % 2].id, title: `Blocker ${String(i).padStart(2, "0")}`, priority: "P1" as const,
        status: i % 7 === 0 ? ("IN_PROGRESS" as const) : ("OPEN" as const), estimateHours: (i % 6) + 1, deferrable: i % 5 === 0,
      })),
      ...Array.from({ length: 10 }, (_, i) => ({ projectId, categoryId: cats[0].id, title: `Done ${i}`, priority: "P1" as const, status: "DONE" as const, estimateHours: 3 })),
      ...Array.from({ length: 10 }, (_, i) => ({ projectId, categoryId: cats[0].id, title: `Minor ${i}`, priority: "P2" as const, estimateHours: 3 })),
    ],
  });
  const items = await t.db.checklistItem.findMany({ where: { projectId, title: { in: ["Blocker 01", "Blocker 02", "Blocker 03", "Blocker 04"] } }, orderBy: { title: "asc" } });
  for (const [n, it] of items.entries()) {
    await t.db.riskAcceptance.create({ data: { projectId, itemId: it.id, mitigation: "watch it", expiresOn: new Date(n === 3 ? "2026-01-10" : "2026-02-01") } });
  }
  // Another project's blockers never show.
  const o = await t.db.project.create({ data: { slug: "other", name: "Other", categories: { create: [{ name: "Ops" }] } }, include: { categories: true } });
  otherId = o.id;
  await t.db.checklistItem.create({ data: { projectId: o.id, categoryId: o.categories[0].id, title: "Elsewhere", priority: "P1", estimateHours: 99 } });
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("listBlockers", () => {
  it("pages the blocking items in category order, most hours first, with project-wide totals", async () => {
    const { listBlockers } = await import("./list-blockers");
    const first = await listBlockers(projectId, AS_OF, new Map(), q(1));
    // 60 open P1 minus the 3 under a current acceptance; the expired acceptance blocks again.
    expect(first).toMatchObject({ total: 57, blockingCount: 57, page: 1, pageSize: 25, pageCount: 3 });
    expect(first.items).toHaveLength(25);
    expect(first.categories.map((c) => [c.category, c.count])).toEqual([["Zeta", 29], ["Alpha", 28]]);
    expect(first.accepted.map((i) => i.title).sort()).toEqual(["Blocker 01", "Blocker 02", "Blocker 03"]);
    expect(first.accepted.every((i) => i.riskAcceptance?.expiresOn === "2026-02-01")).toBe(true);

    const pages = [first, await listBlockers(projectId, AS_OF, new Map(), q(2)), await listBlockers(projectId, AS_OF, new Map(), q(3))];
    const all = pages.flatMap((p) => p.items);
    expect(pages[2].items).toHaveLength(7);
    expect(new Set(all.map((i) => i.id)).size).toBe(57);
    expect(all.some((i) => i.title === "Elsewhere")).toBe(false);
    // The same order and totals as grouping every item in memory.
    const grouped = groupBlockers(all, AS_OF);
    expect(all.map((i) => i.id)).toEqual(grouped.groups.flatMap((g) => g.items.map((i) => i.id)));
    expect(first.blockingHours).toBe(grouped.blockingHours);
    expect(first.categories.map((c) => c.hours)).toEqual(grouped.groups.map((g) => g.hours));
    expect(first.deferrable).toEqual({ count: all.filter((i) => i.deferrable).length, hours: all.filter((i) => i.deferrable).reduce((a, i) => a + (i.estimateHours ?? 0), 0) });
  });

  it("filters by category in the database; totals and the what-if base stay project-wide", async () => {
    const { listBlockers } = await import("./list-blockers");
    const alpha = await listBlockers(projectId, AS_OF, new Map(), q(1, 50, cats[1].id));
    expect(alpha.total).toBe(28);
    expect(alpha.items).toHaveLength(28);
    expect(alpha.items.every((i) => i.category === "Alpha")).toBe(true);
    expect(alpha.blockingCount).toBe(57);
    expect(alpha.pageCount).toBe(1);
    const beyond = await listBlockers(projectId, AS_OF, new Map(), q(9));
    expect(beyond.items).toHaveLength(0);
    expect(beyond.total).toBe(57);
  });

  it("counts DONE items with expired evidence as blockers, and an acceptance only while it holds", async () => {
    const { listBlockers } = await import("./list-blockers");
    const done = await t.db.checklistItem.findFirstOrThrow({ where: { projectId, title: "Done 0" } });
    const r = await listBlockers(projectId, AS_OF, new Map([[done.id, "2026-01-15"]]), q(1, 200));
    expect(r.total).toBe(58);
    expect(r.items.find((i) => i.id === done.id)).toMatchObject({ evidenceExpiredOn: "2026-01-15" });
    // After the acceptances expire (2026-02-01 is the last day they hold), all 60 block.
    expect((await listBlockers(projectId, "2026-02-02", new Map(), q(1))).blockingCount).toBe(60);
    expect((await listBlockers(projectId, "2026-02-01", new Map(), q(1))).blockingCount).toBe(57);
    expect((await listBlockers(otherId, AS_OF, new Map(), q(1))).items.map((i) => i.title)).toEqual(["Elsewhere"]);
  });
});
