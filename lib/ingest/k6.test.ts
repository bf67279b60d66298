import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRunFiles } from "./parse-run-files";
import { streamFromBuffer } from "./stream-from-buffer";
import { streamFromFile } from "./stream-from-file";
import { ingestError, listFixtures, parseFixture, parseText } from "./ingest-test-utils";

const SHARED = path.resolve(__dirname, "../../../shared/fixtures/loadtests");
const hasShared = fs.existsSync(SHARED);
const sharedDescribe = hasShared ? describe : describe.skip;
const sharedTitle = hasShared
  ? "k6: shared real-tool fixtures"
  : "k6: shared fixtures absent (../shared/fixtures/loadtests), skipped; a user's clone has none";

const EXPECTED: Record<string, { format: string; requests: number; failures: number; endpoints: number; p95: number | null; users: number; duration: number }> = {
  "300-jpo-leaderboard__k6-summary.json": { format: "k6-handle-summary-json", requests: 842, failures: 0, endpoints: 0, p95: 4.7, users: 49, duration: 40.648 },
  "qr-code-generator__summary-export.json": { format: "k6-summary-export-json", requests: 493168, failures: 0, endpoints: 0, p95: null, users: 149, duration: 115.009 },
  "ticket-reserve__output.json": { format: "k6-ndjson", requests: 100, failures: 1, endpoints: 1, p95: 4101.81, users: 97, duration: 4.187 },
  "ticket-reserve__summary-export.json": { format: "k6-summary-export-json", requests: 100, failures: 1, endpoints: 0, p95: 4101.81, users: 97, duration: 4.213 },
};

sharedDescribe(sharedTitle, () => {
  it("has an expectation for every k6 fixture", () => {
    expect(listFixtures(SHARED, "k6")).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, exp] of Object.entries(EXPECTED)) {
    it(`parses ${name}`, async () => {
      const run = await parseFixture(SHARED, "k6", name);
      expect(run.format).toBe(exp.format);
      expect([run.requests, run.failures, run.endpoints.length, run.p95Ms, run.users]).toEqual([
        exp.requests,
        exp.failures,
        exp.endpoints,
        exp.p95,
        exp.users,
      ]);
      expect(run.durationSeconds).toBeCloseTo(exp.duration, 2);
    });
  }

  it("NDJSON figures match k6's own summary of the same run", async () => {
    const points = await parseFixture(SHARED, "k6", "ticket-reserve__output.json");
    const summary = await parseFixture(SHARED, "k6", "ticket-reserve__summary-export.json");
    expect(points.requests).toBe(summary.requests);
    expect(points.failures).toBe(summary.failures);
    // Up to 5000 values are kept exactly and interpolated the way k6 does: same to 0.01 ms.
    for (const k of ["p50Ms", "p90Ms", "p95Ms", "maxMs", "meanMs"] as const) expect(points[k]).toBeCloseTo(summary[k] ?? NaN, 1);
    expect(points.throughputRps).toBeGreaterThan((summary.throughputRps ?? 0) * 0.97);
    expect(points.throughputRps).toBeLessThan((summary.throughputRps ?? 0) * 1.03);
    expect(points.endpoints[0]).toMatchObject({ method: "POST", name: "http://localhost:8080/event/reserve", requests: 100, failures: 1 });
    expect(points.samples.map((s) => s.users)).toEqual([null, 97, 95, 79, 15]);
    expect(points.samples.reduce((n, s) => n + (s.requests ?? 0), 0)).toBe(100);
    expect(points.errors).toContainEqual({ kind: "check failed", count: 1, endpoint: null, message: "status was 200" });
    expect(points.steps).toEqual([]);
  });

  it("merges the summary with its NDJSON output", async () => {
    const run = await parseRunFiles(
      ["ticket-reserve__summary-export.json", "ticket-reserve__output.json"].map((name) => ({
        name,
        stream: streamFromFile(path.join(SHARED, "k6", name)),
      })),
    );
    expect(run.format).toBe("k6-summary-export-json");
    expect([run.requests, run.failures, run.throughputRps]).toEqual([100, 1, 23.738]);
    expect(run.samples).toHaveLength(5);
    expect(run.endpoints).toHaveLength(1);
    expect(run.startedAt).toBe("2024-08-05T08:24:38.485Z");
  });

  it("warns when custom trend stats leave out p(95)", async () => {
    const run = await parseFixture(SHARED, "k6", "qr-code-generator__summary-export.json");
    expect(run.p99Ms).toBe(348.65);
    expect(run.warnings).toContain("http_req_duration has no p(95) (custom --summary-trend-stats)");
  });
});

const point = (metric: string, time: string, value: number, tags: Record<string, string> = {}) =>
  JSON.stringify({ metric, type: "Point", data: { time, value, tags } });

