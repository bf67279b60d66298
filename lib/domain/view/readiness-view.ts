import { formatNumber } from "../format-number";
import type { CapacityResult } from "../compute-capacity";
import type { ScoreResult } from "../compute-score";
import type { VerdictValue } from "../compute-verdict";
import type { GateId } from "../types";

/** Verdict values as people read them. */
export const VERDICT_LABEL: Record<VerdictValue, string> = { GO: "GO", CONDITIONAL_GO: "CONDITIONAL GO", NO_GO: "NO-GO" };

/** Gate ids as people read them, in DESIGN order. */
export const GATE_LABEL: Record<GateId, string> = {
  "open-p1": "No open P1 blockers",
  capacity: "Capacity covers the required load",
  anomaly: "No unresolved capacity anomaly",
  stability: "Stability run allows launch",
  objectives: "Objectives measured and met",
};

export type ScoreBand = "go" | "conditional" | "below" | "none";

export interface CategoryBar {
  name: string;
  /** 0 when the category has no counted P1 item (shown as "—"). */
  scorePercent: number;
  label: string;
  done: number;
  total: number;
  openBlockers: number;
  openBlockerHours: number;
  band: ScoreBand;
}

/** "58.0%" (one decimal, always), or "—" for an undefined score. */
export function formatScore(percent: number | null): string {
  return percent === null ? "—" : `${percent.toFixed(1)}%`;
}

export function scoreBand(percent: number | null, thresholds: { goThresholdPercent: number; conditionalThresholdPercent: number }): ScoreBand {
  if (percent === null) return "none";
  if (percent >= thresholds.goThresholdPercent) return "go";
  if (percent >= thresholds.conditionalThresholdPercent) return "conditional";
  return "below";
}

/** One bar per category, in category order, for the score chart. */
export function buildCategoryBars(
  score: ScoreResult,
  thresholds: { goThresholdPercent: number; conditionalThresholdPercent: number },
): CategoryBar[] {
  return score.categories.map((c) => ({
    name: c.name,
    scorePercent: c.scorePercent ?? 0,
    label: formatScore(c.scorePercent),
    done: c.criticalDone,
    total: c.criticalTotal,
    openBlockers: c.openBlockers,
    openBlockerHours: c.openBlockerHours,
    band: scoreBand(c.scorePercent, thresholds),
  }));
}

export interface CapacitySummary {
  safeCapacityUsers: number | null;
  requiredUsers: number;
  /** safe − required; null without a safe capacity. */
  marginUsers: number | null;
  meetsRequired: boolean;
  breakingPointUsers: number | null;
  throughputCeilingRps: number | null;
  anomalies: number;
  measuredLevels: number;
  sentence: string;
}

/** Safe capacity against headroom × expected users, in one sentence. */
export function buildCapacitySummary(
  capacity: CapacityResult,
  settings: { expectedProductionUsers: number; requiredHeadroom: number },
): CapacitySummary {
  const required = Math.round(settings.requiredHeadroom * settings.expectedProductionUsers);
  const safe = capacity.safeCapacityUsers;
  const meets = safe !== null && safe >= required;
  const need = `${formatNumber(settings.requiredHeadroom, 2)}× headroom over ${settings.expectedProductionUsers} expected users = ${required}`;
  let sentence: string;
  if (capacity.levels.length === 0) sentence = `No load tests yet; ${need} users are needed.`;
  else if (safe === null) sentence = `No measured level is yellow or better; ${need} users are needed.`;
  else sentence = meets ? `Safe capacity ${safe} users covers ${need}.` : `Safe capacity ${safe} users is short of ${need} (by ${required - safe}).`;
  return {
    safeCapacityUsers: safe,
    requiredUsers: required,
    marginUsers: safe === null ? null : safe - required,
    meetsRequired: meets,
    breakingPointUsers: capacity.breakingPointUsers,
    throughputCeilingRps: capacity.throughputCeilingRps,
    anomalies: capacity.anomalies.length,
    measuredLevels: capacity.levels.length,
    sentence,
  };
}

/** "PROCEED_WITH_MONITORING" → "PROCEED WITH MONITORING". */
export function humanize(value: string): string {
  return value.replaceAll("_", " ");
}
