import { describe, expect, it } from "vitest";
import { compareMeasures } from "./compare-measures";
import { compareRuns } from "./compare-runs";
import { DEFAULT_TOLERANCES, type CompareEndpointInput, type CompareRunInput, type CompareStepInput } from "./types";

const ep = (method: string | null, name: string, requests: number, failures: number, p95Ms: number | null, throughputRps: number | null): CompareEndpointInput =>
  ({ method, name, requests, failures, p95Ms, throughputRps, durationSeconds: 600 });
const step = (users: number, requests: number, failures: number, p95Ms: number, durationSeconds = 60): CompareStepInput =>
  ({ users, requests, failures, p95Ms, durationSeconds, throughputRps: requests / durationSeconds });
function runOf(endpoints: CompareEndpointInput[], steps: CompareStepInput[] = [], users: number | null = 50): CompareRunInput {
  const requests = endpoints.reduce((n, e) => n + e.requests, 0);
  return {
    users, requests, failures: endpoints.reduce((n, e) => n + e.failures, 0), p95Ms: Math.max(...endpoints.map((e) => e.p95Ms ?? 0)),
    throughputRps: requests / 600, durationSeconds: 600, endpoints, steps,
  };
}

describe("compareMeasures: flagged only beyond tolerance and noise", () => {
  const base = { requests: 1000, failures: 10, p95Ms: 200, throughputRps: 50, durationSeconds: 20 };
  it("P95 +10 % exactly is within tolerance; +10.5 % is a regression; −20 % an improvement", () => {
    expect(compareMeasures({ ...base, p95Ms: 220 }, base, DEFAULT_TOLERANCES).changes.p95).toBe("unchanged");
    expect(compareMeasures({ ...base, p95Ms: 221 }, base, DEFAULT_TOLERANCES)).toMatchObject({ p95ChangePercent: 10.5, status: "regressed" });
    expect(compareMeasures({ ...base, p95Ms: 160 }, base, DEFAULT_TOLERANCES)).toMatchObject({ p95ChangePercent: -20, status: "improved" });
  });
  it("a P95 from fewer than 100 requests on either side is never flagged", () => {
    const m = compareMeasures({ ...base, requests: 99, failures: 0, p95Ms: 900 }, base, DEFAULT_TOLERANCES);
    expect(m.changes.p95).toBe("too-few-requests");
  });
  it("error rate: +0.6 points on 1000 requests is noise, on 100 000 a regression", () => {
    const small = compareMeasures({ ...base, failures: 16 }, base, DEFAULT_TOLERANCES);
    expect([small.errorRateChangePoints, small.changes.errorRate, small.status]).toEqual([0.6, "within-noise", "unchanged"]);
    const big = { ...base, requests: 100_000, failures: 1000 };
    expect(compareMeasures({ ...big, failures: 1600 }, big, DEFAULT_TOLERANCES).changes.errorRate).toBe("regressed");
    expect(compareMeasures({ ...big, failures: 1040 }, big, DEFAULT_TOLERANCES).changes.errorRate).toBe("unchanged");
  });
  it("throughput: −20 % over 20 s at 50 req/s is a regression, −5 % is within tolerance", () => {
    expect(compareMeasures({ ...base, throughputRps: 40 }, base, DEFAULT_TOLERANCES)).toMatchObject({ throughputChangePercent: -20, status: "regressed" });
    expect(compareMeasures({ ...base, throughputRps: 47.5 }, base, DEFAULT_TOLERANCES).changes.throughput).toBe("unchanged");
    // Over 1 s at 5 req/s, −40 % is what Poisson noise does.
    const tiny = { ...base, throughputRps: 5, durationSeconds: 1 };
    expect(compareMeasures({ ...tiny, throughputRps: 3 }, tiny, DEFAULT_TOLERANCES).changes.throughput).toBe("within-noise");
  });
  it("tolerances are the project's", () => {
    expect(compareMeasures({ ...base, p95Ms: 221 }, base, { ...DEFAULT_TOLERANCES, p95Percent: 25 }).status).toBe("unchanged");
  });
  it("missing figures are not measured, not flagged", () => {
    const m = compareMeasures({ ...base, p95Ms: null, throughputRps: null }, base, DEFAULT_TOLERANCES);
    expect([m.changes.p95, m.changes.throughput, m.p95ChangePercent]).toEqual(["not-measured", "not-measured", null]);
  });
});

