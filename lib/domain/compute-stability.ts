import {
  computeLinearTrend, computeMean, computePercentile, computeStdDev,
} from "./compute-statistics";
import { formatNumber, roundTo } from "./format-number";
import type { DomainStabilityRun } from "./types";

export type Severity = "WARNING" | "CRITICAL";
export type StabilityAnomalyKind =
  | "latency degradation vs baseline"
  | "error rate above baseline"
  | "latency variability"
  | "memory leak";

export interface StabilityAnomaly {
  kind: StabilityAnomalyKind;
  severity: Severity;
  message: string;
}

export type StabilityHealth = "HEALTHY" | "DEGRADED" | "CRITICAL";
export type StabilityVerdict = "PROCEED" | "PROCEED_WITH_MONITORING" | "DO_NOT_PROCEED";

export interface StabilityResult {
  samples: number;
  requests: number;
  failures: number;
  /** Two decimals. */
  errorRatePercent: number;
  successRatePercent: number;
  /** Latency figures in ms, two decimals; null without latency samples. */
  meanMs: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  stdDevMs: number | null;
  /** One decimal. */
  meanVsBaselinePercent: number | null;
  p99VsBaselinePercent: number | null;
  /** Growth of the memory series' linear trend over the run, one decimal. */
  memoryGrowthPercent: number | null;
  anomalies: StabilityAnomaly[];
  score: number;
  health: StabilityHealth;
  verdict: StabilityVerdict;
}

function computeMemoryGrowth(run: DomainStabilityRun): number | null {
  const points = run.samples.flatMap((s, index) => {
    if (s.memPercent === null || s.memPercent === undefined) return [];
    const ms = Date.parse(s.t);
    return [{ x: Number.isNaN(ms) ? index : ms / 1000, y: s.memPercent }];
  });
  const trend = computeLinearTrend(points.map((p) => p.x), points.map((p) => p.y));
  if (trend === null) return null;
  const first = points[0].x;
  const last = points[points.length - 1].x;
  const start = trend.intercept + trend.slope * first;
  if (start <= 0) return null;
  return ((trend.slope * (last - first)) / start) * 100;
}

/** Stability of a time-series run against its baseline (DESIGN "Stability"). */
export function computeStability(run: DomainStabilityRun): StabilityResult {
  const latencies = run.samples.flatMap((s) => (s.responseMs === null ? [] : [s.responseMs]));
  const sorted = [...latencies].sort((a, b) => a - b);
  const requests = run.samples.reduce((sum, s) => sum + s.requests, 0);
  const failures = run.samples.reduce((sum, s) => sum + s.failures, 0);
  const errorRate = requests > 0 ? (failures / requests) * 100 : 0;
  const mean = computeMean(latencies);
  const stdDev = computeStdDev(latencies);
  const p99 = computePercentile(sorted, 99);
  const meanVsBaseline = mean !== null && run.baseline.meanMs > 0 ? (mean / run.baseline.meanMs - 1) * 100 : null;
  const baselineP99 = run.baseline.p99Ms ?? null;
  const p99VsBaseline = p99 !== null && baselineP99 !== null && baselineP99 > 0 ? (p99 / baselineP99 - 1) * 100 : null;
  const baselineErrorRate = 100 - (run.baseline.successRatePercent ?? 100);
  const memoryGrowth = computeMemoryGrowth(run);

  const anomalies: StabilityAnomaly[] = [];
  if (meanVsBaseline !== null && meanVsBaseline > 10) {
    anomalies.push({
      kind: "latency degradation vs baseline",
      severity: meanVsBaseline > 50 ? "CRITICAL" : "WARNING",
      message: `Mean latency ${formatNumber(mean!, 2)} ms is ${formatNumber(meanVsBaseline, 1)}% above the ${formatNumber(run.baseline.meanMs, 2)} ms baseline`,
    });
  }
  if (errorRate > baselineErrorRate) {
    anomalies.push({
      kind: "error rate above baseline",
      severity: errorRate >= 1 ? "CRITICAL" : "WARNING",
      message: `Error rate ${formatNumber(errorRate, 2)}% is above the baseline's ${formatNumber(baselineErrorRate, 2)}%`,
    });
  }
  if (mean !== null && stdDev !== null && mean > 0 && stdDev / mean > 0.5) {
    anomalies.push({
      kind: "latency variability",
      severity: "WARNING",
      message: `Latency std-dev ${formatNumber(stdDev, 2)} ms is ${formatNumber((stdDev / mean) * 100, 0)}% of the mean`,
    });
  }
  if (memoryGrowth !== null && memoryGrowth > 10) {
    anomalies.push({
      kind: "memory leak",
      severity: "WARNING",
      message: `Memory trend grows ${formatNumber(memoryGrowth, 1)}% over the run`,
    });
  }

  const warnings = anomalies.filter((a) => a.severity === "WARNING").length;
  const criticals = anomalies.length - warnings;
  const health: StabilityHealth = criticals > 0 ? "CRITICAL" : warnings > 0 ? "DEGRADED" : "HEALTHY";
  const round2 = (v: number | null) => (v === null ? null : roundTo(v, 2));
  return {
    samples: run.samples.length,
    requests,
    failures,
    errorRatePercent: roundTo(errorRate, 2),
    successRatePercent: roundTo(100 - errorRate, 2),
    meanMs: round2(mean),
    p50Ms: round2(computePercentile(sorted, 50)),
    p99Ms: round2(p99),
    stdDevMs: round2(stdDev),
    meanVsBaselinePercent: meanVsBaseline === null ? null : roundTo(meanVsBaseline, 1),
    p99VsBaselinePercent: p99VsBaseline === null ? null : roundTo(p99VsBaseline, 1),
    memoryGrowthPercent: memoryGrowth === null ? null : roundTo(memoryGrowth, 1),
    anomalies,
    score: Math.max(0, 100 - 10 * warnings - 25 * criticals),
    health,
    verdict: health === "CRITICAL" ? "DO_NOT_PROCEED" : health === "DEGRADED" ? "PROCEED_WITH_MONITORING" : "PROCEED",
  };
}
