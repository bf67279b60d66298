import { describe, expect, it } from "vitest";
import { classifyZone, collectCapacityLevels } from "./collect-capacity-levels";
import { makeRun, makeSettings, makeStep } from "./test-fixtures";

const { thresholds } = makeSettings();

describe("classifyZone", () => {
  it("takes the worst of the P95 and error-rate classes, bounds exclusive", () => {
    expect(classifyZone(99, 0.09, thresholds)).toBe("green");
    expect(classifyZone(100, 0, thresholds)).toBe("yellow");
    expect(classifyZone(50, 0.1, thresholds)).toBe("yellow");
    expect(classifyZone(120, 1, thresholds)).toBe("red");
    expect(classifyZone(1999, 4.99, thresholds)).toBe("red");
    expect(classifyZone(2000, 0, thresholds)).toBe("death");
    expect(classifyZone(10, 5, thresholds)).toBe("death");
  });

  it("classifies by errors alone without a P95", () => {
    expect(classifyZone(null, 0, thresholds)).toBe("green");
    expect(classifyZone(null, 2, thresholds)).toBe("red");
  });
});

describe("collectCapacityLevels", () => {
  it("keeps the latest run per level (run date, then creation) and sorts by users", () => {
    const old = makeRun(100, { runDate: "2026-01-10", p95Ms: 900 });
    const newer = makeRun(100, { runDate: "2026-01-11", createdAt: "2026-01-01T00:00:00Z", p95Ms: 60 });
    const sameDayLater = makeRun(50, { runDate: "2026-01-10", createdAt: "2026-01-10T15:00:00Z", p95Ms: 40 });
    const sameDayEarlier = makeRun(50, { runDate: "2026-01-10", createdAt: "2026-01-10T09:00:00Z", p95Ms: 3000 });
    const levels = collectCapacityLevels([newer, sameDayLater, old, sameDayEarlier], thresholds);
    expect(levels.map((l) => [l.users, l.runId, l.zone])).toEqual([
      [50, sameDayLater.id, "green"],
      [100, newer.id, "green"],
    ]);
  });

  it("breaks exact ties by id so the result does not depend on order", () => {
    const a = makeRun(10, { id: "a", p95Ms: 40 });
    const b = makeRun(10, { id: "b", p95Ms: 400 });
    expect(collectCapacityLevels([a, b], thresholds)[0].runId).toBe("b");
    expect(collectCapacityLevels([b, a], thresholds)[0].runId).toBe("b");
  });

  it("splits a stepped run into one level per step and leaves stability runs out", () => {
    const stepped = makeRun(300, {
      steps: [makeStep(100), makeStep(200, { p95Ms: 150 }), makeStep(300, { requests: 1000, failures: 60, errorRatePercent: 99 })],
    });
    const stability = makeRun(400, { kind: "STABILITY" });
    const levels = collectCapacityLevels([stepped, stability], thresholds);
    expect(levels.map((l) => [l.users, l.zone, l.stepIndex])).toEqual([[100, "green", 0], [200, "yellow", 1], [300, "death", 2]]);
    expect(levels[2].errorRatePercent).toBe(6); // failures / requests, not the stored rate
  });

  it("falls back to the stored step error rate without requests and derives missing throughput", () => {
    const run = makeRun(null, { steps: [makeStep(20, { requests: 0, failures: 0, errorRatePercent: 2, throughputRps: null })] });
    const [level] = collectCapacityLevels([run, makeRun(null)], thresholds);
    expect(level).toMatchObject({ users: 20, errorRatePercent: 2, zone: "red", throughputRps: 0 });
    const [single] = collectCapacityLevels([makeRun(30, { throughputRps: null, requests: 600, durationSeconds: 60 })], thresholds);
    expect(single.throughputRps).toBe(10);
  });
});
