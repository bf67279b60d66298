import { roundTo } from "../format-number";
import { errorRateZ, p95Comparable, throughputZ, Z_CRITICAL } from "./significance";
import type { CompareMeasures, CompareTolerances, ComparedMeasures, MeasureVerdict, RowStatus } from "./types";

const changePercent = (v: number | null, b: number | null) => (v === null || b === null || b === 0 ? null : roundTo(((v - b) / b) * 100, 1));
const rate = (m: CompareMeasures) => (m.requests > 0 ? (m.failures / m.requests) * 100 : null);
/** Seconds the rate was measured over: as given, else requests / rate. */
const seconds = (m: CompareMeasures) => m.durationSeconds ?? (m.throughputRps ? m.requests / m.throughputRps : null);

/** Beyond tolerance (worse or better) and beyond noise → regressed / improved; else why not. */
function judge(worse: boolean, better: boolean, significant: boolean | null, measured: boolean): MeasureVerdict {
  if (!measured) return "not-measured";
  if (!worse && !better) return "unchanged";
  if (significant === null) return "too-few-requests";
  if (!significant) return "within-noise";
  return worse ? "regressed" : "improved";
}

/** Status of a row from its measures: any regression wins, then any improvement. */
export function rowStatus(changes: ComparedMeasures["changes"]): RowStatus {
  const all = [changes.p95, changes.errorRate, changes.throughput];
  if (all.includes("regressed")) return "regressed";
  return all.includes("improved") ? "improved" : "unchanged";
}

/**
 * One row of the comparison (the whole run, a step or an endpoint). Flags each measure only when
 * it moved beyond the tolerance in that direction and beyond what the sample sizes can tell apart:
 * P95 — at least MIN_REQUESTS_FOR_P95 on each side; error rate — two-proportion z-test; throughput
 * — Poisson rate z-test (significance.ts).
 */
export function compareMeasures(run: CompareMeasures, base: CompareMeasures, tol: CompareTolerances): ComparedMeasures {
  const p95Change = changePercent(run.p95Ms, base.p95Ms);
  const er = rate(run);
  const ber = rate(base);
  const erChange = er === null || ber === null ? null : roundTo(er - ber, 2);
  const tpChange = changePercent(run.throughputRps, base.throughputRps);

  const p95 = judge((p95Change ?? 0) > tol.p95Percent, (p95Change ?? 0) < -tol.p95Percent,
    p95Comparable(run.requests, base.requests) ? true : null, p95Change !== null);
  const ez = errorRateZ(run.failures, run.requests, base.failures, base.requests);
  const errorRate = judge((erChange ?? 0) > tol.errorRatePoints, (erChange ?? 0) < -tol.errorRatePoints,
    ez === null ? null : Math.abs(ez) >= Z_CRITICAL, erChange !== null);
  const tz = throughputZ(run.throughputRps, seconds(run), base.throughputRps, seconds(base));
  const throughput = judge((tpChange ?? 0) < -tol.throughputPercent, (tpChange ?? 0) > tol.throughputPercent,
    tz === null ? null : Math.abs(tz) >= Z_CRITICAL, tpChange !== null);
  const changes = { p95, errorRate, throughput };

  return {
    requests: run.requests,
    baselineRequests: base.requests,
    p95Ms: run.p95Ms,
    baselineP95Ms: base.p95Ms,
    p95ChangePercent: p95Change,
    errorRatePercent: er === null ? null : roundTo(er, 4),
    baselineErrorRatePercent: ber === null ? null : roundTo(ber, 4),
    errorRateChangePoints: erChange,
    throughputRps: run.throughputRps,
    baselineThroughputRps: base.throughputRps,
    throughputChangePercent: tpChange,
    changes,
    status: rowStatus(changes),
  };
}
