import { describe, expect, it } from "vitest";
import type { MeasuredLevel } from "./collect-capacity-levels";
import { detectCapacityAnomalies, formatAnomalyMessage } from "./detect-capacity-anomalies";

function level(users: number, errorRatePercent: number): MeasuredLevel {
  return {
    users, errorRatePercent, zone: "green", p50Ms: 1, p95Ms: 1, throughputRps: 1,
    runId: `run-${users}`, runName: "", runDate: "2026-01-18", stepIndex: null,
  };
}

describe("detectCapacityAnomalies", () => {
  it("reproduces the week9 message", () => {
    expect(formatAnomalyMessage(300, (3218 / 45734) * 100, 400, (3 / 43078) * 100))
      .toBe("300 users: error rate 7.04% is 1000x the 400-user run's 0.007%: non-monotonic, rerun required");
  });

  it("flags a level ≥ 10× a higher level's error rate and outside yellow, against the lowest higher rate", () => {
    const anomalies = detectCapacityAnomalies([level(100, 0), level(300, 7), level(400, 0.5), level(500, 0.2)], 1);
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({ users: 300, comparedWithUsers: 500, runId: "run-300" });
  });

  it("ignores rates within yellow and ratios below 10", () => {
    expect(detectCapacityAnomalies([level(100, 0.9), level(200, 0.001)], 1)).toEqual([]);
    expect(detectCapacityAnomalies([level(100, 9), level(200, 1)], 1)).toEqual([]);
    expect(detectCapacityAnomalies([level(100, 10), level(200, 1)], 1)).toHaveLength(1);
  });

  it("words a higher level without errors", () => {
    const [anomaly] = detectCapacityAnomalies([level(300, 2), level(400, 0)], 1);
    expect(anomaly.message).toBe("300 users: error rate 2% while the 400-user run had no errors: non-monotonic, rerun required");
  });
});
