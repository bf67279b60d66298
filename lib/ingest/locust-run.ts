import { IngestError } from "./errors";
import type { LocustHistory } from "./locust-history";
import type { LocustRow, LocustTable } from "./locust-tables";
import { toRunSamples } from "./point-series";
import { emptyRun, finishRun } from "./run-result";
import { computeSteps } from "./steps";
import type { EndpointStats, ErrorKindCount, FormatId, NormalizedRun } from "./types";
import { isoOrNull, rate, round } from "./values";

/** The pieces of one Locust run, each from its own CSV file. */
export interface LocustParts {
  stats?: LocustTable;
  distribution?: LocustTable;
  history?: LocustHistory;
  failures?: ErrorKindCount[];
  exceptions?: ErrorKindCount[];
  warnings: string[];
}

const key = (m: string | null, n: string) => `${m ?? ""} ${n}`;

function withDistribution(table: LocustTable, dist: LocustTable | undefined): LocustTable {
  if (!dist) return table;
  const byKey = new Map(dist.rows.map((r) => [key(r.method, r.name), r]));
  const merge = (r: LocustRow, d: LocustRow | null | undefined): LocustRow =>
    d ? { ...r, pct: { ...d.pct, ...Object.fromEntries(Object.entries(r.pct).filter(([, v]) => v !== null)) } } : r;
  return {
    ...table,
    rows: table.rows.map((r) => merge(r, byKey.get(key(r.method, r.name)) ?? byKey.get(key(null, r.name)))),
    total: table.total ? merge(table.total, dist.total) : null,
  };
}

function endpointOf(r: LocustRow): EndpointStats {
  return {
    method: r.method,
    name: r.name,
    requests: r.requests ?? 0,
    failures: r.failures ?? 0,
    p50Ms: round(r.pct["50"] ?? r.medianMs),
    p95Ms: round(r.pct["95"] ?? null),
    p99Ms: round(r.pct["99"] ?? null),
    meanMs: round(r.meanMs),
    maxMs: round(r.maxMs ?? r.pct["100"] ?? null),
    throughputRps: round(r.rps, 3),
  };
}

/**
 * One NormalizedRun from whichever Locust files are present. The stats table (or the old
 * requests + distribution pair) gives totals, percentiles and endpoints; the history gives
 * the time series, steps, peak users, start and active duration; failures and exceptions
 * give the error list. History alone is enough (totals from its last Aggregated row).
 */
export function buildLocustRun(parts: LocustParts, fileName?: string): NormalizedRun {
  const table = parts.stats ? withDistribution(parts.stats, parts.distribution) : undefined;
  const history = parts.history;
  if (!table && !history) {
    throw new IngestError({
      file: fileName,
      reason:
        "a Locust failures, exceptions or distribution file has no request totals: upload it together with the _stats.csv (or _requests.csv) or _stats_history.csv of the same run",
    });
  }
  const format: FormatId = table
    ? table.kind === "requests"
      ? "locust-requests-csv"
      : "locust-stats-csv"
    : "locust-stats-history-csv";
  const run = emptyRun("locust", format);
  run.warnings.push(...parts.warnings);

  if (table) {
    run.endpoints = table.rows.map(endpointOf);
    let total = table.total;
    if (!total) {
      run.warnings.push("no Aggregated/Total row: totals summed from the endpoint rows");
      total = {
        method: null,
        name: "Aggregated",
        requests: table.rows.reduce((n, r) => n + (r.requests ?? 0), 0),
        failures: table.rows.reduce((n, r) => n + (r.failures ?? 0), 0),
        medianMs: null,
        meanMs: null,
        maxMs: table.rows.reduce<number | null>((m, r) => (r.maxMs === null ? m : Math.max(m ?? 0, r.maxMs)), null),
        rps: table.rows.reduce((n, r) => n + (r.rps ?? 0), 0) || null,
        pct: {},
      };
    }
    const t = endpointOf(total);
    run.requests = t.requests;
    run.failures = t.failures;
    run.p50Ms = t.p50Ms;
    run.p90Ms = round(total.pct["90"] ?? null);
    run.p95Ms = t.p95Ms;
    run.p99Ms = t.p99Ms;
    run.maxMs = t.maxMs;
    run.meanMs = t.meanMs;
    run.throughputRps = t.throughputRps;
    if (t.throughputRps) run.durationSeconds = round(t.requests / t.throughputRps, 1);
  } else if (history?.last) {
    const last = history.last;
    run.requests = last.requests;
    run.failures = last.failures;
    run.p50Ms = round(last.medianMs);
    run.meanMs = round(last.meanMs);
    run.maxMs = round(last.maxMs);
    run.endpoints = history.endpoints.map((e) => ({
      method: e.method,
      name: e.name,
      requests: e.requests,
      failures: e.failures,
      p50Ms: round(e.medianMs),
      p95Ms: null,
      p99Ms: null,
      meanMs: round(e.meanMs),
      maxMs: round(e.maxMs),
      throughputRps: null,
    }));
  }

  if (history) {
    run.samples = toRunSamples(history.points);
    run.steps = computeSteps(history.points);
    run.users = history.maxUsers;
    run.startedAt = isoOrNull(history.activeFromMs ?? history.points[0]?.tMs ?? null);
    if (history.activeFromMs !== null && history.activeToMs !== null && history.activeToMs > history.activeFromMs) {
      run.durationSeconds = round((history.activeToMs - history.activeFromMs) / 1000, 1);
    }
    if (run.throughputRps === null) run.throughputRps = rate(run.requests, run.durationSeconds);
    if (!table) {
      for (const e of run.endpoints) e.throughputRps = rate(e.requests, run.durationSeconds);
    }
  }
  run.errors = [...(parts.failures ?? []), ...(parts.exceptions ?? [])].sort((a, b) => b.count - a.count);
  return finishRun(run);
}
