/**
 * View model of one run's page: endpoint rows with error rates and zones, errors by kind with their
 * share, steps with zones, and the time series (users, req/s, latency, failures/s) on an elapsed-time
 * axis, thinned to a bounded number of points so a 24-hour soak still renders quickly.
 */
import { classifyZone } from "../collect-capacity-levels";
import { roundTo } from "../format-number";
import type { Zone, ZoneThresholds } from "../types";

export interface RunEndpointInput {
  method: string | null;
  name: string;
  requests: number;
  failures: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface RunStepInput {
  users: number;
  durationSeconds: number | null;
  requests: number;
  failures: number;
  errorRatePercent: number;
  p50Ms: number | null;
  p95Ms: number | null;
  throughputRps: number | null;
}

export interface RunSampleInput {
  t: string;
  users: number | null;
  requests: number | null;
  failures: number | null;
  rps: number | null;
  failuresPerSec: number | null;
  responseMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface EndpointRow extends RunEndpointInput {
  errorRatePercent: number;
  zone: Zone | null;
}

export interface ErrorKindRow {
  kind: string;
  count: number;
  /** Share of all counted errors, one decimal. */
  sharePercent: number;
}

export interface StepRow extends RunStepInput {
  zone: Zone | null;
}

export interface SeriesPoint {
  /** Seconds since the first sample. */
  s: number;
  users: number | null;
  rps: number | null;
  latencyMs: number | null;
  failuresPerSec: number | null;
}

export interface RunSeries {
  points: SeriesPoint[];
  has: { users: boolean; rps: boolean; latency: boolean; failures: boolean };
  /** Which latency the series carries: P95 when the tool gave it, else the mean response time. */
  latencyLabel: "P95" | "Mean response time";
  /** Samples before thinning. */
  sampleCount: number;
  durationSeconds: number;
}

export function errorRate(requests: number, failures: number): number {
  return requests > 0 ? roundTo((failures / requests) * 100, 4) : 0;
}

export function buildEndpointRows(endpoints: readonly RunEndpointInput[], thresholds: ZoneThresholds | null): EndpointRow[] {
  return endpoints
    .map((e) => {
      const rate = errorRate(e.requests, e.failures);
      return { ...e, errorRatePercent: rate, zone: thresholds && e.requests > 0 ? classifyZone(e.p95Ms, rate, thresholds) : null };
    })
    .sort((a, b) => b.failures - a.failures || b.requests - a.requests || a.name.localeCompare(b.name));
}

export interface EndpointBar {
  label: string;
  zone: Zone | null;
  errorRatePercent: number;
  failures: number;
  requests: number;
}

/** The endpoints with the most failures, for a bar chart of error rates (labels shortened). */
export function buildEndpointBars(rows: readonly EndpointRow[], limit = 10, maxLabel = 28): EndpointBar[] {
  return rows
    .filter((r) => r.requests > 0)
    .slice(0, limit)
    .map((r) => {
      const full = r.method ? `${r.method} ${r.name}` : r.name;
      return {
        label: full.length > maxLabel ? `${full.slice(0, maxLabel - 1)}…` : full,
        zone: r.zone,
        errorRatePercent: roundTo(r.errorRatePercent, 2),
        failures: r.failures,
        requests: r.requests,
      };
    });
}

export function buildErrorRows(errors: readonly { kind: string; count: number }[]): ErrorKindRow[] {
  const total = errors.reduce((s, e) => s + e.count, 0);
  return [...errors]
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind))
    .map((e) => ({ kind: e.kind, count: e.count, sharePercent: total > 0 ? roundTo((e.count / total) * 100, 1) : 0 }));
}

export function buildStepRows(steps: readonly RunStepInput[], thresholds: ZoneThresholds | null): StepRow[] {
  return steps.map((s) => ({ ...s, zone: thresholds ? classifyZone(s.p95Ms, s.errorRatePercent, thresholds) : null }));
}

function mean(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
}

function max(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length ? Math.max(...v) : null;
}

const r2 = (v: number | null) => (v === null ? null : roundTo(v, 2));

/**
 * The time series on seconds since the first sample. Above `maxPoints` samples, consecutive samples
 * are merged: users and latency take the bucket's maximum (peaks stay visible), rates its mean.
 */
export function buildRunSeries(samples: readonly RunSampleInput[], maxPoints = 600): RunSeries {
  const sorted = [...samples].sort((a, b) => Date.parse(a.t) - Date.parse(b.t));
  const t0 = sorted.length ? Date.parse(sorted[0].t) : 0;
  const usesP95 = sorted.some((s) => s.p95Ms !== null);
  const raw = sorted.map((s) => ({
    s: (Date.parse(s.t) - t0) / 1000,
    users: s.users,
    rps: s.rps,
    latencyMs: usesP95 ? s.p95Ms : s.responseMs,
    failuresPerSec: s.failuresPerSec,
  }));
  const size = Math.max(1, Math.ceil(raw.length / Math.max(1, maxPoints)));
  const points: SeriesPoint[] = [];
  for (let i = 0; i < raw.length; i += size) {
    const bucket = raw.slice(i, i + size);
    points.push({
      s: bucket[0].s,
      users: max(bucket.map((p) => p.users)),
      rps: r2(mean(bucket.map((p) => p.rps))),
      latencyMs: r2(max(bucket.map((p) => p.latencyMs))),
      failuresPerSec: r2(mean(bucket.map((p) => p.failuresPerSec))),
    });
  }
  return {
    points,
    has: {
      users: points.some((p) => p.users !== null),
      rps: points.some((p) => p.rps !== null),
      latency: points.some((p) => p.latencyMs !== null),
      failures: points.some((p) => p.failuresPerSec !== null),
    },
    latencyLabel: usesP95 ? "P95" : "Mean response time",
    sampleCount: raw.length,
    durationSeconds: raw.length ? raw[raw.length - 1].s : 0,
  };
}

/** Elapsed time for axes and tables: "0:30", "12:05", "1:02:03". */
export function formatElapsed(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A duration in words for summaries: "5 min", "1 h 30 min", "45 s". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.round((total % 3600) / 60);
  if (h === 0) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** The zone of a single-level run as a whole; null for a stepped run (its steps have zones) or one without users. */
export function classifyRun(
  run: { users: number | null; p95Ms: number | null; errorRatePercent: number; steps: readonly unknown[] },
  thresholds: ZoneThresholds,
): Zone | null {
  if (run.steps.length > 0 || run.users === null) return null;
  return classifyZone(run.p95Ms, run.errorRatePercent, thresholds);
}
