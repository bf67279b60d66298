import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_FIXTURES } from "@/tests/helpers/import-fixtures";
import { ensureDefaultSeries } from "@/lib/server/series/default-series";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, string> = {};

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/launchgate.mjs", ...args], { env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const files = (run: string) => ["stats", "stats_history", "failures"].map((p) => path.join(BUNDLED_FIXTURES, "generated", `${run}_${p}.csv`));

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.project.create({ data: { slug: "shop", name: "Shop" } });
  await t.db.project.create({ data: { slug: "other", name: "Other" } });
});
afterAll(async () => t.drop());

describe("npx launchgate import --compare / compare", { timeout: 120_000 }, () => {
  it("the first run imports but has nothing to compare with: exit 3", () => {
    const r = cli("import", "shop", ...files("compare-base"), "--compare", "--json");
    expect(r.code).toBe(3);
    const j = JSON.parse(r.out);
    expect(j.comparison).toBeNull();
    ids.base = j.run.id;
    expect(r.err).toContain("imported, but could not compare: This run has no baseline");
  });

  it("the slower rerun imports and regresses against the previous run at the same load: exit 2", () => {
    const r = cli("import", "shop", ...files("compare-slow"), "--compare");
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/Imported run "compare-slow" \(id (\w+)\)/);
    ids.slow = /Imported run "compare-slow" \(id (\w+)\)/.exec(r.out)![1];
    expect(r.out).toContain(`against "compare-base" (${ids.base}`);
    expect(r.out).toContain("REGRESSION: 1 regressed, 2 improved, 0 unchanged, 0 new, 0 gone endpoints");
    expect(r.out).toMatch(/REGRESSED\s+GET \/api\/products\/\[id\]\s+84 → 160\s+\+90\.5%\s+0 → 1\.82\s+\+1\.82 pt/);
  });

  it("compare --json gives the API's shape with the same exit code", () => {
    const r = cli("compare", "shop", ids.slow, "--json");
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ run: { id: ids.slow }, baseline: { id: ids.base }, baselineSource: "default", regressed: true });
    expect(j.endpoints[0]).toMatchObject({ method: "GET", name: "/api/products/[id]", status: "regressed", p95ChangePercent: 90.5 });
  });

  it("within the project's tolerances nothing regresses: exit 0", async () => {
    await t.db.project.update({ where: { slug: "shop" }, data: { compareP95TolerancePercent: 100, compareErrorRateTolerancePoints: 2 } });
    const r = cli("compare", "shop", ids.slow, "--baseline", ids.base);
    expect(r.code).toBe(0);
    expect(r.out).toContain("tolerances: P95 +100%, error rate +2 points, throughput −10%");
    expect(r.out).toContain("no regression");
  });

  it("exit 3 for a run against itself, another project's run, an unknown project", async () => {
    let r = cli("compare", "shop", ids.slow, "--baseline", ids.slow);
    expect([r.code, r.err]).toEqual([3, expect.stringContaining("cannot be compared with itself")]);
    const otherId = (await t.db.project.findUniqueOrThrow({ where: { slug: "other" } })).id;
    const foreign = await t.db.testRun.create({ data: { projectId: otherId, seriesId: await ensureDefaultSeries(t.db, otherId), name: "x", kind: "LOAD", runDate: new Date() } });
    r = cli("compare", "shop", foreign.id);
    expect([r.code, r.err]).toEqual([3, expect.stringContaining("No such run in this project")]);
    r = cli("compare", "shop", ids.slow, "--baseline", foreign.id);
    expect([r.code, r.err]).toEqual([3, expect.stringContaining("No such baseline run in this project")]);
    r = cli("compare", "nope", ids.slow);
    expect([r.code, r.err]).toEqual([3, expect.stringContaining("No project 'nope'")]);
  }, 180_000);
});
