import { describe, expect, it } from "vitest";
import { buildOverlaySeries, type OverlaySampleInput } from "./overlay-series";

const series = (start: string, n: number, f: (i: number) => Partial<OverlaySampleInput>): OverlaySampleInput[] =>
  Array.from({ length: n }, (_, i) => ({ t: new Date(Date.parse(start) + i * 1000).toISOString(), rps: 10, p95Ms: 100, responseMs: 50, ...f(i) }));

describe("buildOverlaySeries", () => {
  it("aligns both runs from their own start, whatever their dates", () => {
    const o = buildOverlaySeries(series("2026-12-02T10:00:00Z", 3, (i) => ({ p95Ms: 200 + i })), series("2026-11-01T08:30:00Z", 2, () => ({})));
    expect(o.points).toEqual([
      { s: 0, runLatencyMs: 200, baselineLatencyMs: 100, runRps: 10, baselineRps: 10 },
      { s: 1, runLatencyMs: 201, baselineLatencyMs: 100, runRps: 10, baselineRps: 10 },
      { s: 2, runLatencyMs: 202, baselineLatencyMs: null, runRps: 10, baselineRps: null },
    ]);
    expect([o.latencyLabel, o.bucketSeconds, o.has]).toEqual(["P95", 1, { latency: true, rps: true }]);
  });
  it("widens buckets to stay under maxPoints, averaging inside a bucket", () => {
    const o = buildOverlaySeries(series("2026-12-02T10:00:00Z", 100, (i) => ({ rps: i })), [], 10);
    expect(o.bucketSeconds).toBe(10);
    expect(o.points.length).toBeLessThanOrEqual(10);
    expect(o.points[0]).toMatchObject({ s: 0, runRps: 4.5, baselineRps: null });
  });
  it("compares mean response times when one run has no P95", () => {
    const o = buildOverlaySeries(series("2026-12-02T10:00:00Z", 2, () => ({ p95Ms: null })), series("2026-12-01T10:00:00Z", 2, () => ({})));
    expect([o.latencyLabel, o.points[0].runLatencyMs, o.points[0].baselineLatencyMs]).toEqual(["Mean response time", 50, 50]);
  });
  it("no samples: no points", () => {
    expect(buildOverlaySeries([], [])).toMatchObject({ points: [], has: { latency: false, rps: false } });
  });
});
