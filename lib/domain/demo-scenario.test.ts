import { describe, expect, it } from "vitest";
import stabilityJson from "../../prisma/seed/plan-a-day3-stability.json";
import week9Json from "../../prisma/seed/week9-day4.json";
import { computeBurndown } from "./compute-burndown";
import { computeReadiness } from "./compute-readiness";
import { mapStabilityScenario, mapWeek9Scenario } from "./scenario-mapping";

const week9 = mapWeek9Scenario(week9Json);
const stability = mapStabilityScenario(stabilityJson);
const expected = week9Json.expected;
const readiness = computeReadiness({ ...week9, stabilityRun: stability.stabilityRun });

describe("demo scenario: week9-day4 + plan-a-day3 at 2026-01-18", () => {
  it("scores 29/50 = 58.0 with every category figure", () => {
    expect(readiness.score.overallPercent).toBe(expected.overallScorePercent);
    expect(readiness.score.criticalDone).toBe(expected.criticalDone);
    expect(readiness.score.criticalTotal).toBe(expected.criticalTotal);
    const byName = Object.fromEntries(readiness.score.categories.map((c) => [c.name, c]));
    expect(Object.keys(byName)).toEqual(week9Json.categories);
    for (const [name, figures] of Object.entries(expected.categories)) {
      const { criticalTotal, criticalDone, scorePercent, openBlockers, openBlockerHours } = byName[name];
      expect({ criticalTotal, criticalDone, scorePercent, openBlockers, openBlockerHours }, name).toEqual(figures);
    }
  });

  it("counts 21 open P1 blockers, 89 h (88.5 low, 93 high)", () => {
    expect(readiness.blockers.open).toBe(expected.openP1Blockers);
    expect(readiness.blockers.openHours).toBe(expected.openP1Hours);
    expect(readiness.projection.remainingHours).toBe(expected.openP1Hours);
    expect(readiness.projection.remainingLowHours).toBe(expected.openP1HoursLow);
    expect(readiness.projection.remainingHighHours).toBe(expected.openP1HoursHigh);
  });

  it("is NO-GO with open P1 items, the 300-user anomaly and the objectives failing", () => {
    expect(readiness.verdict.value).toBe(expected.verdict.replace("-", "_"));
    expect(readiness.verdict.gates.map((g) => [g.id, g.status])).toEqual([
      ["open-p1", "fail"],
      ["capacity", "pass"],
      ["anomaly", "fail"],
      ["stability", "pass"],
      ["objectives", "fail"],
    ]);
    const [openP1, capacity, anomaly, , objectives] = readiness.verdict.gates;
    expect(openP1.reason).toBe("21 open P1 items (89 h) block launch");
    expect(capacity.reason).toBe("Safe capacity 200 users covers 2 × 100 expected users = 200");
    expect(anomaly.reason).toContain(expected.capacity.anomaly);
    expect(objectives.reason).toBe("RTO not measured (target < 4 h); RPO 24 h does not meet < 1 h");
  });

  it("projects the earliest safe launch on 2026-01-30 (12 working days)", () => {
    expect(readiness.projection.deterministic).toEqual({ date: expected.launch.earliestSafeLaunch, workingDays: 12 });
    expect(readiness.projection.probabilistic).toMatchObject({ p50: "2026-01-30", p85: "2026-01-30", p95: "2026-01-30" });
    expect(readiness.projection.velocity).toBeNull();
    expect(readiness.projection.conditional).toBeNull();
  });

  it("reproduces the capacity zones, safe capacity, breaking point, ceiling and slowdowns", () => {
    const { capacity } = readiness;
    const zones = Object.fromEntries(capacity.zones.map((z) => [
      z.zone, z.toUsers === null ? `${z.fromUsers}+ users` : `${z.fromUsers}-${z.toUsers} users`,
    ]));
    expect(zones).toEqual(expected.capacity.zones);
    expect(capacity.safeCapacityUsers).toBe(expected.capacity.safeCapacityUsers);
    expect(capacity.breakingPointUsers).toBe(expected.capacity.breakingPointUsers);
    expect(capacity.throughputCeilingRps).toBe(expected.capacity.throughputCeilingRps);
    expect(capacity.anomalies).toHaveLength(1);
    expect(capacity.anomalies[0]).toMatchObject({ users: 300, kind: "non-monotonic-errors", message: expected.capacity.anomaly });
    const at500 = capacity.levels.find((l) => l.users === 500)!;
    expect(at500.capacityLossPercent).toBe(expected.capacity.capacityLossAt500Percent);
    expect(at500.p50Slowdown).toBe(expected.capacity.p50SlowdownAt500);
    expect(at500.p95Slowdown).toBe(expected.capacity.p95SlowdownAt500);
    expect(at500.expectedLinearRps).toBe(350);
  });

  it("reproduces every plan-a stability figure", () => {
    const e = stabilityJson.expected;
    expect(readiness.stability).toMatchObject({
      samples: e.samples, requests: e.requests, failures: e.failures,
      errorRatePercent: e.errorRatePercent, successRatePercent: e.successRatePercent,
      meanMs: e.meanMs, p50Ms: e.p50Ms, p99Ms: e.p99Ms, stdDevMs: e.stdDevMs,
      meanVsBaselinePercent: e.meanVsBaselinePercent, p99VsBaselinePercent: e.p99VsBaselinePercent,
      score: e.stabilityScore, health: e.health, verdict: e.verdict.replaceAll(" ", "_"),
    });
    expect(readiness.stability!.anomalies.map(({ kind, severity }) => ({ kind, severity }))).toEqual(e.anomalies);
  });

  it("starts the burndown at 89 h and 21 items on the assessment day", () => {
    const burndown = computeBurndown({ ...week9 });
    expect(burndown.days).toEqual([{
      date: "2026-01-18", remainingHours: 89, remainingCount: 21,
      addedScopeHours: 0, cumulativeAddedHours: 0, idealHours: null,
    }]);
    expect(burndown.forecast.deterministic).toEqual([
      { date: "2026-01-18", hours: 89 }, { date: "2026-01-30", hours: 0 },
    ]);
  });
});

describe("demo scenario: evidence freshness and confidence", () => {
  it("has no validity set, so nothing is stale, and the verdict rests on solid measurements", () => {
    expect(readiness.stale).toEqual([]);
    expect(readiness.staleRuns).toEqual([]);
    expect(readiness.expiring).toEqual([]);
    // Decisive level 200 users: the 509 s Peak run with 71,226 requests; breaking point 300 is 1.5× above it.
    expect(readiness.confidence).toEqual({ level: "high", reasons: [], decisiveUsers: 200 });
  });
});
