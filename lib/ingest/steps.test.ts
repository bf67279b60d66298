import { describe, expect, it } from "vitest";
import { BUNDLED_FIXTURES, parseFixture } from "./ingest-test-utils";
import { computeSteps } from "./steps";
import type { SeriesPoint } from "./time-series";

/** One point per second at the given user counts (10 requests each, no histogram). */
function points(users: number[], widthMs = 1000): SeriesPoint[] {
  return users.map((u, i) => ({ tMs: i * widthMs, widthMs, users: u, requests: 10, failures: 0, rps: 10, p50Ms: u, p95Ms: u * 2 }));
}
const hold = (users: number, n: number) => Array<number>(n).fill(users);

describe("computeSteps: short plateaus", () => {
  it("a level held 10 s with 10 samples between changes of the user count is a step", () => {
    const steps = computeSteps(points([...hold(5, 10), ...hold(10, 10), ...hold(15, 10)]));
    expect(steps.map((s) => [s.users, s.durationSeconds, s.requests])).toEqual([[5, 10, 100], [10, 10, 100], [15, 10, 100]]);
  });

  it("fewer than 10 seconds is not a step, even with enough samples", () => {
    expect(computeSteps(points([...hold(5, 9), ...hold(10, 9)]))).toEqual([]);
    // 2-second samples: 5 samples are 10 s, a step; 4 samples (8 s) are not.
    expect(computeSteps(points([...hold(5, 5), ...hold(10, 5)], 2000)).map((s) => s.users)).toEqual([5, 10]);
    expect(computeSteps(points([...hold(5, 4), ...hold(10, 4)], 2000))).toEqual([]);
  });

  it("fewer than 5 samples is not a step, even when they span 10 s or more", () => {
    expect(computeSteps(points([...hold(5, 4), ...hold(10, 4)], 5000))).toEqual([]);
  });

  it("a ramp (the count changing every sample) is no step, the plateaus around it are", () => {
    const ramp = Array.from({ length: 30 }, (_, i) => 10 + i);
    expect(computeSteps(points(ramp))).toEqual([]);
    const steps = computeSteps(points([...hold(10, 15), ...ramp.slice(1, 10), ...hold(20, 15)]));
    expect(steps.map((s) => [s.users, s.durationSeconds])).toEqual([[10, 15], [20, 15]]);
  });

  it("a stair held 10 s between two long plateaus is part of the ramp, not a step", () => {
    const steps = computeSteps(points([...hold(10, 300), ...hold(15, 12), ...hold(20, 300)]));
    expect(steps.map((s) => s.users)).toEqual([10, 20]);
  });

  it("one level only is no stepped run", () => {
    expect(computeSteps(points(hold(10, 60)))).toEqual([]);
  });
});

/** Real Locust 2.12 runs with four levels of 10 s and 15 s and three of 60 s (tests/fixtures/loadtests/generated/README.md). */
describe("computeSteps on generated Locust step-load runs", () => {
  const history = (run: string) => parseFixture(BUNDLED_FIXTURES, "generated", `${run}_stats_history.csv`);

  it.each([
    ["plateau-10s", [5, 10, 15, 20], 10],
    ["plateau-15s", [5, 10, 15, 20], 15],
    ["plateau-60s", [4, 8, 12], 60],
  ])("%s: every level is a step of about its length", async (run, levels, seconds) => {
    const r = await history(run);
    expect(r.steps.map((s) => s.users)).toEqual(levels);
    for (const s of r.steps) {
      // Locust's history writer can miss a second under load; the last 60 s level has 51 rows.
      expect(s.durationSeconds).toBeGreaterThanOrEqual(Math.floor(seconds * 0.85));
      expect(s.durationSeconds).toBeLessThanOrEqual(seconds + 1);
      expect(s.requests).toBeGreaterThan(0);
    }
    expect(r.steps.reduce((n, s) => n + s.requests, 0)).toBeLessThanOrEqual(r.requests);
  });

  it("a single-level run has no steps", async () => {
    expect((await history("compare-base")).steps).toEqual([]);
  });
});
