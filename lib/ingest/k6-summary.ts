import { isObject, obj, type JsonObject } from "./json-input";
import { emptyRun, finishRun } from "./run-result";
import type { EndpointStats, NormalizedRun } from "./types";
import { round, toNum } from "./values";

/** A metric's values: handleSummary nests them under `values`, --summary-export is flat. */
function valuesOf(m: unknown): JsonObject {
  const o = obj(m);
  return isObject(o.values) ? o.values : o;
}

function failedThresholds(metric: string, m: unknown, legacy: boolean): string[] {
  const th = obj(obj(m).thresholds);
  return Object.entries(th).flatMap(([expr, v]) => {
    // --summary-export writes `true` for a FAILED threshold (k6 issue #1498); handleSummary {ok}.
    const failed = legacy ? v === true : isObject(v) && v.ok === false;
    return failed ? [`k6 threshold failed: ${metric} ${expr}`] : [];
  });
}

function checksOf(group: unknown, out: { name: string; fails: number }[]): void {
  const g = obj(group);
  const checks = Array.isArray(g.checks) ? g.checks : Object.values(obj(g.checks));
  for (const c of checks) {
    const fails = toNum(obj(c).fails) ?? 0;
    if (fails > 0) out.push({ name: String(obj(c).path ?? obj(c).name ?? "check"), fails });
  }
  const groups = Array.isArray(g.groups) ? g.groups : Object.values(obj(g.groups));
  for (const sub of groups) checksOf(sub, out);
}

/** `http_req_duration{method:GET,name:/x}` → { method: "GET", name: "/x" }. */
function parseSubmetric(key: string): { base: string; tags: Record<string, string> } | null {
  const m = /^([\w.]+)\{(.+)\}$/.exec(key);
  if (!m) return null;
  const tags: Record<string, string> = {};
  for (const part of m[2].split(",")) {
    const i = part.indexOf(":");
    if (i > 0) tags[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return { base: m[1], tags };
}

function endpointsOf(metrics: JsonObject, duration: number | null): EndpointStats[] {
  const out: EndpointStats[] = [];
  for (const [key, m] of Object.entries(metrics)) {
    const sub = parseSubmetric(key);
    if (!sub || sub.base !== "http_req_duration") continue;
    const name = sub.tags.name ?? sub.tags.url;
    if (!name) continue;
    const suffix = key.slice("http_req_duration".length);
    const v = valuesOf(m);
    const requests = toNum(valuesOf(metrics[`http_reqs${suffix}`]).count) ?? toNum(v.count);
    if (requests === null) continue;
    out.push({
      method: sub.tags.method ?? null,
      name,
      requests,
      failures: toNum(valuesOf(metrics[`http_req_failed${suffix}`]).passes) ?? 0,
      p50Ms: round(toNum(v.med) ?? toNum(v["p(50)"])),
      p95Ms: round(toNum(v["p(95)"])),
      p99Ms: round(toNum(v["p(99)"])),
      meanMs: round(toNum(v.avg)),
      maxMs: round(toNum(v.max)),
      throughputRps: duration ? round(requests / duration, 3) : null,
    });
  }
  return out;
}

/**
 * k6 end-of-test summaries: `--summary-export` (flat metrics, groups/checks keyed by name,
 * inverted threshold booleans) and `handleSummary(data)` JSON (`values`, arrays, `state`).
 * Percentiles come from the trend stats present; custom `--summary-trend-stats` may omit
 * p(90)/p(95), which then stay null with a warning.
 */
export function parseK6Summary(doc: unknown): NormalizedRun {
  const root = obj(doc);
  const metrics = obj(root.metrics);
  const legacy = !Object.values(metrics).some((m) => isObject(obj(m).values));
  const run = emptyRun("k6", legacy ? "k6-summary-export-json" : "k6-handle-summary-json");
  const reqs = valuesOf(metrics.http_reqs);
  const failed = valuesOf(metrics.http_req_failed);
  const dur = valuesOf(metrics.http_req_duration);
  run.requests = toNum(reqs.count) ?? 0;
  if (metrics.http_reqs === undefined) run.warnings.push("no http_reqs metric: not an HTTP test, request count is 0");
  if (metrics.http_req_failed !== undefined) run.failures = toNum(failed.passes) ?? 0;
  else run.warnings.push("no http_req_failed metric (k6 before v0.31): failures unknown, counted as 0");
  run.p50Ms = round(toNum(dur.med) ?? toNum(dur["p(50)"]));
  run.p90Ms = round(toNum(dur["p(90)"]));
  run.p95Ms = round(toNum(dur["p(95)"]));
  run.p99Ms = round(toNum(dur["p(99)"]));
  run.maxMs = round(toNum(dur.max));
  run.meanMs = round(toNum(dur.avg));
  if (run.p95Ms === null && metrics.http_req_duration !== undefined) {
    run.warnings.push("http_req_duration has no p(95) (custom --summary-trend-stats)");
  }
  const vus = valuesOf(metrics.vus);
  const vusMax = valuesOf(metrics.vus_max);
  run.users = toNum(vus.max) ?? toNum(vusMax.max) ?? toNum(vusMax.value);
  const stateMs = toNum(obj(root.state).testRunDurationMs);
  const reqRate = toNum(reqs.rate);
  const iter = valuesOf(metrics.iterations);
  const iterRate = toNum(iter.rate);
  run.durationSeconds =
    stateMs !== null
      ? round(stateMs / 1000, 3)
      : reqRate && run.requests
        ? round(run.requests / reqRate, 3)
        : iterRate && toNum(iter.count)
          ? round((toNum(iter.count) ?? 0) / iterRate, 3)
          : null;
  run.throughputRps = round(reqRate, 3);
  run.endpoints = endpointsOf(metrics, run.durationSeconds);
  const checks: { name: string; fails: number }[] = [];
  checksOf(root.root_group, checks);
  run.errors = checks.map((c) => ({ kind: "check failed", count: c.fails, endpoint: null, message: c.name }));
  for (const [name, m] of Object.entries(metrics)) run.warnings.push(...failedThresholds(name, m, legacy));
  // handleSummary may write the script's name beside the data: `JSON.stringify({ testName: "checkout", ...data })`.
  const testName = typeof root.testName === "string" ? root.testName.trim() : "";
  if (testName) run.testName = testName.slice(0, 200);
  return finishRun(run);
}
