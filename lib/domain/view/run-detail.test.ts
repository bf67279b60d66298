import { describe, expect, it } from "vitest";
import week9Json from "../../../prisma/seed/week9-day4.json";
import { makeSettings } from "../test-fixtures";
import { buildEndpointBars, buildEndpointRows, buildErrorRows, classifyRun, buildRunSeries, buildStepRows, errorRate, formatDuration, formatElapsed } from "./run-detail";

const { thresholds } = makeSettings();
const run300 = week9Json.loadTests.find((r) => r.users === 300)! as { endpoints: { method: string; name: string; requests: number; failures: number }[]; errors: { kind: string; count: number }[] };

describe("run detail view model", () => {
  it("ranks the 300-user run's endpoints by failures with error rates and zones", () => {
    const rows = buildEndpointRows(run300.endpoints.map((e) => ({ ...e, p50Ms: null, p95Ms: null })), thresholds);
    expect(rows[0]).toMatchObject({ method: "GET", name: "/api/v1/goals/{id}", failures: 973, errorRatePercent: 40.0576, zone: "death" });
    expect(rows.map((r) => r.failures)).toEqual([...rows.map((r) => r.failures)].sort((a, b) => b - a));
    expect(buildEndpointRows([{ method: null, name: "idle", requests: 0, failures: 0, p50Ms: null, p95Ms: null }], thresholds)[0]).toMatchObject({ errorRatePercent: 0, zone: null });
  });

  it("charts the endpoints with most failures, labels shortened", () => {
    const rows = buildEndpointRows(run300.endpoints.map((e) => ({ ...e, p50Ms: null, p95Ms: null })), thresholds);
    const bars = buildEndpointBars(rows, 3, 16);
    expect(bars).toHaveLength(3);
    expect(bars[0]).toEqual({ label: "GET /api/v1/goa…", zone: "death", errorRatePercent: 40.06, failures: 973, requests: 2429 });
  });

  it("gives each error kind its share", () => {
    const rows = buildErrorRows(run300.errors);
    expect(rows.map((r) => r.count)).toEqual([2215, 1003]);
    expect(rows[0].sharePercent + rows[1].sharePercent).toBeCloseTo(100, 0);
    expect(buildErrorRows([])).toEqual([]);
  });

  it("classifies steps", () => {
    expect(buildStepRows([{ users: 100, durationSeconds: 60, requests: 100, failures: 2, errorRatePercent: 2, p50Ms: 5, p95Ms: 50, throughputRps: 2 }], thresholds)[0].zone).toBe("red");
    expect(errorRate(0, 0)).toBe(0);
    expect(classifyRun({ users: 300, p95Ms: 2100, errorRatePercent: 7.04, steps: [] }, thresholds)).toBe("death");
    expect(classifyRun({ users: 50, p95Ms: 39, errorRatePercent: 0, steps: [] }, thresholds)).toBe("green");
    expect(classifyRun({ users: null, p95Ms: 39, errorRatePercent: 0, steps: [] }, thresholds)).toBeNull();
    expect(classifyRun({ users: 50, p95Ms: 39, errorRatePercent: 0, steps: [{}] }, thresholds)).toBeNull();
  });

  it("puts samples on an elapsed axis and thins long series, keeping peaks", () => {
    const start = Date.parse("2026-01-18T10:00:00Z");
    const samples = Array.from({ length: 1000 }, (_, i) => ({
      t: new Date(start + i * 1000).toISOString(), users: i, requests: 10, failures: i === 501 ? 5 : 0, rps: 10,
      failuresPerSec: i === 501 ? 5 : 0, responseMs: 20, p50Ms: null, p95Ms: i === 503 ? 900 : 50,
    })).reverse();
    const series = buildRunSeries(samples, 100);
    expect(series.points).toHaveLength(100);
    expect(series.points[0]).toMatchObject({ s: 0, users: 9, rps: 10, latencyMs: 50 });
    expect(series.points[50]).toMatchObject({ s: 500, latencyMs: 900, failuresPerSec: 0.5 });
    expect(series).toMatchObject({ latencyLabel: "P95", sampleCount: 1000, durationSeconds: 999, has: { users: true, rps: true, latency: true, failures: true } });
  });

  it("falls back to the mean response time and handles no samples", () => {
    const s = buildRunSeries([{ t: "2026-01-18T10:00:00Z", users: null, requests: 3, failures: 0, rps: 0.1, failuresPerSec: 0, responseMs: 11.5, p50Ms: null, p95Ms: null }]);
    expect(s).toMatchObject({ latencyLabel: "Mean response time", has: { users: false, latency: true } });
    expect(buildRunSeries([])).toMatchObject({ points: [], sampleCount: 0, durationSeconds: 0 });
  });

  it("formats elapsed time and durations", () => {
    expect(formatElapsed(30)).toBe("0:30");
    expect(formatElapsed(725)).toBe("12:05");
    expect(formatElapsed(3723)).toBe("1:02:03");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(300)).toBe("5 min");
    expect(formatDuration(5400)).toBe("1 h 30 min");
    expect(formatDuration(null)).toBe("—");
  });
});
