import type { SeriesPoint } from "./time-series";
import type { RunSample } from "./types";
import { isoOrNull, round } from "./values";

export interface SamplePoint extends SeriesPoint {
  failuresPerSec: number | null;
  responseMs: number | null;
}

function wmean(a: number | null, wa: number, b: number | null, wb: number): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return wa + wb > 0 ? (a * wa + b * wb) / (wa + wb) : (a + b) / 2;
}

function merge(a: SamplePoint, b: SamplePoint): SamplePoint {
  return {
    tMs: a.tMs,
    widthMs: a.widthMs + b.widthMs,
    users: a.users === null ? b.users : b.users === null ? a.users : Math.max(a.users, b.users),
    requests: a.requests + b.requests,
    failures: a.failures + b.failures,
    rps: wmean(a.rps, a.widthMs, b.rps, b.widthMs),
    failuresPerSec: wmean(a.failuresPerSec, a.widthMs, b.failuresPerSec, b.widthMs),
    p50Ms: wmean(a.p50Ms, a.widthMs, b.p50Ms, b.widthMs),
    p95Ms: wmean(a.p95Ms, a.widthMs, b.p95Ms, b.widthMs),
    responseMs: wmean(a.responseMs, a.requests, b.responseMs, b.requests),
  };
}

/**
 * A time series of tool-provided points (Locust history rows, Artillery periods) kept under
 * `max` entries: when full, neighbours merge pairwise and later points are combined as many
 * at a time, so the width stays even. Merging sums counts, takes time-weighted means of
 * rates and percentiles and the request-weighted mean of the mean response time.
 */
export class PointSeries {
  private points: SamplePoint[] = [];
  /** After each halving, incoming points are combined `factor` at a time for an even width. */
  private factor = 1;
  private pending: SamplePoint | null = null;
  private pendingCount = 0;

  constructor(private readonly max: number) {}

  push(p: SamplePoint): void {
    this.pending = this.pending ? merge(this.pending, p) : p;
    this.pendingCount++;
    if (this.pendingCount < this.factor) return;
    this.points.push(this.pending);
    this.pending = null;
    this.pendingCount = 0;
    if (this.points.length > this.max) {
      this.factor *= 2;
      const merged: SamplePoint[] = [];
      for (let i = 0; i < this.points.length; i += 2) {
        const b = this.points[i + 1];
        merged.push(b ? merge(this.points[i], b) : this.points[i]);
      }
      this.points = merged;
    }
  }

  list(): SamplePoint[] {
    return this.pending ? [...this.points, this.pending] : this.points;
  }
}

export function toRunSamples(points: SamplePoint[]): RunSample[] {
  return points.map((p) => ({
    t: isoOrNull(p.tMs) ?? "",
    users: p.users,
    requests: p.requests,
    failures: p.failures,
    rps: round(p.rps, 3),
    failuresPerSec: round(p.failuresPerSec, 3),
    p50Ms: round(p.p50Ms),
    p95Ms: round(p.p95Ms),
    responseMs: round(p.responseMs),
  }));
}
