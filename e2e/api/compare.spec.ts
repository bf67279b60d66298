import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, apiAs, SLUG as DEMO } from "../fixtures";
import { ensureScratchProject } from "../server-tools";

/** Comparisons need runs of their own: a scratch project, not the demo's. */
const SLUG = "compare-api-e2e";
const P = `/api/v1/projects/${SLUG}`;
const GENERATED = path.resolve("tests/fixtures/loadtests/generated");

function form(run: string): FormData {
  const f = new FormData();
  for (const p of ["stats", "stats_history", "failures"]) {
    const file = path.join(GENERATED, `${run}_${p}.csv`);
    f.append("file", new Blob([fs.readFileSync(file)]), path.basename(file));
  }
  return f;
}

test.describe("run comparison API", () => {
  let lead: APIRequestContext;
  let engineer: APIRequestContext;
  let token: string;
  const ids: Record<string, string> = {};

  test.beforeAll(async ({ baseURL }) => {
    await ensureScratchProject(SLUG, "Compare API e2e");
    lead = await apiAs(baseURL!, "lead");
    engineer = await apiAs(baseURL!, "engineer");
    for (const run of ["compare-base", "compare-slow"]) {
      const res = await engineer.post(`${P}/runs`, { multipart: form(run) });
      expect([201, 409]).toContain(res.status());
      const body = await res.json();
      ids[run] = res.status() === 201 ? body.id : body.error.details.runId;
    }
    const t = await lead.post(`${P}/tokens`, { data: { name: "compare e2e CI", role: "VIEWER" } });
    expect(t.status()).toBe(201);
    token = (await t.json()).token;
  });
  test.afterAll(async () => Promise.all([lead, engineer].map((c) => c?.dispose())));

  test("GET compare with the default baseline: the issue's shape, the slow endpoint regressed", async () => {
    const res = await engineer.get(`${P}/runs/${ids["compare-slow"]}/compare`);
    expect(res.status()).toBe(200);
    const c = await res.json();
    expect(c).toMatchObject({ run: { id: ids["compare-slow"] }, baseline: { id: ids["compare-base"] }, baselineSource: "default", regressed: true, sameLoad: true });
    expect(Object.keys(c.endpoints[0]).sort()).toEqual(expect.arrayContaining([
      "method", "name", "p95Ms", "baselineP95Ms", "p95ChangePercent", "errorRatePercent", "baselineErrorRatePercent", "errorRateChangePoints",
      "throughputRps", "baselineThroughputRps", "throughputChangePercent", "status",
    ]));
    expect(c.endpoints[0]).toMatchObject({ method: "GET", name: "/api/products/[id]", status: "regressed", p95Ms: 160, baselineP95Ms: 84, p95ChangePercent: 90.5 });
    expect(c.summary).toMatchObject({ p95ChangePercent: 48.9, status: "regressed" });
    expect(c.steps).toEqual([]);
  });

  test("404 for another project's run or baseline and an unknown baseline; 422 for a run against itself", async () => {
    const demoRuns = await (await lead.get(`/api/v1/projects/${DEMO}/runs`)).json();
    const foreign = demoRuns.runs[0].id as string;
    expect((await engineer.get(`${P}/runs/${foreign}/compare?baseline=${ids["compare-base"]}`)).status()).toBe(404);
    const b = await engineer.get(`${P}/runs/${ids["compare-slow"]}/compare?baseline=${foreign}`);
    expect(b.status()).toBe(404);
    expect((await b.json()).error.message).toContain("No such baseline run");
    expect((await engineer.get(`${P}/runs/${ids["compare-slow"]}/compare?baseline=nope`)).status()).toBe(404);
    const self = await engineer.get(`${P}/runs/${ids["compare-slow"]}/compare?baseline=${ids["compare-slow"]}`);
    expect(self.status()).toBe(422);
    expect((await self.json()).error.message).toContain("cannot be compared with itself");
  });

  test("a lead marks and unmarks the baseline (audited); an engineer may not", async () => {
    expect((await engineer.put(`${P}/runs/${ids["compare-base"]}/baseline`)).status()).toBe(403);
    const put = await lead.put(`${P}/runs/${ids["compare-base"]}/baseline`);
    expect(put.status()).toBe(200);
    expect(await put.json()).toEqual({ id: ids["compare-base"], isBaseline: true });
    const c = await (await engineer.get(`${P}/runs/${ids["compare-slow"]}/compare`)).json();
    expect(c.baseline).toMatchObject({ id: ids["compare-base"], isBaseline: true });
    // The base run's own default is now the previous run at its load: none.
    expect((await engineer.get(`${P}/runs/${ids["compare-base"]}/compare`)).status()).toBe(422);
    expect((await lead.delete(`${P}/runs/${ids["compare-base"]}/baseline`)).status()).toBe(200);
  });

  test("the CLI against the server with a token: exit 2 on the regression, 3 for another project's run", async ({ baseURL }) => {
    test.setTimeout(180_000);
    const cli = (...args: string[]) => spawnSync(process.execPath, ["bin/launchgate.mjs", "compare", SLUG, ...args, "--url", baseURL!, "--token", token], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });
    let r = cli(ids["compare-slow"]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toMatch(/REGRESSED\s+GET \/api\/products\/\[id\]/);
    r = cli(ids["compare-slow"], "--baseline", ids["compare-slow"]);
    expect([r.status, r.stderr]).toEqual([3, expect.stringContaining("422")]);
    r = cli("00000000-0000-0000-0000-000000000000");
    expect([r.status, r.stderr]).toEqual([3, expect.stringContaining("404")]);
  });
});
