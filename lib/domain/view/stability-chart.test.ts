import { describe, expect, it } from "vitest";
import stabilityJson from "../../../prisma/seed/plan-a-day3-stability.json";
import { buildStabilityChart, formatSignedPercent, metricLabel } from "./stability-chart";

const samples = stabilityJson.samples.map(({ t, responseMs, requests, failures, ...metrics }) => ({ t, responseMs, requests, failures, metrics }));

describe("buildStabilityChart", () => {
  const chart = buildStabilityChart(samples, stabilityJson.baseline.meanMs);

  it("plots latency against the baseline over the hour, with the one failure marked", () => {
    expect(chart.latency).toHaveLength(120);
    expect(chart.latency[0]).toMatchObject({ s: 0, responseMs: 11.51, baselineMs: 8.42 });
    expect(chart.durationSeconds).toBe(119 * 30);
    expect(chart.errorMarkers).toHaveLength(1);
    expect(chart.errorMarkers[0].failures).toBe(1);
  });

  it("groups CPU, memory and connections, and summarises the other metrics", () => {
    expect(chart.resources.map((r) => [r.id, r.series.map((s) => s.key)])).toEqual([
      ["cpu", ["apiCpuPercent", "dbCpuPercent"]],
      ["memory", ["apiMemPercent", "dbMemPercent"]],
      ["connections", ["dbConnections"]],
    ]);
    expect(chart.resources[0].points[0]).toEqual({ s: 0, apiCpuPercent: 34.1, dbCpuPercent: 26.1 });
    expect(chart.otherMetrics.map((m) => m.key).sort()).toEqual(["dbCacheHitPercent", "redisMemMb", "redisOpsPerSec"]);
    const cache = chart.otherMetrics.find((m) => m.key === "dbCacheHitPercent")!;
    expect(cache.min).toBeLessThanOrEqual(cache.mean);
    expect(cache.mean).toBeLessThanOrEqual(cache.max);
  });

  it("thins long series but keeps every failure marker", () => {
    const thin = buildStabilityChart(samples, 8.42, 40);
    expect(thin.latency).toHaveLength(40);
    expect(thin.errorMarkers).toHaveLength(1);
    expect(thin.resources[0].points).toHaveLength(40);
  });

  it("copes with no samples and samples without metrics", () => {
    expect(buildStabilityChart([], 10)).toEqual({ latency: [], errorMarkers: [], resources: [], otherMetrics: [], durationSeconds: 0 });
    const bare = buildStabilityChart([{ t: "2026-01-01T00:00:00Z", responseMs: null, requests: null, failures: null, metrics: null }], 10);
    expect(bare.resources).toEqual([]);
    expect(bare.latency[0]).toEqual({ s: 0, responseMs: null, baselineMs: 10, failures: 0 });
    const noBaseline = buildStabilityChart([{ t: "2026-01-01T00:00:00Z", responseMs: null, requests: 1, failures: 1, metrics: {} }], null);
    expect(noBaseline.errorMarkers).toEqual([{ s: 0, responseMs: 0, failures: 1 }]);
  });

  it("labels metrics and signed percentages", () => {
    expect(metricLabel("dbCacheHitPercent")).toBe("Db cache hit %");
    expect(metricLabel("redisMemMb")).toBe("Redis mem MB");
    expect(metricLabel("redisOpsPerSec")).toBe("Redis ops /s");
    expect(formatSignedPercent(16.6)).toBe("+16.6%");
    expect(formatSignedPercent(-60.2)).toBe("−60.2%");
    expect(formatSignedPercent(null)).toBe("—");
  });
});
