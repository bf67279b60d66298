/**
 * View models of the capacity page: the zone band chart (users on x, bands as areas, P50/P95 and
 * error-rate lines per measured level), the throughput curve with the expected-linear line and the
 * ceiling, the headline figures and the rows of the runs table. Plain arrays for Recharts.
 */
import type { CapacityResult } from "../compute-capacity";
import { zoneRank } from "../collect-capacity-levels";
import { formatNumber } from "../format-number";
import type { RunKind, Zone, ZoneThresholds } from "../types";

export const ZONE_LABELS: Record<Zone, string> = { green: "Green", yellow: "Yellow", red: "Red", death: "Death" };

export interface ZoneBandArea {
  zone: Zone;
  x1: number;
  x2: number;
  /** "0–150 users", "300+ users". */
  label: string;
}

export interface CapacityChartPoint {
  users: number;
  zone: Zone;
  p50Ms: number | null;
  p95Ms: number | null;
  errorRatePercent: number;
  throughputRps: number | null;
  expectedLinearRps: number | null;
  capacityLossPercent: number | null;
  anomalous: boolean;
  runId: string;
  runName: string;
}

export interface CapacityChartModel {
  /** Upper end of the user axis (a little beyond the highest level). */
  maxUsers: number;
  /** Measured levels, for ticks. */
  ticks: number[];
  bands: ZoneBandArea[];
  points: CapacityChartPoint[];
  /** Throughput curve from the origin: actual and expected linear. */
  throughput: { users: number; throughputRps: number | null; expectedLinearRps: number | null }[];
  throughputCeilingRps: number | null;
  safeCapacityUsers: number | null;
  breakingPointUsers: number | null;
  requiredUsers: number | null;
  /** The largest capacity loss over the measured levels, e.g. 64.8% at 500 users. */
  worstCapacityLoss: { users: number; percent: number } | null;
  /** Log-scale latency axis: powers of ten around the measured P50/P95. */
  latencyDomain: [number, number];
  latencyTicks: number[];
  /** Upper end of the error-rate axis (percent). */
  errorRateMax: number;
  /** The P95 bounds of green, yellow and red, drawn as guide lines. */
  p95Bounds: { zone: Zone; ms: number }[];
}