function steppedNdjson(levels: number[] = [...Array(30).fill(5), 7, 9, ...Array(30).fill(10)]): string {
  const lines = [JSON.stringify({ type: "Metric", data: { name: "vus", type: "gauge" }, metric: "vus" })];
  levels.forEach((vus, sec) => {
    const base = Date.UTC(2025, 0, 1, 12, 0, 0) + sec * 1000;
    lines.push(point("vus", new Date(base).toISOString(), vus));
    for (let i = 0; i < vus; i++) {
      const t = new Date(base + 100 + i * 10).toISOString().replace("Z", "123+00:00");
      const failed = vus === 10 && i === 0;
      const tags = { method: i % 2 ? "GET" : "POST", name: i % 2 ? "/a" : "/b", status: failed ? "503" : "200", expected_response: String(!failed) };
      lines.push(point("http_reqs", t, 1, tags));
      lines.push(point("http_req_duration", t, vus * 10 + i, tags));
      lines.push(point("http_req_blocked", t, 0.1, tags));
    }
  });
  return lines.join("\n") + "\n";
}

describe("k6: synthetic files", () => {
  it("NDJSON: vus levels become steps, endpoints come from method+name tags", async () => {
    const run = await parseText(steppedNdjson(), "out.json");
    expect(run.format).toBe("k6-ndjson");
    expect(run.requests).toBe(30 * 5 + 7 + 9 + 30 * 10);
    expect(run.failures).toBe(30);
    expect(run.endpoints.map((e) => `${e.method} ${e.name}`).sort()).toEqual(["GET /a", "POST /b"]);
    expect(run.steps.map((s) => [s.users, s.requests, s.failures])).toEqual([
      [5, 150, 0],
      [10, 300, 30],
    ]);
    expect(run.errors).toContainEqual({ kind: "HTTP 503", count: 30, endpoint: "/b", message: null });
  });

  it("NDJSON: 10-second plateaus of a `stages` ramp are steps, the 1-second ramp between them is not", async () => {
    const hold = (vus: number) => Array<number>(10).fill(vus);
    const run = await parseText(steppedNdjson([...hold(4), 5, 6, 7, ...hold(8), 9, 10, 11, ...hold(12)]), "out.json");
    expect(run.steps.map((s) => [s.users, s.durationSeconds])).toEqual([[4, 10], [8, 10], [12, 10]]);
  });

  it("NDJSON: a cut-off last line is a warning; a bad line in the middle is an error", async () => {
    const text = steppedNdjson();
    const cut = text.slice(0, text.length - 30);
    const run = await parseText(cut, "out.json");
    expect(run.warnings.some((w) => /^line \d+: truncated last line ignored$/.test(w))).toBe(true);
    const lines = text.split("\n");
    lines[5] = "{not json";
    const err = await ingestError(parseText(lines.join("\n"), "out.json"));
    expect(err.line).toBe(6);
    expect(err.reason).toMatch(/not a JSON object/);
  });

  it("summary-export: a threshold flagged true (k6's inverted flag) failed; handleSummary uses ok:false", async () => {
    const legacy = {
      root_group: { groups: {}, checks: {} },
      metrics: {
        http_reqs: { count: 10, rate: 2 },
        http_req_failed: { passes: 2, fails: 8, value: 0.2 },
        http_req_duration: { avg: 5, med: 4, max: 9, "p(90)": 8, "p(95)": 8.5, thresholds: { "p(95)<5": true, "p(90)<100": false } },
      },
    };
    const a = await parseText(JSON.stringify(legacy), "summary.json");
    expect([a.requests, a.failures, a.errorRatePercent, a.durationSeconds]).toEqual([10, 2, 20, 5]);
    expect(a.warnings).toEqual(["k6 threshold failed: http_req_duration p(95)<5"]);
    const handle = {
      root_group: { groups: [{ name: "g", checks: [{ name: "ok", path: "::g::ok", passes: 1, fails: 3 }], groups: [] }], checks: [] },
      state: { testRunDurationMs: 2000 },
      metrics: {
        http_reqs: { type: "counter", values: { count: 10, rate: 5 } },
        http_req_duration: { type: "trend", values: { med: 4, "p(95)": 6 }, thresholds: { "p(95)<5": { ok: false } } },
      },
    };
    const b = await parseRunFiles([{ name: "s.json", stream: streamFromBuffer(JSON.stringify(handle)) }]);
    expect(b.format).toBe("k6-handle-summary-json");
    expect(b.warnings).toContain("k6 threshold failed: http_req_duration p(95)<5");
    expect(b.errors).toEqual([{ kind: "check failed", count: 3, endpoint: null, message: "::g::ok" }]);
    expect(b.durationSeconds).toBe(2);
    expect(b.testName ?? null).toBeNull();
    const named = await parseRunFiles([{ name: "s.json", stream: streamFromBuffer(JSON.stringify({ testName: " checkout-smoke ", ...handle })) }]);
    expect(named.testName).toBe("checkout-smoke");
  });

  it("reports the line of invalid JSON", async () => {
    const err = await ingestError(parseText('{\n  "root_group": {},\n  "metrics": {\n    "http_reqs": {,}\n  }\n}', "summary.json"));
    expect(err.line).toBe(4);
    expect(err.reason).toMatch(/^invalid JSON/);
  });
});
