import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_FIXTURES, ingestError, listFixtures, parseFixture, parseText } from "./ingest-test-utils";

const SHARED = path.resolve(__dirname, "../../../shared/fixtures/loadtests");
const hasShared = fs.existsSync(SHARED);
const sharedDescribe = hasShared ? describe : describe.skip;
const sharedTitle = hasShared
  ? "Artillery: shared real-tool fixtures"
  : "Artillery: shared fixtures absent (../shared/fixtures/loadtests), skipped; a user's clone has none";

const EXPECTED: Record<string, { format: string; requests: number; failures: number; endpoints: number; p95: number; users: number; steps: number[]; samples: number }> = {
  "task_manager_api__artillery-report.json": {
    format: "artillery-v2-json",
    requests: 970241,
    failures: 938125,
    endpoints: 1,
    p95: 9999.2,
    users: 1564,
    steps: [100, 300, 500, 1564],
    samples: 77,
  },
  "web-load-test__report.json": { format: "artillery-v1-json", requests: 6000, failures: 0, endpoints: 0, p95: 5.9, users: 10, steps: [], samples: 61 },
};

sharedDescribe(sharedTitle, () => {
  it("has an expectation for every Artillery fixture", () => {
    expect(listFixtures(SHARED, "artillery")).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [name, exp] of Object.entries(EXPECTED)) {
    it(`parses ${name}; intermediate periods add up to the aggregate`, async () => {
      const run = await parseFixture(SHARED, "artillery", name);
      expect([run.format, run.requests, run.failures, run.endpoints.length, run.p95Ms, run.users]).toEqual([
        exp.format,
        exp.requests,
        exp.failures,
        exp.endpoints,
        exp.p95,
        exp.users,
      ]);
      expect(run.steps.map((s) => s.users)).toEqual(exp.steps);
      expect(run.samples).toHaveLength(exp.samples);
      expect(run.samples.reduce((n, s) => n + (s.requests ?? 0), 0)).toBe(run.requests);
      expect(run.samples.reduce((n, s) => n + (s.failures ?? 0), 0)).toBe(run.failures);
    });
  }

  it("v2: error kinds and the metrics-by-endpoint row", async () => {
    const run = await parseFixture(SHARED, "artillery", "task_manager_api__artillery-report.json");
    expect(run.errors).toEqual([
      { kind: "ETIMEDOUT", count: 937970, endpoint: null, message: null },
      { kind: "ECONNRESET", count: 134, endpoint: null, message: null },
      { kind: "EADDRNOTAVAIL", count: 21, endpoint: null, message: null },
    ]);
    expect(run.endpoints[0]).toMatchObject({ name: "/tasks", requests: 970241, failures: 938125, p95Ms: 9801.2 });
    expect([run.p50Ms, run.p90Ms, run.p99Ms, run.maxMs, run.meanMs]).toEqual([8.9, 9801.2, 9999.2, 10088, 2398.8]);
    expect(run.startedAt).toBe("2025-05-22T09:32:23.777Z");
    expect(run.steps[0]).toMatchObject({ users: 100, requests: 10000, failures: 0, durationSeconds: 50 });
  });
});

describe("Artillery: bundled fixture (v1 report)", () => {
  it("parses web-load-test__report.json", async () => {
    const run = await parseFixture(BUNDLED_FIXTURES, "artillery", "web-load-test__report.json");
    expect([run.requests, run.failures, run.p50Ms, run.p95Ms, run.p99Ms, run.maxMs, run.users]).toEqual([6000, 0, 4.2, 5.9, 19.6, 39.8, 10]);
    // The aggregate has no mean or p90; they come from the raw latencies of the periods.
    expect(run.meanMs).toBeCloseTo(4.53, 1);
    expect(run.p90Ms).toBeGreaterThan(run.p50Ms ?? 0);
    expect(run.p90Ms).toBeLessThan(run.p95Ms ?? 0);
    expect(run.samples).toHaveLength(61);
    expect(run.samples.reduce((n, s) => n + (s.requests ?? 0), 0)).toBe(6000);
    expect(run.durationSeconds).toBeCloseTo(600.5, 0);
  });
});

describe("Artillery: synthetic files", () => {
  it("v2: HTTP codes ≥ 400 are failures", async () => {
    const entry = (period: number, created: number, c200: number, c500: number) => ({
      counters: { "vusers.created": created, "http.requests": c200 + c500, "http.codes.200": c200, "http.codes.500": c500, "errors.ECONNREFUSED": 1 },
      summaries: { "http.response_time": { min: 1, max: 50, mean: 10, p50: 8, p95: 40, p99: 45 } },
      period,
      firstCounterAt: period,
      lastCounterAt: period + 9999,
    });
    const report = {
      aggregate: { ...entry(1700000000000, 30, 25, 5), firstCounterAt: 1700000000000, lastCounterAt: 1700000030000 },
      intermediate: [entry(1700000000000, 10, 9, 1), entry(1700000010000, 10, 8, 2), entry(1700000020000, 10, 8, 2)],
    };
    const run = await parseText(JSON.stringify(report), "report.json");
    expect([run.format, run.requests, run.failures, run.durationSeconds, run.users]).toEqual(["artillery-v2-json", 30, 6, 30, 1]);
    expect(run.errors).toEqual([
      { kind: "HTTP 500", count: 5, endpoint: null, message: null },
      { kind: "ECONNREFUSED", count: 1, endpoint: null, message: null },
    ]);
  });

  it("refuses JSON without an aggregate", async () => {
    const err = await ingestError(parseText('{"intermediate": []}', "report.json", { format: "artillery-v2-json" }));
    expect([err.line, err.reason]).toEqual([1, "Artillery report without an aggregate object"]);
  });
});
