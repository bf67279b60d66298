import { CompactHistogram } from "./compact-histogram";
import type { SeriesPoint } from "./time-series";
import type { RunStep } from "./types";
import { errorRate, round } from "./values";

export interface StepOptions {
  /** Relative spread of user counts still read as one level (0 = exact). Default 0. */
  tolerance?: number;
  /** A level must last at least this many points. Default 5. */
  minPoints?: number;
  /** ...and at least this many seconds (a level held for less is a ramp stair). Default 10. */
  minSeconds?: number;
  /** ...and at least this share of the median level length. Default 0.25. */
  minShareOfMedian?: number;
  /** Neighbouring kept levels closer than this (relative) are one level. Default 0.05. */
  mergeTolerance?: number;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Splits a time series into per-user-level steps.
 * Rule: points with no or zero users are ignored; contiguous points whose user count stays
 * within `tolerance` of the running mean of the level form a candidate level. A candidate is
 * kept when it is held at least `minSeconds` (10) seconds with at least `minPoints` (5) points,
 * and lasts at least `minShareOfMedian` of the median length of such candidates; so a Locust
 * step-load with 10 s levels has its steps, while a ramp passing through 52, 92, 133... users
 * (the count changing every sample), or the 15-second stairs of a thread ramp between two
 * 10-minute plateaus, are not steps. Neighbouring kept levels within `mergeTolerance` of each other merge (a ramp-down
 * from 100 to 99 users is one level), taking the level of the longer one. Steps are returned
 * only when at least two distinct levels remain.
 * Step percentiles merge the points' histograms when present, else take the median of the
 * points' own percentiles (Locust history rows carry only windowed percentiles).
 */
export function computeSteps(points: SeriesPoint[], opts: StepOptions = {}): RunStep[] {
  const tol = opts.tolerance ?? 0;
  const minPoints = opts.minPoints ?? 5;
  const share = opts.minShareOfMedian ?? 0.25;
  const minMs = (opts.minSeconds ?? 10) * 1000;
  const mergeTol = opts.mergeTolerance ?? 0.05;
  const spanMs = (g: SeriesPoint[]) => g.reduce((n, p) => n + p.widthMs, 0);
  const groups: SeriesPoint[][] = [];
  let cur: SeriesPoint[] = [];
  let level = 0;
  let sum = 0;
  for (const p of points) {
    if (p.users === null || p.users <= 0) {
      if (cur.length) groups.push(cur);
      cur = [];
      continue;
    }
    if (cur.length && Math.abs(p.users - level) <= tol * level) {
      cur.push(p);
      sum += p.users;
      level = sum / cur.length;
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [p];
    level = p.users;
    sum = p.users;
  }
  if (cur.length) groups.push(cur);
  const long = groups.filter((g) => g.length >= minPoints && spanMs(g) >= minMs);
  const med = median(long.map((g) => g.length)) ?? 0;
  const kept: { users: number; points: SeriesPoint[]; own: number }[] = [];
  for (const g of long) {
    if (g.length < share * med) continue;
    const users = Math.round(median(g.map((p) => p.users ?? 0)) ?? 0);
    const last = kept[kept.length - 1];
    if (last && Math.abs(last.users - users) <= mergeTol * Math.max(last.users, users)) {
      if (g.length > last.own) {
        last.users = users;
        last.own = g.length;
      }
      last.points.push(...g);
    } else {
      kept.push({ users, points: [...g], own: g.length });
    }
  }
  if (new Set(kept.map((k) => k.users)).size < 2) return [];
  return kept.map((k) => toStep(k.users, k.points));
}

function toStep(users: number, pts: SeriesPoint[]): RunStep {
  const requests = pts.reduce((n, p) => n + p.requests, 0);
  const failures = pts.reduce((n, p) => n + p.failures, 0);
  const seconds = pts.reduce((n, p) => n + p.widthMs, 0) / 1000;
  let p50: number | null;
  let p95: number | null;
  if (pts.some((p) => p.hist)) {
    const h = new CompactHistogram();
    for (const p of pts) if (p.hist) h.merge(p.hist);
    p50 = h.percentile(50);
    p95 = h.percentile(95);
  } else {
    p50 = median(pts.flatMap((p) => (p.p50Ms === null ? [] : [p.p50Ms])));
    p95 = median(pts.flatMap((p) => (p.p95Ms === null ? [] : [p.p95Ms])));
  }
  const rpsValues = pts.flatMap((p) => (p.rps === null ? [] : [p.rps]));
  const throughput =
    requests > 0 && seconds > 0
      ? requests / seconds
      : rpsValues.length
        ? rpsValues.reduce((a, b) => a + b, 0) / rpsValues.length
        : null;
  return {
    users,
    durationSeconds: round(seconds, 3),
    requests,
    failures,
    errorRatePercent: errorRate(requests, failures),
    p50Ms: round(p50),
    p95Ms: round(p95),
    throughputRps: round(throughput, 3),
  };
}
