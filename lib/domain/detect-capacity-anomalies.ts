import type { MeasuredLevel } from "./collect-capacity-levels";
import { formatPercent, formatRatio } from "./format-number";

export interface CapacityAnomaly {
  users: number;
  kind: "non-monotonic-errors";
  message: string;
  /** The higher level the error rate is compared with. */
  comparedWithUsers: number;
  runId: string;
}

/** Factor by which a level's error rate must exceed a higher level's. */
export const ANOMALY_ERROR_FACTOR = 10;

/** "300 users: error rate 7.04% is 1000x the 400-user run's 0.007%: non-monotonic, rerun required" */
export function formatAnomalyMessage(users: number, errorRate: number, higherUsers: number, higherErrorRate: number): string {
  const comparison = higherErrorRate > 0
    ? `is ${formatRatio(errorRate / higherErrorRate)}x the ${higherUsers}-user run's ${formatPercent(higherErrorRate)}%`
    : `while the ${higherUsers}-user run had no errors`;
  return `${users} users: error rate ${formatPercent(errorRate)}% ${comparison}: non-monotonic, rerun required`;
}

/**
 * Anomalies (DESIGN "Capacity zones"): a level whose error rate is at least 10× that
 * of some higher level and at or above the yellow error bound (i.e. outside yellow
 * by errors). It is compared with the higher level of lowest error rate (the
 * largest ratio; the nearest such level on ties). Levels are the latest run per
 * level, so a newer clean run at that load resolves the anomaly. O(levels).
 */
export function detectCapacityAnomalies(
  levels: readonly MeasuredLevel[],
  yellowErrorRatePercent: number,
): CapacityAnomaly[] {
  const anomalies: CapacityAnomaly[] = [];
  let lowestAbove: MeasuredLevel | null = null;
  for (let i = levels.length - 1; i >= 0; i -= 1) {
    const level = levels[i];
    if (
      lowestAbove !== null
      && level.errorRatePercent >= yellowErrorRatePercent
      && level.errorRatePercent >= ANOMALY_ERROR_FACTOR * lowestAbove.errorRatePercent
    ) {
      anomalies.push({
        users: level.users,
        kind: "non-monotonic-errors",
        message: formatAnomalyMessage(level.users, level.errorRatePercent, lowestAbove.users, lowestAbove.errorRatePercent),
        comparedWithUsers: lowestAbove.users,
        runId: level.runId,
      });
    }
    if (lowestAbove === null || level.errorRatePercent <= lowestAbove.errorRatePercent) lowestAbove = level;
  }
  return anomalies.reverse();
}
