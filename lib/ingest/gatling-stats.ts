import { IngestError } from "./errors";
import { obj, type JsonObject } from "./json-input";
import { emptyRun, finishRun } from "./run-result";
import type { EndpointStats, NormalizedRun } from "./types";
import { rate, round, toNum } from "./values";

/** `{total, ok, ko}` → total; Gatling 3 may write "-" for an empty side. */
function total(stats: JsonObject, key: string): number | null {
  return toNum(obj(stats[key]).total);
}

function collectRequests(node: JsonObject, out: { path: string; stats: JsonObject }[]): void {
  for (const child of Object.values(obj(node.contents))) {
    const c = obj(child);
    if (c.type === "REQUEST") out.push({ path: String(c.path ?? c.name ?? ""), stats: obj(c.stats) });
    else if (c.type === "GROUP") collectRequests(c, out);
  }
}

/**
 * Gatling HTML report data `js/stats.json`: a GROUP tree with `{total, ok, ko}` stats.
 * percentiles1..4 are read as p50, p75, p95 and p99, Gatling's defaults
 * (gatling.charting.indicators.percentile1..4); a run configured otherwise reads wrong.
 * Requests nested in groups are listed with their group path as the name.
 */
export function parseGatlingStats(doc: unknown, fileName?: string): NormalizedRun {
  const root = obj(doc);
  const stats = obj(root.stats);
  const requests = total(stats, "numberOfRequests");
  if (requests === null) {
    throw new IngestError({ file: fileName, line: 1, reason: "stats.json without stats.numberOfRequests.total" });
  }
  const run = emptyRun("gatling", "gatling-stats-json");
  run.requests = requests;
  run.failures = toNum(obj(stats.numberOfRequests).ko) ?? 0;
  run.p50Ms = round(total(stats, "percentiles1"));
  run.p95Ms = round(total(stats, "percentiles3"));
  run.p99Ms = round(total(stats, "percentiles4"));
  run.maxMs = round(total(stats, "maxResponseTime"));
  run.meanMs = round(total(stats, "meanResponseTime"));
  const rps = total(stats, "meanNumberOfRequestsPerSecond");
  run.throughputRps = round(rps, 3);
  run.durationSeconds = rps ? round(requests / rps, 1) : null;
  const reqs: { path: string; stats: JsonObject }[] = [];
  collectRequests(root, reqs);
  run.endpoints = reqs.map(
    (r): EndpointStats => ({
      method: null,
      name: r.path,
      requests: total(r.stats, "numberOfRequests") ?? 0,
      failures: toNum(obj(r.stats.numberOfRequests).ko) ?? 0,
      p50Ms: round(total(r.stats, "percentiles1")),
      p95Ms: round(total(r.stats, "percentiles3")),
      p99Ms: round(total(r.stats, "percentiles4")),
      meanMs: round(total(r.stats, "meanResponseTime")),
      maxMs: round(total(r.stats, "maxResponseTime")),
      throughputRps: round(total(r.stats, "meanNumberOfRequestsPerSecond"), 3) ?? rate(total(r.stats, "numberOfRequests") ?? 0, run.durationSeconds),
    }),
  );
  run.errors = run.failures ? [{ kind: "KO", count: run.failures, endpoint: null, message: null }] : [];
  return finishRun(run);
}
