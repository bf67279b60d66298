import { failedCodes, type PeriodTotals } from "./artillery-common";
import { obj, type JsonObject } from "./json-input";
import { LatencyRecorder } from "./latency-recorder";
import { parseTimeMs, toNum } from "./values";

function numbers(o: unknown): Record<string, number> {
  return Object.fromEntries(Object.entries(obj(o)).map(([k, v]) => [k, toNum(v) ?? 0]));
}

/** v1 report entry (aggregate or intermediate period): latency in ms, `latencies` in ns. */
export function readV1Totals(e: JsonObject): PeriodTotals {
  const errors = numbers(e.errors);
  const codes = numbers(e.codes);
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const bad = failedCodes(codes);
  const lat = obj(e.latency);
  const raw = Array.isArray(e.latencies) ? e.latencies : null;
  const mean = raw && raw.length ? raw.reduce((a: number, b: unknown) => a + (toNum(b) ?? 0), 0) / raw.length / 1e6 : null;
  return {
    tMs: parseTimeMs(e.timestamp),
    endMs: null,
    arrivals: toNum(e.scenariosCreated),
    requests: (toNum(e.requestsCompleted) ?? 0) + errorCount,
    failures: errorCount + bad.count,
    p50Ms: toNum(lat.median),
    p95Ms: toNum(lat.p95),
    p99Ms: toNum(lat.p99),
    maxMs: toNum(lat.max),
    meanMs: mean,
    errors: [...Object.entries(errors), ...bad.kinds],
  };
}

/**
 * A v1 intermediate entry is stamped at the END of its period; the sample's time is moved
 * to the period start by the caller's width, approximated here as 10 s (Artillery's period).
 */
export function artilleryV1Period(e: JsonObject): PeriodTotals {
  const t = readV1Totals(e);
  return { ...t, tMs: t.tMs === null ? null : t.tMs - 10_000, endMs: t.tMs };
}

/**
 * v1 intermediate periods carry every raw latency (`latencies`, ns); the aggregate has no
 * mean or p90, so they are computed from those when present.
 */
export function v1LatencyExtras(intermediate: JsonObject[]): { meanMs: number | null; p90Ms: number | null } {
  const rec = new LatencyRecorder();
  for (const p of intermediate) {
    if (!Array.isArray(p.latencies)) continue;
    for (const v of p.latencies) {
      const n = toNum(v);
      if (n !== null) rec.record(n / 1e6);
    }
  }
  return { meanMs: rec.mean(), p90Ms: rec.percentile(90) };
}
