import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sortPortfolioRows, type PortfolioSortKey, type SortDir } from "@/lib/domain/view/portfolio-rows";
import type { Principal } from "@/lib/server/principal";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { ZPortfolioQuery } from "@/lib/server/schemas/portfolio";
import { createTestDatabase } from "@/tests/helpers/test-db";

type User = Extract<Principal, { kind: "user" }>;
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: User;
let viewer: User;
let demoId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "portfolio-test");
  process.env.DATABASE_URL = t.url;
  const users = await t.db.user.findMany();
  const p = (email: string): User => {
    const u = users.find((x) => x.email === email)!;
    return { kind: "user", userId: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin };
  };
  admin = p("admin@example.com");
  viewer = p("viewer@example.com");
  demoId = (await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" } })).id;
});
afterAll(async () => {
  const { waitForBackgroundRefresh } = await import("./refresh-in-background");
  await waitForBackgroundRefresh();
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

const list = async (who: Principal, q: Record<string, unknown> = {}) => {
  const { listPortfolioPage } = await import("./list-portfolio-page");
  return listPortfolioPage(who, ZPortfolioQuery.parse(q));
};
const stale = async (who: Principal = admin) => {
  const { listStaleProjects } = await import("./refresh-summaries");
  const { scopeOf } = await import("./portfolio-scope");
  const { todayUtc } = await import("../readiness/load-readiness-input");
  return (await listStaleProjects(scopeOf(who), todayUtc())).map((p) => p.slug);
};
const summary = (projectId: string) => t.db.projectSummary.findUnique({ where: { projectId } });

describe("portfolio summaries", () => {
  it("computes missing summaries once, then reuses them while nothing changed", async () => {
    expect(await stale()).toContain("agent-platform");
    const first = await list(admin);
    expect(first.rows.find((r) => r.slug === "agent-platform")).toMatchObject({ scorePercent: 58, verdict: "NO_GO", openBlockers: 21, stale: false });
    expect(await stale()).toEqual([]);
    const before = await summary(demoId);
    await list(admin);
    expect((await summary(demoId))!.computedAt).toEqual(before!.computedAt);
  });

  it("marks a project stale when its data changes, and shows recomputed figures", async () => {
    const item = await t.db.checklistItem.findFirstOrThrow({ where: { projectId: demoId, priority: "P1", status: { not: "DONE" } } });
    const blockersBefore = (await summary(demoId))!.openBlockers;
    await t.db.checklistItem.update({ where: { id: item.id }, data: { status: "NOT_APPLICABLE" } });
    expect(await stale()).toEqual(["agent-platform"]);
    const row = (await list(admin)).rows.find((r) => r.slug === "agent-platform")!;
    expect(row.stale).toBe(false);
    expect(row.openBlockers).toBe(blockersBefore - 1);
    expect(await stale()).toEqual([]);
    // A settings change (the Project row) counts too.
    await t.db.project.update({ where: { id: demoId }, data: { goThresholdPercent: 91 } });
    expect(await stale()).toEqual(["agent-platform"]);
    await list(admin);
  });

  it("recomputes on a new day and on a new build", async () => {
    await t.db.$executeRaw`UPDATE "ProjectSummary" SET "asOf" = "asOf" - 1 WHERE "projectId" = ${demoId}`;
    expect(await stale()).toEqual(["agent-platform"]);
    await list(admin);
    expect(await stale()).toEqual([]);
    await t.db.$executeRaw`UPDATE "ProjectSummary" SET "codeVersion" = 'an older build' WHERE "projectId" = ${demoId}`;
    expect(await stale()).toEqual(["agent-platform"]);
    await list(admin);
    expect(await stale()).toEqual([]);
    // The scheduled check's refresh does the same without a visit.
    await t.db.$executeRaw`UPDATE "ProjectSummary" SET "asOf" = "asOf" - 1 WHERE "projectId" = ${demoId}`;
    const { refreshAllSummaries } = await import("./refresh-summaries");
    expect(await refreshAllSummaries()).toBe(1);
    expect(await stale()).toEqual([]);
  });

  it("covers every table the readiness fingerprint reads with a change trigger", async () => {
    const src = fs.readFileSync("lib/server/readiness/readiness-fingerprint.ts", "utf8");
    // Decisions move the fingerprint for the overview's panels (which share it); neither the
    // readiness nor a summary reads them, so signing one needs no summary refresh.
    const read = new Set([...src.matchAll(/FROM "(\w+)"/g)].map((m) => m[1]).filter((tbl) => tbl !== "Decision"));
    const rows = await t.db.$queryRaw<{ tbl: string }[]>`
      SELECT DISTINCT c.relname AS tbl FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE g.tgname LIKE '%\\_note\\_%'`;
    expect(new Set(rows.map((r) => r.tbl))).toEqual(read);
  });

  it("scopes to the user's projects (admins all, tokens their one) and deletes with the project", async () => {
    const gone = await t.db.project.create({ data: { slug: "to-delete", name: "To delete" } });
    await t.db.membership.create({ data: { projectId: gone.id, userId: viewer.userId, role: "VIEWER" } });
    const mine = await list(viewer);
    expect(mine.rows.map((r) => r.slug).sort()).toEqual(["agent-platform", "to-delete"]);
    expect(mine.total).toBe(2);
    expect(mine.rows.find((r) => r.slug === "to-delete")!.role).toBe("VIEWER");
    expect((await list(admin)).total).toBe(await t.db.project.count());
    const token: Principal = { kind: "token", tokenId: "t", projectId: demoId, role: "VIEWER", name: "token" };
    expect((await list(token)).rows.map((r) => r.slug)).toEqual(["agent-platform"]);
    expect(await summary(gone.id)).not.toBeNull();
    await t.db.checklistItem.deleteMany({ where: { projectId: demoId, title: "no such item" } }); // touches nothing
    await t.db.category.create({ data: { projectId: gone.id, name: "Extra" } });
    expect(await t.db.projectDataChange.count({ where: { projectId: gone.id } })).toBe(1);
    await t.db.project.delete({ where: { id: gone.id } });
    expect(await summary(gone.id)).toBeNull();
    expect(await t.db.projectDataChange.count({ where: { projectId: gone.id } })).toBe(0);
    expect((await list(viewer)).rows.map((r) => r.slug)).toEqual(["agent-platform"]);
  });
});

describe("portfolio order and pages", () => {
  const FIG: [string, number | null, "GO" | "CONDITIONAL_GO" | "NO_GO", number, number, string | null][] = [
    ["Alpha", 90, "GO", 0, 0, "2026-12-10"],
    ["beta", 90, "GO", 0, 0, "2026-12-10"], // ties Alpha everywhere: by name
    ["Gamma", null, "NO_GO", 5, 20, null],
    ["Delta", 58, "NO_GO", 5, 30, "2027-01-05"],
    ["Epsilon", 85, "CONDITIONAL_GO", 2, 4, null],
    ["Zeta", 10, "NO_GO", 9, 12.5, "2027-03-01"],
  ];
  beforeAll(async () => {
    for (const [name] of FIG) await t.db.project.create({ data: { slug: `o-${name.toLowerCase()}`, name } });
    await list(admin); // computes them all
    for (const [name, score, verdict, ob, oh, date] of FIG) {
      const p = await t.db.project.findUniqueOrThrow({ where: { slug: `o-${name.toLowerCase()}` } });
      await t.db.$executeRaw`UPDATE "ProjectSummary" SET "scorePercent" = ${score}::float8, verdict = ${verdict}::"Verdict",
        "openBlockers" = ${ob}, "openBlockerHours" = ${oh}, "launchDate" = ${date}::date WHERE "projectId" = ${p.id}`;
    }
  });

  it("orders in SQL exactly as the view's sort: unknown values last both ways, ties by name", async () => {
    const all = (await list(admin, { pageSize: 200 })).rows.filter((r) => r.slug.startsWith("o-"));
    for (const sort of ["name", "score", "verdict", "blockers", "date"] as PortfolioSortKey[]) {
      for (const dir of ["asc", "desc"] as SortDir[]) {
        const got = (await list(admin, { sort, dir, pageSize: 200 })).rows.filter((r) => r.slug.startsWith("o-")).map((r) => r.slug);
        expect(got, `${sort} ${dir}`).toEqual(sortPortfolioRows(all, sort, dir).map((r) => r.slug));
      }
    }
    const byDate = (await list(admin, { sort: "date" })).rows.filter((r) => r.slug.startsWith("o-")).map((r) => r.slug);
    expect(byDate.slice(-2)).toEqual(["o-epsilon", "o-gamma"]);
    const byScore = (await list(admin, { sort: "score" })).rows.filter((r) => r.slug.startsWith("o-")).map((r) => r.slug);
    expect(byScore).toEqual(["o-alpha", "o-beta", "o-epsilon", "o-delta", "o-zeta", "o-gamma"]);
  });

  it("pages through every project once, in order; past the last page shows the last", async () => {
    const whole = (await list(admin, { sort: "score", pageSize: 200 })).rows.map((r) => r.slug);
    const seen: string[] = [];
    const first = await list(admin, { sort: "score", pageSize: 3 });
    expect(first.pageCount).toBe(Math.ceil(whole.length / 3));
    for (let page = 1; page <= first.pageCount; page++) seen.push(...(await list(admin, { sort: "score", pageSize: 3, page })).rows.map((r) => r.slug));
    expect(seen).toEqual(whole);
    const past = await list(admin, { sort: "score", pageSize: 3, page: 99 });
    expect(past.page).toBe(first.pageCount);
    expect(past.rows.map((r) => r.slug)).toEqual(whole.slice((first.pageCount - 1) * 3));
  });

  it("refuses a bad sort, direction or page size with a clear message", () => {
    expect(() => ZPortfolioQuery.parse({ sort: "owner" })).toThrow(/sort must be one of name, score, verdict, blockers, date/);
    expect(() => ZPortfolioQuery.parse({ dir: "up" })).toThrow(/dir must be asc or desc/);
    expect(() => ZPortfolioQuery.parse({ pageSize: "500" })).toThrow(/pageSize must be at most 200/);
    expect(ZPortfolioQuery.parse({ sort: "score" })).toMatchObject({ dir: "desc", page: 1, pageSize: 50 });
  });
});

describe("many stale projects", () => {
  it("recomputes the shown page before answering and the rest in the background", async () => {
    const { REFRESH_BUDGET } = await import("./list-portfolio-page");
    const { waitForBackgroundRefresh } = await import("./refresh-in-background");
    const n = REFRESH_BUDGET + 10;
    await t.db.$executeRaw`INSERT INTO "Project" (id, slug, name, "updatedAt") SELECT 'bulk-' || i, 'bulk-' || lpad(i::text, 3, '0'), 'Bulk ' || lpad(i::text, 3, '0'), now() FROM generate_series(1, ${n}) i`;
    const page = await list(admin, { pageSize: 10 });
    expect(page.rows.every((r) => !r.stale)).toBe(true);
    expect(page.staleCount).toBeGreaterThan(0);
    await waitForBackgroundRefresh();
    expect(await stale()).toEqual([]);
    expect((await list(admin, { pageSize: 10 })).staleCount).toBe(0);
  });
});
