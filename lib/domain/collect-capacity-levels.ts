import { parseInstantMs } from "./calendar";
import type { DomainRun, Zone, ZoneThresholds } from "./types";

export const ZONES: readonly Zone[] = ["green", "yellow", "red", "death"];

/** One measured concurrent-user level: a single-level run or one step of a stepped run. */
export interface MeasuredLevel {
  users: number;
  zone: Zone;
  p50Ms: number | null;
  p95Ms: number | null;
  /** failures / requests × 100 (0 without requests). */
  errorRatePercent: number;
  throughputRps: number | null;
  runId: string;
  runName: string;
  runDate: string;
  /** Index in the run's steps, null for a single-level run. */
  stepIndex: number | null;
}

export function zoneRank(zone: Zone): number {
  return ZONES.indexOf(zone);
}

function classify(value: number | null, key: "p95Ms" | "errorRatePercent", thresholds: ZoneThresholds): number {
  if (value === null) return 0;
  if (value < thresholds.green[key]) return 0;
  if (value < thresholds.yellow[key]) return 1;
  if (value < thresholds.red[key]) return 2;
  return 3;
}

/** Worst of the P95 class and the error-rate class; a missing P95 classifies by errors alone. */
export function classifyZone(p95Ms: number | null, errorRatePercent: number, thresholds: ZoneThresholds): Zone {
  return ZONES[Math.max(classify(p95Ms, "p95Ms", thresholds), classify(errorRatePercent, "errorRatePercent", thresholds))];
}

function errorRate(requests: number, failures: number, fallback = 0): number {
  return requests > 0 ? (failures / requests) * 100 : fallback;
}

/** Later run wins: by run date, then creation instant, then id (deterministic on ties). */
function isNewer(a: DomainRun, b: DomainRun): boolean {
  if (a.runDate !== b.runDate) return a.runDate > b.runDate;
  const at = parseInstantMs(a.createdAt);
  const bt = parseInstantMs(b.createdAt);
  if (at !== bt) return at > bt;
  return a.id > b.id;
}

function levelsOfRun(run: DomainRun): Omit<MeasuredLevel, "zone">[] {
  const out: Omit<MeasuredLevel, "zone">[] = [];
  if (run.steps.length > 0) {
    for (let stepIndex = 0; stepIndex < run.steps.length; stepIndex++) {
      const step = run.steps[stepIndex];
      out.push({
        runId: run.id, runName: run.name, runDate: run.runDate, stepIndex, users: step.users, p50Ms: step.p50Ms, p95Ms: step.p95Ms,
        errorRatePercent: errorRate(step.requests, step.failures, step.errorRatePercent),
        throughputRps: step.throughputRps ?? (step.durationSeconds ? step.requests / step.durationSeconds : null),
      });
    }
    return out;
  }
  if (run.users === null) return out;
  out.push({
    runId: run.id, runName: run.name, runDate: run.runDate, stepIndex: null, users: run.users, p50Ms: run.p50Ms, p95Ms: run.p95Ms,
    errorRatePercent: errorRate(run.requests, run.failures),
    throughputRps: run.throughputRps ?? (run.durationSeconds > 0 ? run.requests / run.durationSeconds : null),
  });
  return out;
}

/**
 * The latest measurement per user level, sorted by users. STABILITY runs are left
 * out; a stepped run contributes one level per step (its own `users` is then
 * ignored); a run without users and without steps cannot be placed and is skipped.
 * Within one run, a later step at the same level replaces an earlier one.
 */
export function collectCapacityLevels(runs: readonly DomainRun[], thresholds: ZoneThresholds): MeasuredLevel[] {
  const latest = new Map<number, { run: DomainRun; level: Omit<MeasuredLevel, "zone"> }>();
  for (const run of runs) {
    if (run.kind === "STABILITY") continue;
    for (const level of levelsOfRun(run)) {
      if (!(level.users > 0)) continue;
      const current = latest.get(level.users);
      if (!current || current.run === run || isNewer(run, current.run)) latest.set(level.users, { run, level });
    }
  }
  return [...latest.values()]
    .map(({ level }) => ({ ...level, zone: classifyZone(level.p95Ms, level.errorRatePercent, thresholds) }))
    .sort((a, b) => a.users - b.users);
}
