import { describe, expect, it } from "vitest";
import { BUNDLED_FIXTURES, parseFixture } from "@/lib/ingest/ingest-test-utils";
import type { NormalizedRun } from "@/lib/ingest/types";
import { compareRuns } from "./compare-runs";
import { DEFAULT_TOLERANCES, type CompareRunInput } from "./types";

const toInput = (r: NormalizedRun): CompareRunInput => ({
  users: r.users, requests: r.requests, failures: r.failures, p95Ms: r.p95Ms, throughputRps: r.throughputRps, durationSeconds: r.durationSeconds,
  endpoints: r.endpoints.map((e) => ({ ...e, durationSeconds: null })), steps: r.steps.map((s) => ({ ...s })),
});

/**
 * Two real Locust runs (tests/fixtures/loadtests/generated: compare-slow has a 3× slower product
 * page, run after compare-base on a machine shared with other jobs, hence the other endpoints' moves); the expected figures are worked out by hand from the two `_stats.csv` files Locust wrote.
 */
describe("comparison of compare-slow against compare-base (Locust's own stats.csv)", async () => {
  const [slow, base] = await Promise.all(["compare-slow", "compare-base"].map((r) => parseFixture(BUNDLED_FIXTURES, "generated", `${r}_stats.csv`)));
  const c = compareRuns(toInput(slow), toInput(base), DEFAULT_TOLERANCES);
  const row = (name: string) => c.endpoints.find((e) => e.name === name)!;

  it("GET /api/products/[id]: P95 160 vs 84 ms = +90.5 %; errors 4/220 = 1.8182 % vs 0/233 (z = 2.07); 3.6639 vs 3.8549 req/s = −5.0 %", () => {
    // z: p = 4/453; se = √(p(1−p)(1/220 + 1/233)) = 0.0087948; z = 0.018182 / se = 2.067 ≥ 1.96, and +1.82 points > 0.5.
    expect(row("/api/products/[id]")).toMatchObject({
      status: "regressed", requests: 220, baselineRequests: 233, p95Ms: 160, baselineP95Ms: 84, p95ChangePercent: 90.5,
      errorRatePercent: 1.8182, baselineErrorRatePercent: 0, errorRateChangePoints: 1.82, throughputChangePercent: -5,
      changes: { p95: "regressed", errorRate: "regressed", throughput: "unchanged" },
    });
  });

  it("GET /api/cart: P95 65 vs 85 ms = −23.5 % (improved); 3.4141 vs 3.6894 req/s = −7.5 %, inside the 10 % tolerance", () => {
    expect(row("/api/cart")).toMatchObject({
      status: "improved", p95ChangePercent: -23.5, throughputChangePercent: -7.5, errorRateChangePoints: 0,
      changes: { p95: "improved", errorRate: "unchanged", throughput: "unchanged" },
    });
  });

  it("GET /api/products: P95 64 vs 98 ms = −34.7 %; errors 1/636 = 0.1572 % vs 1/619 = 0.1616 %: −0.004, 0.00 points", () => {
    expect(row("/api/products")).toMatchObject({ status: "improved", p95ChangePercent: -34.7, errorRatePercent: 0.1572, baselineErrorRatePercent: 0.1616, errorRateChangePoints: 0, throughputChangePercent: 3.4 });
  });

  it("the whole run (Aggregated rows): P95 140 vs 94 ms = +48.9 %; errors 5/1061 = 0.4713 % vs 1/1075 = 0.093 %: +0.38 points, inside tolerance", () => {
    expect(c.summary).toMatchObject({
      status: "regressed", p95ChangePercent: 48.9, errorRatePercent: 0.4713, baselineErrorRatePercent: 0.093, errorRateChangePoints: 0.38,
      throughputRps: 17.67, baselineThroughputRps: 17.785, throughputChangePercent: -0.6,
      changes: { p95: "regressed", errorRate: "unchanged", throughput: "unchanged" },
    });
    expect(c.counts).toEqual({ regressed: 1, improved: 2, unchanged: 0, new: 0, gone: 0 });
    expect(c.sameLoad).toBe(true);
    expect(c.regressed).toBe(true);
  });
});
