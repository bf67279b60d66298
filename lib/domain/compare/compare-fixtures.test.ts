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
 * page); the expected figures are worked out by hand from the two `_stats.csv` files Locust wrote.
 */
describe("comparison of compare-slow against compare-base (Locust's own stats.csv)", async () => {
  const [slow, base] = await Promise.all(["compare-slow", "compare-base"].map((r) => parseFixture(BUNDLED_FIXTURES, "generated", `${r}_stats.csv`)));
  const c = compareRuns(toInput(slow), toInput(base), DEFAULT_TOLERANCES);
  const row = (name: string) => c.endpoints.find((e) => e.name === name)!;

  it("GET /api/products/[id]: P95 210 vs 130 ms = +61.5 %; errors 5/209 = 2.3923 % vs 0 %; 3.4443 vs 3.3426 req/s = +3.0 %", () => {
    expect(row("/api/products/[id]")).toMatchObject({
      status: "regressed", requests: 209, baselineRequests: 203, p95Ms: 210, baselineP95Ms: 130, p95ChangePercent: 61.5,
      errorRatePercent: 2.3923, baselineErrorRatePercent: 0, errorRateChangePoints: 2.39, throughputChangePercent: 3,
      // z = 2.217 ≥ 1.96 (significance.test.ts), and +2.39 points > 0.5.
      changes: { p95: "regressed", errorRate: "regressed", throughput: "unchanged" },
    });
  });

  it("GET /api/cart: P95 130 vs 120 ms = +8.3 %, within the 10 % tolerance; 3.2301 vs 3.6389 req/s = −11.2 %, but noise over ~60 s", () => {
    // Rates over 196/3.2301 = 60.7 s and 221/3.6389 = 60.7 s: z = −0.409 / √(3.2301/60.7 + 3.6389/60.7) = −1.21.
    expect(row("/api/cart")).toMatchObject({
      status: "unchanged", p95ChangePercent: 8.3, throughputChangePercent: -11.2, errorRateChangePoints: 0,
      changes: { p95: "unchanged", errorRate: "unchanged", throughput: "within-noise" },
    });
  });

  it("GET /api/products: P95 130 vs 150 ms = −13.3 % on 624 and 629 requests: flagged as improved", () => {
    // 1/624 = 0.1603 % vs 0: +0.16 points, inside the 0.5-point tolerance.
    expect(row("/api/products")).toMatchObject({ status: "improved", p95ChangePercent: -13.3, errorRateChangePoints: 0.16 });
  });

  it("the whole run (Aggregated rows): P95 170 vs 140 ms = +21.4 %; errors 6/1029 = 0.5831 % vs 0 % (z = 2.48)", () => {
    expect(c.summary).toMatchObject({
      status: "regressed", p95ChangePercent: 21.4, errorRatePercent: 0.5831, errorRateChangePoints: 0.58,
      throughputRps: 16.958, baselineThroughputRps: 17.338, throughputChangePercent: -2.2,
      changes: { p95: "regressed", errorRate: "regressed", throughput: "unchanged" },
    });
    expect(c.counts).toEqual({ regressed: 1, improved: 1, unchanged: 1, new: 0, gone: 0 });
    expect(c.sameLoad).toBe(true);
    expect(c.regressed).toBe(true);
  });
});