describe("compareRuns", () => {
  it("two runs with different endpoint sets: matched by method and normalized name, the rest new or gone", () => {
    const baseline = runOf([
      ep("GET", "/api/tasks/{id}", 5000, 5, 120, 8.3), ep("POST", "/api/tasks", 2000, 2, 300, 3.3),
      ep("GET", "/api/legacy/report", 400, 0, 900, 0.7), ep(null, "Login", 1000, 0, 80, 1.7),
    ]);
    const run = runOf([
      ep("GET", "/api/tasks/17", 3000, 3, 180, 5), ep("GET", "/api/tasks/942", 2000, 2, 150, 3.3),
      ep("post", "https://api.example.com/api/tasks?async=1", 2000, 2, 290, 3.3),
      ep("GET", "/api/search", 800, 0, 60, 1.3), ep("POST", "Login", 1000, 0, 82, 1.7),
    ]);
    const c = compareRuns(run, baseline, DEFAULT_TOLERANCES);
    const byKey = Object.fromEntries(c.endpoints.map((e) => [e.key, e]));
    // /api/tasks/17 + /api/tasks/942 fold into one: 5000 requests, P95 the larger one (180 ms).
    expect(byKey["GET /api/tasks/{id}"]).toMatchObject({ status: "regressed", name: "/api/tasks/{id}", requests: 5000, p95Ms: 180, p95ChangePercent: 50, baselineName: null });
    expect(byKey["POST /api/tasks"]).toMatchObject({ status: "unchanged", p95ChangePercent: -3.3, baselineName: "/api/tasks" });
    expect(byKey["GET /api/search"]).toMatchObject({ status: "new", baselineRequests: 0, p95ChangePercent: null, baselineP95Ms: null });
    expect(byKey["GET /api/legacy/report"]).toMatchObject({ status: "gone", requests: 0, baselineRequests: 400, baselineP95Ms: 900, p95Ms: null });
    // "Login" without a method in the baseline pairs with the only "Login" of the run.
    expect(byKey["POST Login"]).toMatchObject({ status: "unchanged", p95ChangePercent: 2.5 });
    expect(c.counts).toEqual({ regressed: 1, improved: 0, unchanged: 2, new: 1, gone: 1 });
    expect(c.endpoints.map((e) => e.status)).toEqual(["regressed", "new", "gone", "unchanged", "unchanged"]);
    expect(c.regressed).toBe(true);
  });

  it("a stepped run against a single-level run: steps only for the levels both held, none here", () => {
    const e = [ep("GET", "/", 6000, 0, 100, 10)];
    const stepped = runOf(e, [step(10, 2000, 0, 80), step(20, 2000, 0, 100), step(50, 2000, 0, 140)], 50);
    const single = runOf(e, [], 50);
    const c = compareRuns(stepped, single, DEFAULT_TOLERANCES);
    expect(c.steps).toEqual([]);
    expect(c.sameLoad).toBe(true);
    expect(c.summary.status).toBe("unchanged");
  });

  it("two stepped runs: one row per user level present in both, flagged per level", () => {
    const e = [ep("GET", "/", 6000, 0, 100, 10)];
    const a = runOf(e, [step(10, 2000, 0, 80), step(20, 2000, 0, 100), step(40, 2000, 100, 400)], 40);
    const b = runOf(e, [step(10, 2000, 0, 82), step(20, 2000, 0, 100), step(30, 2000, 0, 150)], 30);
    const c = compareRuns(a, b, DEFAULT_TOLERANCES);
    expect(c.steps.map((s) => [s.users, s.p95ChangePercent, s.status])).toEqual([[10, -2.4, "unchanged"], [20, 0, "unchanged"]]);
    expect(c.sameLoad).toBe(false);
  });

  it("a regression only in one step makes the comparison regressed", () => {
    const e = [ep("GET", "/", 6000, 0, 100, 10)];
    const a = runOf(e, [step(10, 2000, 0, 80), step(20, 2000, 0, 200)]);
    const b = runOf(e, [step(10, 2000, 0, 80), step(20, 2000, 0, 100)]);
    const c = compareRuns(a, b, DEFAULT_TOLERANCES);
    expect([c.summary.status, c.counts.regressed, c.steps[1].status, c.regressed]).toEqual(["unchanged", 0, "regressed", true]);
  });

  it("a run against an identical one: nothing flagged", () => {
    const r = runOf([ep("GET", "/a", 500, 1, 100, 1), ep("GET", "/b", 500, 0, 50, 1)]);
    const c = compareRuns(r, r, DEFAULT_TOLERANCES);
    expect(c.regressed).toBe(false);
    expect(c.counts.unchanged).toBe(2);
  });
});