/** Powers of ten that enclose the values: [12, 7200] → [10, 10000] with ticks 10, 100, 1000, 10000. */
export function logDomain(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (!positive.length) return { domain: [1, 1000], ticks: [1, 10, 100, 1000] };
  let lo = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  let hi = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  if (hi <= lo) hi = lo * 10;
  lo = Math.max(lo, 0.1);
  const ticks: number[] = [];
  for (let t = lo; t <= hi * 1.0001; t *= 10) ticks.push(Number(t.toPrecision(1)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** A round axis end a little above `max`: 500 → 550, 87 → 100, 2000 → 2500. */
export function niceAxisMax(max: number): number {
  if (!(max > 0)) return 100;
  const target = max * 1.1;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const step = target / magnitude < 2 ? magnitude / 5 : magnitude / 2;
  return Math.ceil(target / step) * step;
}

function bandLabel(from: number, to: number | null): string {
  return to === null ? `${formatNumber(from, 0)}+ users` : `${formatNumber(from, 0)}–${formatNumber(to, 0)} users`;
}

export function buildCapacityChart(capacity: CapacityResult, requiredUsers: number | null = null, thresholds: ZoneThresholds | null = null): CapacityChartModel {
  const levels = capacity.levels;
  const highest = levels.length ? levels[levels.length - 1].users : 0;
  const maxUsers = niceAxisMax(Math.max(highest, requiredUsers ?? 0));
  const bands = capacity.zones.map((b) => ({
    zone: b.zone,
    x1: b.fromUsers,
    x2: b.toUsers ?? maxUsers,
    label: bandLabel(b.fromUsers, b.toUsers),
  }));
  const points = levels.map((l): CapacityChartPoint => ({
    users: l.users, zone: l.zone, p50Ms: l.p50Ms, p95Ms: l.p95Ms, errorRatePercent: l.errorRatePercent,
    throughputRps: l.throughputRps, expectedLinearRps: l.expectedLinearRps, capacityLossPercent: l.capacityLossPercent,
    anomalous: l.anomalous, runId: l.runId, runName: l.runName,
  }));
  const hasExpected = levels.some((l) => l.expectedLinearRps !== null);
  const throughput = levels.length
    ? [{ users: 0, throughputRps: 0, expectedLinearRps: hasExpected ? 0 : null }, ...levels.map((l) => ({ users: l.users, throughputRps: l.throughputRps, expectedLinearRps: l.expectedLinearRps }))]
    : [];
  let worst: CapacityChartModel["worstCapacityLoss"] = null;
  for (const l of levels) {
    if (l.capacityLossPercent !== null && l.capacityLossPercent > 0 && (worst === null || l.capacityLossPercent > worst.percent)) {
      worst = { users: l.users, percent: l.capacityLossPercent };
    }
  }
  const p95Bounds = thresholds
    ? (["green", "yellow", "red"] as const).map((zone) => ({ zone, ms: thresholds[zone].p95Ms }))
    : [];
  const latency = logDomain([
    ...levels.flatMap((l) => [l.p50Ms, l.p95Ms]).filter((v): v is number => v !== null),
    ...p95Bounds.map((b) => b.ms),
  ]);
  const maxError = Math.max(0, ...levels.map((l) => l.errorRatePercent), thresholds?.red.errorRatePercent ?? 0);
  return {
    latencyDomain: latency.domain,
    latencyTicks: latency.ticks,
    errorRateMax: maxError > 0 ? Math.ceil(maxError * 1.1) : 1,
    p95Bounds,
    maxUsers,
    ticks: levels.map((l) => l.users),
    bands,
    points,
    throughput,
    throughputCeilingRps: capacity.throughputCeilingRps,
    safeCapacityUsers: capacity.safeCapacityUsers,
    breakingPointUsers: capacity.breakingPointUsers,
    requiredUsers,
    worstCapacityLoss: worst,
  };
}

/** What the runs table needs of a run (a subset of the run summary DTO). */
export interface CapacityRunInput {
  id: string;
  name: string;
  kind: RunKind;
  tool: string | null;
  users: number | null;
  runDate: string;
  durationSeconds: number | null;
  requests: number;
  failures: number;
  errorRatePercent: number;
  p95Ms: number | null;
  throughputRps: number | null;
  steps: readonly unknown[];
  /** The run's series; a run of a series that is not launch evidence contributes no level. */
  series?: { slug: string; name: string; launchEvidence: boolean };
}

export interface CapacityRunRow extends Omit<CapacityRunInput, "steps"> {
  stepCount: number;
  /** Worst zone this run contributes to the capacity picture; null when it contributes no level. */
  zone: Zone | null;
  /** Levels of this run that are the latest measurement of their load. */
  currentLevels: number;
  anomalous: boolean;
}

/** Runs table rows, newest first, each with the zone it currently contributes. */
export function buildCapacityRunRows(runs: readonly CapacityRunInput[], capacity: CapacityResult): CapacityRunRow[] {
  const byRun = new Map<string, { zone: Zone; count: number; anomalous: boolean }>();
  for (const l of capacity.levels) {
    const cur = byRun.get(l.runId);
    if (!cur) byRun.set(l.runId, { zone: l.zone, count: 1, anomalous: l.anomalous });
    else {
      if (zoneRank(l.zone) > zoneRank(cur.zone)) cur.zone = l.zone;
      cur.count += 1;
      cur.anomalous ||= l.anomalous;
    }
  }
  return runs
    .filter((r) => r.kind !== "STABILITY")
    .map(({ steps, ...r }) => {
      const c = byRun.get(r.id);
      return { ...r, stepCount: steps.length, zone: c?.zone ?? null, currentLevels: c?.count ?? 0, anomalous: c?.anomalous ?? false };
    })
    .sort((a, b) => (a.runDate === b.runDate ? (b.users ?? 0) - (a.users ?? 0) : a.runDate < b.runDate ? 1 : -1));
}
