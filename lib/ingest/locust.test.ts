import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseRunFiles } from "./parse-run-files";
import { streamFromBuffer } from "./stream-from-buffer";
import { streamFromFile } from "./stream-from-file";
import { BUNDLED_FIXTURES, ingestError, listFixtures, parseFixture, parseText } from "./ingest-test-utils";

const SHARED = path.resolve(__dirname, "../../../shared/fixtures/loadtests");
const hasShared = fs.existsSync(SHARED);
const sharedDescribe = hasShared ? describe : describe.skip;
const sharedTitle = hasShared
  ? "Locust: shared real-tool fixtures"
  : "Locust: shared fixtures absent (../shared/fixtures/loadtests), skipped; a user's clone has none";

/** Figures derived per fixture (requests and failures exact, from the files themselves). */
const EXPECTED: Record<string, { requests: number; failures: number; endpoints: number; p95: number | null; users: number | null } | "companion"> = {
  "20200823__locust_stats.csv": { requests: 15, failures: 0, endpoints: 1, p95: 88, users: null },
  "PressureTest__result_requests.csv": { requests: 14640, failures: 0, endpoints: 1, p95: null, users: null },
  "PressureTest__result_distribution.csv": "companion",
  "XFJ__example_stats.csv": { requests: 84115, failures: 1681, endpoints: 11, p95: 1100, users: null },
  "XFJ__example_stats_history.csv": { requests: 84115, failures: 1681, endpoints: 0, p95: null, users: 200 },
  "odoo-locust__results_stats.csv": { requests: 225, failures: 50, endpoints: 16, p95: 172000, users: null },
  "odoo-locust__results_stats_history.csv": { requests: 225, failures: 50, endpoints: 16, p95: null, users: 50 },
  "odoo-locust__results_failures.csv": "companion",
  "odoo-locust__results_exceptions.csv": "companion",
};

const file = (name: string) => ({ name, stream: streamFromFile(path.join(SHARED, "locust", name)) });

