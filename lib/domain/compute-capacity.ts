import { collectCapacityLevels, zoneRank, type MeasuredLevel } from "./collect-capacity-levels";
import { computeZoneBands, type ZoneBand } from "./compute-zone-bands";
import { detectCapacityAnomalies, type CapacityAnomaly } from "./detect-capacity-anomalies";
import { roundTo } from "./format-number";
import type { DomainRun, Zone, ZoneThresholds } from "./types";

/** One point per measured level, for the capacity charts and tables. */
export interface CapacityLevel {
  users: number;
  zone: Zone;
  p50Ms: number | null;
  p95Ms: number | null;
  /** Four decimals. */
  errorRatePercent: number;
  throughputRps: number | null;
  /** users × throughput per user at the safe-capacity level; null without one. */
  expectedLinearRps: number | null;
  /** (1 − actual / expected linear) × 100, one decimal. */
  capacityLossPercent: number | null;
  /** P50 / P50 of the safe-capacity run, one decimal. */
  p50Slowdown: number | null;
  p95Slowdown: number | null;
  anomalous: boolean;
  runId: string;
  runName: string;
  runDate: string;
  stepIndex: number | null;
}

export interface CapacityResult {
  zones: ZoneBand[];
  safeCapacityUsers: number | null;
  breakingPointUsers: number | null;
  throughputCeilingRps: number | null;
  anomalies: CapacityAnomaly[];
  levels: CapacityLevel[];
}

function findSafeLevel(levels: readonly MeasuredLevel[]): MeasuredLevel | null {
  let safe: MeasuredLevel | null = null;
  for (const level of levels) {
    if (zoneRank(level.zone) > zoneRank("yellow")) break;
    safe = level;
  }
  return safe;
}

function findBreakingPoint(levels: readonly MeasuredLevel[], redErrorRatePercent: number): number | null {
  const failing = levels.find((l) => zoneRank(l.zone) >= zoneRank("red") && l.errorRatePercent >= redErrorRatePercent);
  return (failing ?? levels.find((l) => l.zone === "death"))?.users ?? null;
}

function ratio(value: number | null, base: number | null): number | null {
  return value !== null && base !== null && base > 0 ? roundTo(value / base, 1) : null;
}

/** Capacity zones, safe capacity, breaking point, throughput and anomalies (DESIGN "Capacity zones"). */
export function computeCapacity(runs: readonly DomainRun[], thresholds: ZoneThresholds): CapacityResult {
  const measured = collectCapacityLevels(runs, thresholds);
  const safe = findSafeLevel(measured);
  const anomalies = detectCapacityAnomalies(measured, thresholds.yellow.errorRatePercent);
  const anomalousUsers = new Set(anomalies.map((a) => a.users));
  const perUser = safe && safe.throughputRps !== null && safe.throughputRps > 0 ? safe.throughputRps / safe.users : null;
  const levels = measured.map((level): CapacityLevel => {
    const expected = perUser === null ? null : level.users * perUser;
    return {
      users: level.users,
      zone: level.zone,
      p50Ms: level.p50Ms,
      p95Ms: level.p95Ms,
      errorRatePercent: roundTo(level.errorRatePercent, 4),
      throughputRps: level.throughputRps === null ? null : roundTo(level.throughputRps, 2),
      expectedLinearRps: expected === null ? null : roundTo(expected, 2),
      capacityLossPercent: expected === null || level.throughputRps === null
        ? null : roundTo((1 - level.throughputRps / expected) * 100, 1),
      p50Slowdown: ratio(level.p50Ms, safe?.p50Ms ?? null),
      p95Slowdown: ratio(level.p95Ms, safe?.p95Ms ?? null),
      anomalous: anomalousUsers.has(level.users),
      runId: level.runId,
      runName: level.runName,
      runDate: level.runDate,
      stepIndex: level.stepIndex,
    };
  });
  const throughputs = measured.flatMap((l) => (l.throughputRps === null ? [] : [l.throughputRps]));
  const ceiling = throughputs.length > 0 ? throughputs.reduce((a, b) => Math.max(a, b)) : null;
  return {
    zones: computeZoneBands(measured),
    safeCapacityUsers: safe?.users ?? null,
    breakingPointUsers: findBreakingPoint(measured, thresholds.red.errorRatePercent),
    throughputCeilingRps: ceiling === null ? null : roundTo(ceiling, 2),
    anomalies,
    levels,
  };
}
