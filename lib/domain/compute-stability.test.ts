import { describe, expect, it } from "vitest";
import stabilityJson from "../../prisma/seed/plan-a-day3-stability.json";
import { computeStability } from "./compute-stability";
import { mapStabilityScenario } from "./scenario-mapping";
import type { DomainStabilitySample } from "./types";

function samples(latencies: number[], extra: Partial<DomainStabilitySample> = {}): DomainStabilitySample[] {
  return latencies.map((responseMs, i) => ({
    t: new Date(Date.UTC(2026, 0, 1, 0, 0, 30 * i)).toISOString(), responseMs, requests: 10, failures: 0, ...extra,
  }));
}

describe("computeStability", () => {
  it("reproduces the plan-a figures", () => {
    const result = computeStability(mapStabilityScenario(stabilityJson).stabilityRun);
    const { anomalies, stabilityScore, verdict, ...figures } = stabilityJson.expected;
    expect(result).toMatchObject({ ...figures, score: stabilityScore, verdict: verdict.replaceAll(" ", "_") });
    expect(result.anomalies.map(({ kind, severity }) => ({ kind, severity }))).toEqual(anomalies);
    expect(result.memoryGrowthPercent).toBe(-0.3);
  });

  it("is HEALTHY / PROCEED at the baseline", () => {
    const result = computeStability({ baseline: { meanMs: 10, successRatePercent: 100 }, samples: samples([9, 10, 11]) });
    expect(result).toMatchObject({ anomalies: [], score: 100, health: "HEALTHY", verdict: "PROCEED" });
  });

  it("marks latency > +50% and errors ≥ 1% critical", () => {
    const run = { baseline: { meanMs: 10 }, samples: samples([16, 16], { failures: 1, requests: 50 }) };
    const result = computeStability(run);
    expect(result.anomalies.map((a) => [a.kind, a.severity])).toEqual([
      ["latency degradation vs baseline", "CRITICAL"],
      ["error rate above baseline", "CRITICAL"],
    ]);
    expect(result).toMatchObject({ score: 50, health: "CRITICAL", verdict: "DO_NOT_PROCEED", errorRatePercent: 2 });
  });

  it("warns on latency variability and on a growing memory trend", () => {
    const mem = samples([1, 20, 1, 20]).map((s, i) => ({ ...s, memPercent: 40 + 2 * i }));
    const result = computeStability({ baseline: { meanMs: 10.5, successRatePercent: 100 }, samples: mem });
    expect(result.anomalies.map((a) => a.kind)).toEqual(["latency variability", "memory leak"]);
    expect(result.memoryGrowthPercent).toBe(15);
    expect(result.score).toBe(80);
    const awful = computeStability({
      baseline: { meanMs: 1, successRatePercent: 100 },
      samples: samples([1, 100], { failures: 10, requests: 10 }).map((s, i) => ({ ...s, memPercent: 10 + 5 * i })),
    });
    expect(awful).toMatchObject({ score: 30, health: "CRITICAL", verdict: "DO_NOT_PROCEED" });
  });

  it("handles no samples and missing latencies", () => {
    const empty = computeStability({ baseline: { meanMs: 10 }, samples: [] });
    expect(empty).toMatchObject({ samples: 0, meanMs: null, p99Ms: null, errorRatePercent: 0, health: "HEALTHY" });
    const gaps = computeStability({ baseline: { meanMs: 10, p99Ms: 20 }, samples: [...samples([10]), { t: "x", responseMs: null, requests: 5, failures: 0 }] });
    expect(gaps).toMatchObject({ samples: 2, requests: 15, meanMs: 10, p99VsBaselinePercent: -50 });
  });
});