sharedDescribe(sharedTitle, () => {
  it("has an expectation for every Locust fixture", () => {
    expect(listFixtures(SHARED, "locust")).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, exp] of Object.entries(EXPECTED)) {
    it(`parses ${name}`, async () => {
      if (exp === "companion") {
        const err = await ingestError(parseFixture(SHARED, "locust", name));
        expect(err.reason).toMatch(/upload it together with the _stats\.csv/);
        return;
      }
      const run = await parseFixture(SHARED, "locust", name);
      expect(run.tool).toBe("locust");
      expect(run.requests).toBe(exp.requests);
      expect(run.failures).toBe(exp.failures);
      expect(run.endpoints).toHaveLength(exp.endpoints);
      expect(run.p95Ms).toBe(exp.p95);
      expect(run.users).toBe(exp.users);
      if (exp.endpoints > 0) expect(run.endpoints.reduce((n, e) => n + e.requests, 0)).toBe(exp.requests);
    });
  }

  it("decodes GBK endpoint names (not UTF-8) without garbling them", async () => {
    const a = await parseFixture(SHARED, "locust", "20200823__locust_stats.csv");
    expect(a.endpoints[0].name).toBe("get接口");
    expect(a.warnings.join()).toMatch(/gb18030/);
    const b = await parseFixture(SHARED, "locust", "XFJ__example_stats.csv");
    expect(b.endpoints.map((e) => e.name)).toContain("查看影响力榜单");
  });

  it("history totals agree with the stats file of the same run (XFJ, odoo)", async () => {
    for (const prefix of ["XFJ__example", "odoo-locust__results"]) {
      const stats = await parseFixture(SHARED, "locust", `${prefix}_stats.csv`);
      const hist = await parseFixture(SHARED, "locust", `${prefix}_stats_history.csv`);
      expect(hist.requests).toBe(stats.requests);
      expect(hist.failures).toBe(stats.failures);
      expect(hist.p50Ms).toBe(stats.p50Ms);
      expect(hist.maxMs).toBe(stats.maxMs);
      expect(hist.samples.length).toBeGreaterThan(100);
      expect(hist.samples.length).toBeLessThanOrEqual(3600);
      expect(hist.samples.reduce((n, s) => n + (s.requests ?? 0), 0)).toBe(stats.requests);
      // Locust's own Requests/s times the active duration gives the request count back.
      expect(Math.abs((stats.throughputRps ?? 0) * (hist.durationSeconds ?? 0) - stats.requests)).toBeLessThan(stats.requests * 0.02);
      expect(hist.steps).toEqual([]);
    }
  });

  it("odoo: failures file matches the stats failure counts per endpoint", async () => {
    const stats = await parseFixture(SHARED, "locust", "odoo-locust__results_stats.csv");
    const run = await parseRunFiles([file("odoo-locust__results_stats.csv"), file("odoo-locust__results_failures.csv")]);
    const byName = new Map<string, number>();
    for (const e of run.errors) byName.set(e.endpoint ?? "", (byName.get(e.endpoint ?? "") ?? 0) + e.count);
    for (const ep of stats.endpoints.filter((e) => e.failures > 0)) expect(byName.get(ep.name)).toBe(ep.failures);
    expect(run.errors.reduce((n, e) => n + e.count, 0)).toBe(stats.failures);
    expect(run.errors[0].kind).toBe("RemoteDisconnected");
  });

  it("merges stats + history + failures + exceptions into one run", async () => {
    const run = await parseRunFiles([
      file("odoo-locust__results_stats.csv"),
      file("odoo-locust__results_stats_history.csv"),
      file("odoo-locust__results_failures.csv"),
      file("odoo-locust__results_exceptions.csv"),
    ]);
    expect(run.format).toBe("locust-stats-csv");
    expect([run.requests, run.failures, run.users, run.p95Ms]).toEqual([225, 50, 50, 172000]);
    expect(run.endpoints).toHaveLength(16);
    expect(run.samples.length).toBe(906);
    expect(run.startedAt).toBe("2025-08-25T05:43:18.000Z");
    expect(run.errors.filter((e) => e.kind === "exception").length).toBeGreaterThan(0);
    expect(run.errors.filter((e) => e.kind !== "exception").reduce((n, e) => n + e.count, 0)).toBe(50);
  });
});

describe("Locust: bundled fixtures (pre-0.13.3 requests + distribution pair)", () => {
  const dir = path.join(BUNDLED_FIXTURES, "locust");
  it("parses the requests file alone", async () => {
    const run = await parseFixture(BUNDLED_FIXTURES, "locust", "PressureTest__result_requests.csv");
    expect(run.format).toBe("locust-requests-csv");
    expect([run.requests, run.failures, run.p50Ms, run.meanMs, run.maxMs, run.throughputRps]).toEqual([14640, 0, 95, 237, 1181, 375.54]);
    expect(run.endpoints[0]).toMatchObject({ method: "POST", name: "/v1/faces/userlogotags?mySoulId=0" });
  });

  it("takes percentiles from the distribution file when both are given", async () => {
    const run = await parseRunFiles(
      ["PressureTest__result_requests.csv", "PressureTest__result_distribution.csv"].map((name) => ({
        name,
        stream: streamFromFile(path.join(dir, name)),
      })),
    );
    expect([run.requests, run.p50Ms, run.p90Ms, run.p95Ms, run.p99Ms]).toEqual([14640, 95, 1000, 1000, 1100]);
    expect(run.endpoints[0]).toMatchObject({ requests: 14640, p95Ms: 1000, p99Ms: 1100 });
  });
});

