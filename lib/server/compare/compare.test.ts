import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamFromFile } from "@/lib/ingest";
import type { ProjectAccess } from "@/lib/server/access";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/server/errors";
import { importRun } from "@/lib/server/runs/import-run";
import { BUNDLED_FIXTURES } from "@/tests/helpers/import-fixtures";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { clearRunBaseline, setRunBaseline } from "./baselines";
import { getCompareTolerances, updateCompareTolerances } from "./compare-tolerances";
import { getRunComparison } from "./get-run-comparison";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let lead: ProjectAccess;
let engineer: ProjectAccess;
const ids: Record<string, string> = {};

const files = (run: string) => ["stats", "stats_history", "failures"].map((p) => ({ name: `${run}_${p}.csv`, stream: streamFromFile(path.join(BUNDLED_FIXTURES, "generated", `${run}_${p}.csv`)) }));

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "compare-test-secret-0123456789";
  const project = await t.db.project.create({ data: { slug: "shop", name: "Shop" }, select: { id: true, slug: true, name: true } });
  const other = await t.db.project.create({ data: { slug: "other", name: "Other" }, select: { id: true } });
  const u = await t.db.user.create({ data: { email: "lead@example.com", name: "Lead", passwordHash: "x" } });
  const principal = { kind: "user" as const, userId: u.id, email: u.email, name: u.name, isAdmin: false };
  lead = { principal, project, role: "LEAD", isAdmin: false };
  engineer = { ...lead, role: "ENGINEER" };
  for (const run of ["compare-base", "compare-slow", "plateau-15s"]) {
    ids[run] = (await importRun({ db: t.db, project, actor: principal, files: files(run) })).id;
  }
  ids.foreign = (await importRun({ db: t.db, project: other, actor: principal, files: files("stepped-a") })).id;
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t?.drop();
});

const pid = () => lead.project.id;

describe("getRunComparison", () => {
  it("defaults to the previous run at the same load and flags the slower endpoint", async () => {
    const c = await getRunComparison(pid(), ids["compare-slow"]);
    expect(c.baselineSource).toBe("default");
    expect(c.baseline.id).toBe(ids["compare-base"]);
    expect(c.defaultBaselineId).toBe(ids["compare-base"]);
    expect(c.run).toMatchObject({ id: ids["compare-slow"], users: 10, isBaseline: false });
    expect(c.endpoints.find((e) => e.name === "/api/products/[id]")?.status).toBe("regressed");
    expect(c.regressed).toBe(true);
    expect(c.sameLoad).toBe(true);
  });

  it("a run with no earlier run at its load and no marked baseline cannot be compared by default (422)", async () => {
    await expect(getRunComparison(pid(), ids["compare-base"])).rejects.toThrow(InvalidInputError);
    await expect(getRunComparison(pid(), ids["plateau-15s"])).rejects.toThrow(/no baseline/);
  });

  it("any run can be the baseline when asked for; a stepped run against a single-level one has no common steps", async () => {
    const c = await getRunComparison(pid(), ids["plateau-15s"], ids["compare-base"]);
    expect([c.baselineSource, c.sameLoad, c.steps]).toEqual(["requested", false, []]);
    expect(c.endpoints).toHaveLength(3);
  });

  it("404 for a run or baseline of another project or an unknown id; 422 against itself", async () => {
    await expect(getRunComparison(pid(), ids.foreign, ids["compare-base"])).rejects.toThrow(NotFoundError);
    await expect(getRunComparison(pid(), ids["compare-slow"], ids.foreign)).rejects.toThrow(/No such baseline run/);
    await expect(getRunComparison(pid(), ids["compare-slow"], "nope")).rejects.toThrow(NotFoundError);
    await expect(getRunComparison(pid(), ids["compare-slow"], ids["compare-slow"])).rejects.toThrow(/cannot be compared with itself/);
  });

  it("uses the project's tolerances", async () => {
    await updateCompareTolerances(lead, { p95Percent: 1000, errorRatePoints: 100, throughputPercent: 100 });
    expect(await getCompareTolerances(pid())).toEqual({ p95Percent: 1000, errorRatePoints: 100, throughputPercent: 100 });
    const c = await getRunComparison(pid(), ids["compare-slow"]);
    expect([c.regressed, c.counts.regressed, c.tolerances.p95Percent]).toEqual([false, 0, 1000]);
    await updateCompareTolerances(lead, { p95Percent: 10, errorRatePoints: 0.5, throughputPercent: 10 });
    expect(await t.db.auditLog.count({ where: { action: "project.update-compare-tolerances" } })).toBe(2);
    await expect(updateCompareTolerances(engineer, { p95Percent: 5, errorRatePoints: 1, throughputPercent: 5 })).rejects.toThrow(ForbiddenError);
  });
});

describe("baselines", () => {
  it("marking a run unmarks the series' previous baseline, audited; the marked one becomes the default", async () => {
    await setRunBaseline(lead, ids["compare-base"]);
    await setRunBaseline(lead, ids["plateau-15s"]);
    const marked = await t.db.testRun.findMany({ where: { projectId: pid(), isBaseline: true }, select: { id: true } });
    expect(marked.map((r) => r.id)).toEqual([ids["plateau-15s"]]);
    const c = await getRunComparison(pid(), ids["compare-slow"]);
    expect(c.baseline).toMatchObject({ id: ids["plateau-15s"], isBaseline: true });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "run.baseline.set", entityId: ids["plateau-15s"] } });
    expect(audit.before).toEqual({ baselineIds: [ids["compare-base"]] });
    // Marking it again changes nothing and writes no second entry.
    await setRunBaseline(lead, ids["plateau-15s"]);
    expect(await t.db.auditLog.count({ where: { action: "run.baseline.set" } })).toBe(2);
  });

  it("unmarking falls back to the previous run at the same load", async () => {
    expect(await clearRunBaseline(lead, ids["plateau-15s"])).toEqual({ id: ids["plateau-15s"], isBaseline: false });
    expect(await t.db.testRun.count({ where: { isBaseline: true } })).toBe(0);
    expect((await getRunComparison(pid(), ids["compare-slow"])).baseline.id).toBe(ids["compare-base"]);
    expect(await t.db.auditLog.count({ where: { action: "run.baseline.clear" } })).toBe(1);
  });

  it("only leads choose baselines, and only runs of their project", async () => {
    await expect(setRunBaseline(engineer, ids["compare-base"])).rejects.toThrow(ForbiddenError);
    await expect(setRunBaseline(lead, ids.foreign)).rejects.toThrow(NotFoundError);
    expect(await t.db.testRun.count({ where: { isBaseline: true } })).toBe(0);
  });
});
