import { failedCodes, type PeriodTotals } from "./artillery-common";
import { obj, type JsonObject } from "./json-input";
import type { EndpointStats } from "./types";
import { rate, round, toNum } from "./values";

const BY_ENDPOINT = "plugins.metrics-by-endpoint.";

function counters(e: JsonObject): Record<string, number> {
  return Object.fromEntries(Object.entries(obj(e.counters)).map(([k, v]) => [k, toNum(v) ?? 0]));
}

function prefixed(c: Record<string, number>, prefix: string): Record<string, number> {
  return Object.fromEntries(Object.entries(c).flatMap(([k, v]) => (k.startsWith(prefix) ? [[k.slice(prefix.length), v]] : [])));
}

function summary(e: JsonObject, key: string): JsonObject {
  return obj(obj(e.summaries ?? e.histograms)[key]);
}

/** v2 report entry: counters `http.requests`, `http.codes.<code>`, `errors.<code>`; summaries in ms. */
export function readV2Totals(e: JsonObject): PeriodTotals {
  const c = counters(e);
  const errors = prefixed(c, "errors.");
  const bad = failedCodes(prefixed(c, "http.codes."));
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const rt = summary(e, "http.response_time");
  const requests = c["http.requests"] ?? (c["http.responses"] ?? 0) + errorCount;
  return {
    tMs: toNum(e.period) ?? toNum(e.firstCounterAt),
    endMs: toNum(e.lastCounterAt),
    arrivals: "vusers.created" in c ? c["vusers.created"] : null,
    requests,
    failures: errorCount + bad.count,
    p50Ms: toNum(rt.p50) ?? toNum(rt.median),
    p95Ms: toNum(rt.p95),
    p99Ms: toNum(rt.p99),
    maxMs: toNum(rt.max),
    meanMs: toNum(rt.mean),
    errors: [...Object.entries(errors), ...bad.kinds],
  };
}

export const artilleryV2Period = readV2Totals;

/** Endpoints from the metrics-by-endpoint plugin (names may contain dots; codes do not). */
export function artilleryV2Endpoints(aggregate: JsonObject, duration: number | null): EndpointStats[] {
  const c = prefixed(counters(aggregate), BY_ENDPOINT);
  const acc = new Map<string, { requests: number; failures: number }>();
  for (const [k, v] of Object.entries(c)) {
    const m = /^(.+)\.(codes|errors)\.([^.]+)$/.exec(k);
    if (!m) continue;
    const e = acc.get(m[1]) ?? { requests: 0, failures: 0 };
    e.requests += v;
    if (m[2] === "errors" || Number(m[3]) >= 400) e.failures += v;
    acc.set(m[1], e);
  }
  return [...acc.entries()].map(([name, e]) => {
    const rt = summary(aggregate, `${BY_ENDPOINT}response_time.${name}`);
    return {
      method: null,
      name,
      requests: e.requests,
      failures: e.failures,
      p50Ms: round(toNum(rt.p50) ?? toNum(rt.median)),
      p95Ms: round(toNum(rt.p95)),
      p99Ms: round(toNum(rt.p99)),
      meanMs: round(toNum(rt.mean)),
      maxMs: round(toNum(rt.max)),
      throughputRps: rate(e.requests, duration),
    };
  });
}