describe("Locust: synthetic files", () => {
  const header2x =
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%";

  it("reads latin1/windows-1252 names without garbling them", async () => {
    const csv = `${header2x}\nGET,/café/crème,10,1,50,55.5,10,90,100,1.5,0.1,50,60,60,70,80,90,90,90,90,90,90\n,Aggregated,10,1,50,55.5,10,90,100,1.5,0.1,50,60,60,70,80,90,90,90,90,90,90\n`;
    const run = await parseText(iconv.encode(csv, "win1252"), "x_stats.csv");
    expect(run.endpoints[0].name).toBe("/café/crème");
    expect(run.warnings[0]).toMatch(/^line 2: not valid UTF-8, decoded as windows-1252/);
    expect([run.requests, run.failures, run.p95Ms, run.errorRatePercent]).toEqual([10, 1, 90, 10]);
  });

  it("splits a stepped history into per-level steps and ignores the ramp", async () => {
    const head =
      "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size";
    const lines = [head];
    let t = 1_700_000_000;
    let total = 0;
    let fails = 0;
    const levels = [...Array(40).fill(10), 12, 14, 16, 18, ...Array(40).fill(20), 25, ...Array(40).fill(30)];
    for (const u of levels) {
      total += u;
      if (u === 30) fails += 3;
      const pct = Array(11).fill(u * 10).join(",");
      lines.push(`${t++},${u},,Aggregated,${u},${u === 30 ? 3 : 0},${pct},${total},${fails},100,100.0,1,500,10`);
    }
    const run = await parseText(lines.join("\n"), "step_stats_history.csv");
    expect(run.steps.map((s) => [s.users, s.requests, s.failures, s.p95Ms, s.durationSeconds])).toEqual([
      [10, 400, 0, 100, 40],
      [20, 800, 0, 200, 40],
      [30, 1200, 120, 300, 40],
    ]);
    expect(run.steps[2].errorRatePercent).toBe(10);
    expect(run.users).toBe(30);
    expect(run.requests).toBe(total);
  });

  it("refuses a stats file with wrong columns, with the header line", async () => {
    const err = await ingestError(parseText("Type,Name,Request Count,Median Response Time\nGET,/,1,2\n", "x_stats.csv", { format: "locust-stats-csv" }));
    expect(err.line).toBe(1);
    expect(err.reason).toMatch(/wrong columns: missing "failure count"/);
  });

  it("refuses a history with only its header and a cut first row: no requests found", async () => {
    const header = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size";
    const err = await ingestError(parseRunFiles([{ name: "x_stats_history.csv", stream: streamFromBuffer(`${header}\n1795689247,0,,Aggr`) }]));
    expect(err.file).toBe("x_stats_history.csv");
    expect(err.reason).toMatch(/^no requests found/);
  });

  it("refuses a row with the wrong number of fields, with its line", async () => {
    const err = await ingestError(parseText(`${header2x}\nGET,/a,1,0,5\n,Aggregated,1,0,5,5,5,5,0,1,0,5,5,5,5,5,5,5,5,5,5,5\n`, "x_stats.csv"));
    expect([err.line, err.reason]).toEqual([2, "wrong number of fields: expected 22 as in the header, found 5"]);
  });

  it("streams input of any chunking identically (1-byte chunks)", async () => {
    const csv = `"Type","Name","Request Count","Failure Count","Median Response Time","Average Response Time","Min Response Time","Max Response Time","Average Content Size","Requests/s","Failures/s","50%","95%","100%"\r\n"GET","/a,""b""",3,0,5,5,5,5,0,1,0,5,7,9\r\n"None","Aggregated",3,0,5,5,5,5,0,1,0,5,7,9`;
    const run = await parseText(csv, "q_stats.csv", {}, 1);
    expect(run.endpoints[0].name).toBe('/a,"b"');
    expect([run.requests, run.p95Ms, run.maxMs]).toEqual([3, 7, 5]);
    const again = await parseRunFiles([{ name: "q_stats.csv", stream: streamFromBuffer(csv, 7) }]);
    expect(again.endpoints).toEqual(run.endpoints);
  });
});
