import { describe, expect, it } from "vitest";
import week9Json from "../../../prisma/seed/week9-day4.json";
import { computeCapacity } from "../compute-capacity";
import { mapWeek9Scenario } from "../scenario-mapping";
import { makeRun, makeSettings } from "../test-fixtures";
import { buildCapacityChart, buildCapacityRunRows, logDomain, niceAxisMax } from "./capacity-chart";

const { thresholds } = makeSettings();

describe("buildCapacityChart", () => {
  const { runs } = mapWeek9Scenario(week9Json);
  const capacity = computeCapacity(runs, thresholds);

  it("turns the week9 zones into bands that cover the user axis", () => {
    const chart = buildCapacityChart(capacity, 200);
    expect(chart.maxUsers).toBe(550);
    expect(chart.bands).toEqual([
      { zone: "green", x1: 0, x2: 150, label: "0–150 users" },
      { zone: "yellow", x1: 150, x2: 250, label: "150–250 users" },
      { zone: "red", x1: 250, x2: 300, label: "250–300 users" },
      { zone: "death", x1: 300, x2: 550, label: "300+ users" },
    ]);
    expect(chart.ticks).toEqual([10, 50, 100, 200, 300, 400, 500]);
    expect(chart.points.find((p) => p.users === 300)).toMatchObject({ p95Ms: 2100, errorRatePercent: 7.0363, anomalous: true, zone: "death" });
    expect(chart).toMatchObject({ safeCapacityUsers: 200, breakingPointUsers: 300, throughputCeilingRps: 154.2, requiredUsers: 200 });
    expect(chart.worstCapacityLoss).toEqual({ users: 500, percent: 64.8 });
  });

  it("starts the throughput curve at the origin with the expected-linear line", () => {
    const chart = buildCapacityChart(capacity);
    expect(chart.throughput[0]).toEqual({ users: 0, throughputRps: 0, expectedLinearRps: 0 });
    expect(chart.throughput.find((p) => p.users === 500)).toEqual({ users: 500, throughputRps: 123.2, expectedLinearRps: 350 });
  });

  it("is empty without runs and leaves out the expected line without a safe level", () => {
    const empty = buildCapacityChart(computeCapacity([], thresholds));
    expect(empty).toMatchObject({ bands: [], points: [], throughput: [], maxUsers: 100, worstCapacityLoss: null });
    const allDeath = buildCapacityChart(computeCapacity([makeRun(100, { p95Ms: 5000, throughputRps: 10 })], thresholds));
    expect(allDeath.throughput).toEqual([{ users: 0, throughputRps: 0, expectedLinearRps: null }, { users: 100, throughputRps: 10, expectedLinearRps: null }]);
    expect(allDeath.bands).toEqual([{ zone: "death", x1: 0, x2: 120, label: "0+ users" }]);
  });

  it("puts latency on a log axis around the data and the zone bounds", () => {
    const chart = buildCapacityChart(capacity, 200, thresholds);
    expect(chart.latencyDomain).toEqual([10, 10000]);
    expect(chart.latencyTicks).toEqual([10, 100, 1000, 10000]);
    expect(chart.p95Bounds).toEqual([{ zone: "green", ms: 100 }, { zone: "yellow", ms: 500 }, { zone: "red", ms: 2000 }]);
    expect(chart.errorRateMax).toBe(8);
    expect(logDomain([])).toEqual({ domain: [1, 1000], ticks: [1, 10, 100, 1000] });
    expect(logDomain([100])).toEqual({ domain: [100, 1000], ticks: [100, 1000] });
    expect(logDomain([0.05, 3])).toEqual({ domain: [0.1, 10], ticks: [0.1, 1, 10] });
  });

  it("picks round axis ends", () => {
    expect(niceAxisMax(500)).toBe(550);
    expect(niceAxisMax(87)).toBe(100);
    expect(niceAxisMax(2000)).toBe(2500);
    expect(niceAxisMax(0)).toBe(100);
  });
});

describe("buildCapacityRunRows", () => {
  it("attaches each run's current zone, newest first, without stability runs", () => {
    const older = makeRun(300, { id: "old-300", runDate: "2026-01-10", p95Ms: 80 });
    const newer = makeRun(300, { id: "new-300", runDate: "2026-01-12", p95Ms: 3000 });
    const stepped = makeRun(null, { id: "step", runDate: "2026-01-11", steps: [
      { users: 50, durationSeconds: 60, requests: 1000, failures: 0, errorRatePercent: 0, p50Ms: 10, p95Ms: 40, p50Ms_: 0 } as never,
      { users: 100, durationSeconds: 60, requests: 1000, failures: 20, errorRatePercent: 2, p50Ms: 10, p95Ms: 300, throughputRps: 16 },
    ] });
    const capacity = computeCapacity([older, newer, stepped], thresholds);
    const asInput = (r: typeof older) => ({ ...r, tool: null, errorRatePercent: 0, runDate: r.runDate });
    const rows = buildCapacityRunRows([asInput(older), asInput(newer), asInput(stepped), { ...asInput(older), id: "stab", kind: "STABILITY" as const }], capacity);
    expect(rows.map((r) => [r.id, r.zone, r.currentLevels, r.stepCount])).toEqual([
      ["new-300", "death", 1, 0],
      ["step", "red", 2, 2],
      ["old-300", null, 0, 0],
    ]);
  });
});
