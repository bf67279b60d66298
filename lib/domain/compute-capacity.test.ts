import { describe, expect, it } from "vitest";
import week9Json from "../../prisma/seed/week9-day4.json";
import { computeCapacity } from "./compute-capacity";
import { mapWeek9Scenario } from "./scenario-mapping";
import { makeRun, makeSettings } from "./test-fixtures";

const { thresholds } = makeSettings();

describe("computeCapacity", () => {
  it("reproduces week9 for runs given in any order", () => {
    const { runs } = mapWeek9Scenario(week9Json);
    const shuffled = [runs[5], runs[0], runs[6], runs[3], runs[1], runs[4], runs[2]];
    const capacity = computeCapacity(shuffled, thresholds);
    expect(capacity).toMatchObject({ safeCapacityUsers: 200, breakingPointUsers: 300, throughputCeilingRps: 154.2 });
    expect(capacity.levels.map((l) => [l.users, l.zone, l.anomalous])).toEqual([
      [10, "green", false], [50, "green", false], [100, "green", false], [200, "yellow", false],
      [300, "death", true], [400, "death", false], [500, "death", false],
    ]);
    expect(capacity.levels.find((l) => l.users === 300)).toMatchObject({ errorRatePercent: 7.0363, expectedLinearRps: 210 });
  });

  it("resolves an anomaly with a newer clean run at that level", () => {
    const { runs } = mapWeek9Scenario(week9Json);
    const rerun = makeRun(300, { runDate: "2026-01-19", p95Ms: 450, failures: 5, requests: 50_000, throughputRps: 190 });
    const capacity = computeCapacity([...runs, rerun], thresholds);
    expect(capacity.anomalies).toEqual([]);
    expect(capacity.safeCapacityUsers).toBe(300);
    expect(capacity.breakingPointUsers).toBe(400);
    expect(capacity.throughputCeilingRps).toBe(190);
  });

  it("handles no runs and a single run", () => {
    expect(computeCapacity([], thresholds)).toEqual({
      zones: [], safeCapacityUsers: null, breakingPointUsers: null, throughputCeilingRps: null, anomalies: [], levels: [],
    });
    const one = computeCapacity([makeRun(50, { throughputRps: 35, p50Ms: 10, p95Ms: 40 })], thresholds);
    expect(one).toMatchObject({
      zones: [{ zone: "green", fromUsers: 0, toUsers: null }], safeCapacityUsers: 50, breakingPointUsers: null,
      throughputCeilingRps: 35,
    });
    expect(one.levels[0]).toMatchObject({ expectedLinearRps: 35, capacityLossPercent: 0, p50Slowdown: 1, p95Slowdown: 1 });
  });

  it("has no safe capacity when the lowest level is red, and no linear figures without throughput", () => {
    const capacity = computeCapacity([makeRun(10, { p95Ms: 600 }), makeRun(20, { p95Ms: 50 })], thresholds);
    expect(capacity.safeCapacityUsers).toBeNull();
    expect(capacity.levels[1]).toMatchObject({ expectedLinearRps: null, capacityLossPercent: null, p50Slowdown: null });
  });

  it("survives zero throughput", () => {
    const capacity = computeCapacity([makeRun(10, { throughputRps: 0 }), makeRun(20, { throughputRps: 0 })], thresholds);
    expect(capacity.throughputCeilingRps).toBe(0);
    expect(capacity.levels.every((l) => l.expectedLinearRps === null && l.capacityLossPercent === null)).toBe(true);
  });

  it("takes the breaking point as the lowest red-or-worse level with errors ≥ 5%, else the lowest death", () => {
    const slowOnly = computeCapacity([makeRun(100, { p95Ms: 3000 }), makeRun(200, { p95Ms: 5000 })], thresholds);
    expect(slowOnly.breakingPointUsers).toBe(100);
    const failing = computeCapacity([makeRun(100, { p95Ms: 3000 }), makeRun(200, { failures: 600 })], thresholds);
    expect(failing.breakingPointUsers).toBe(200);
  });
});
