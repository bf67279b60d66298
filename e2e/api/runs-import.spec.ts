import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, apiAs } from "../fixtures";
import { ensureScratchProject, query } from "../server-tools";

/** Imports change capacity figures: they go to a project of their own, not the demo's. */
const SLUG = "import-e2e";
test.beforeAll(async () => ensureScratchProject(SLUG, "Import e2e"));

const RUNS = `/api/v1/projects/${SLUG}/runs`;
const FIXTURES = path.resolve("tests/fixtures/loadtests");
const STEPPED = ["stats", "stats_history", "failures"].map((p) => path.join(FIXTURES, "generated", `stepped-a_${p}.csv`));

/** Row counts of every run table (a refused or dry-run import must not change them). */
async function runTableCounts() {
  const [r] = await query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM "TestRun") runs, (SELECT count(*) FROM "RunEndpoint") endpoints, (SELECT count(*) FROM "RunError") errors,
            (SELECT count(*) FROM "RunStep") steps, (SELECT count(*) FROM "RunSample") samples`,
  );
  return r;
}

function form(files: string[]): FormData {
  const f = new FormData();
  for (const p of files) f.append("file", new Blob([fs.readFileSync(p)]), path.basename(p));
  return f;
}

test.describe("run import API (POST /api/v1/projects/{slug}/runs)", () => {
  let lead: APIRequestContext;
  let engineer: APIRequestContext;
  let viewer: APIRequestContext;

  test.beforeAll(async ({ baseURL, playwright }) => {
    lead = await apiAs(baseURL!, "lead");
    const token = async (role: string) => {
      const res = await lead.post(`/api/v1/projects/${SLUG}/tokens`, { data: { name: `import e2e ${role}`, role } });
      expect(res.status()).toBe(201);
      return (await res.json()).token as string;
    };
    const bearer = async (role: string) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${await token(role)}` } });
    engineer = await bearer("ENGINEER");
    viewer = await bearer("VIEWER");
  });
  test.afterAll(async () => Promise.all([lead, engineer, viewer].map((c) => c?.dispose())));

  test("a raw body with an ENGINEER token → 201 with the run summary; the same file again → 409", async () => {
    const body = fs.readFileSync(path.join(FIXTURES, "jmeter", "ehrbase-load-test__result.jtl"));
    const res = await engineer.post(`${RUNS}?fileName=ehrbase.jtl&name=ehrbase%20CI&users=20`, { data: body, headers: { "content-type": "text/csv" } });
    expect(res.status()).toBe(201);
    const run = await res.json();
    expect(run).toMatchObject({ id: expect.any(String), name: "ehrbase CI", kind: "LOAD", tool: "jmeter", format: "jmeter-csv", users: 20, requests: 2205, failures: 0, fileNames: ["ehrbase.jtl"], fileBytes: body.length });
    expect(run.endpoints.length).toBeGreaterThan(0);
    expect((await engineer.get(`${RUNS}/${run.id}`)).status()).toBe(200);

    const again = await engineer.post(`${RUNS}?name=other`, { data: body, headers: { "x-file-name": "again.jtl" } });
    expect(again.status()).toBe(409);
    const err = (await again.json()).error;
    expect(err).toMatchObject({ code: "conflict", details: { runId: run.id, name: "ehrbase CI" } });
    expect(err.message).toContain('already imported as run "ehrbase CI"');
  });

  test("multipart with Locust stats + stats_history + failures → 201, one run with steps", async () => {
    const res = await engineer.post(`${RUNS}?name=Stepped%20A`, { multipart: form(STEPPED) });
    expect(res.status()).toBe(201);
    const run = await res.json();
    expect(run).toMatchObject({ name: "Stepped A", kind: "STRESS", tool: "locust", format: "locust-stats-csv", fileNames: STEPPED.map((p) => path.basename(p)) });
    expect(run.steps.map((s: { users: number }) => s.users)).toEqual([3, 6, 9]);
    expect(run.errors.length).toBeGreaterThan(0);
    expect(run.endpoints.map((e: { name: string }) => e.name).sort()).toEqual(["/api/products", "/api/products/[id]"]);
  });

  test("a bad file → 422 with file, line and reason, and nothing stored", async () => {
    const before = await runTableCounts();
    const res = await engineer.post(`${RUNS}?fileName=broken.jtl`, { data: "timeStamp,elapsed,label,success\n1700000000000,5,a,true\n1700000000001,5\n" });
    expect(res.status()).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "invalid_input", details: { file: "broken.jtl", line: 3, reason: expect.stringContaining("wrong number of fields") } });
    const multi = await engineer.post(RUNS, { multipart: form([STEPPED[0], path.join(FIXTURES, "jmeter", "PerfAction__CSVSample.jtl")]) });
    expect(multi.status()).toBe(422);
    expect((await multi.json()).error.details.reason).toMatch(/different tools/);
    expect(await runTableCounts()).toEqual(before);
  });

  test("a VIEWER token → 403; anonymous → 401", async ({ baseURL, playwright }) => {
    const res = await viewer.post(`${RUNS}?fileName=x.jtl`, { data: "timeStamp,elapsed,label,success\n1700000000000,5,a,true\n" });
    expect(res.status()).toBe(403);
    const anon = await playwright.request.newContext({ baseURL });
    expect((await anon.post(`${RUNS}?fileName=x.jtl`, { data: "x" })).status()).toBe(401);
    await anon.dispose();
  });

  test("?dryRun=1 answers what would be stored and stores nothing, also for a 15 MB body", async () => {
    const before = await runTableCounts();
    const report = fs.readFileSync(path.join(FIXTURES, "artillery", "web-load-test__report.json"));
    const dry = await engineer.post(`${RUNS}?dryRun=1&fileName=report.json`, { data: report });
    expect(dry.status()).toBe(200);
    expect(await dry.json()).toMatchObject({ id: null, dryRun: true, tool: "artillery", duplicateOf: null });
    // Past the 10 MB that Next buffers for a proxy: the route streams it, uncut.
    const rows = 300_000;
    let csv = "timeStamp,elapsed,label,responseCode,success,allThreads\n";
    for (let i = 0; i < rows; i++) csv += `${1_700_000_000_000 + i * 4},${20 + (i % 200)},GET /api/products/${i % 9}?page=1,200,true,50\n`;
    expect(csv.length).toBeGreaterThan(15_000_000);
    const big = await engineer.post(`${RUNS}?dryRun=1&fileName=big.jtl`, { data: csv, timeout: 120_000 });
    expect(big.status()).toBe(200);
    expect(await big.json()).toMatchObject({ requests: rows, users: 50, fileBytes: csv.length });
    expect(await runTableCounts()).toEqual(before);
  });
});
