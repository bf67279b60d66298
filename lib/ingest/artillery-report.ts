import { IngestError } from "./errors";
import { isObject, obj } from "./json-input";
import { PointSeries, toRunSamples, type SamplePoint } from "./point-series";
import { emptyRun, finishRun } from "./run-result";
import { computeSteps } from "./steps";
import type { NormalizedRun } from "./types";
import type { PeriodTotals } from "./artillery-common";
import { artilleryV1Period, readV1Totals, v1LatencyExtras } from "./artillery-v1";
import { artilleryV2Endpoints, artilleryV2Period, readV2Totals } from "./artillery-v2";
import { isoOrNull, rate, round, toNum } from "./values";

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Artillery `--output` JSON reports, v1 (`aggregate.requestsCompleted`, `latency`) and v2
 * (`counters`/`summaries` with dotted keys). Requests = responses + errors; failures =
 * errors (ETIMEDOUT, ECONNRESET, ...) + responses with a code ≥ 400. Artillery is an
 * open-model tool: it has no concurrent-user count, so `users` is the virtual-user arrival
 * rate (new VUs per second) of each intermediate period, and steps group periods within
 * 25% of the same arrival rate. Run `users` is the highest step level, else the highest
 * phase arrivalRate (v1), else the median period arrival rate.
 */
export function parseArtilleryReport(doc: unknown, fileName?: string): NormalizedRun {
  const root = obj(doc);
  const aggregate = obj(root.aggregate);
  if (!isObject(root.aggregate)) throw new IngestError({ file: fileName, line: 1, reason: "Artillery report without an aggregate object" });
  const v2 = isObject(aggregate.counters) && ("summaries" in aggregate || "histograms" in aggregate || "firstCounterAt" in aggregate);
  const run = emptyRun("artillery", v2 ? "artillery-v2-json" : "artillery-v1-json");
  const totals = v2 ? readV2Totals(aggregate) : readV1Totals(aggregate);
  run.requests = totals.requests;
  run.failures = totals.failures;
  run.p50Ms = round(totals.p50Ms);
  run.p95Ms = round(totals.p95Ms);
  run.p99Ms = round(totals.p99Ms);
  run.maxMs = round(totals.maxMs);
  run.meanMs = round(totals.meanMs);
  run.errors = totals.errors
    .map(([kind, count]) => ({ kind, count, endpoint: null, message: null }))
    .sort((a, b) => b.count - a.count);
  const intermediate = Array.isArray(root.intermediate) ? root.intermediate.map(obj) : [];
  if (v2) {
    run.p90Ms = round(toNum(obj(obj(aggregate.summaries ?? aggregate.histograms)["http.response_time"]).p90));
  } else {
    const extra = v1LatencyExtras(intermediate);
    run.meanMs = round(extra.meanMs);
    run.p90Ms = round(extra.p90Ms);
  }

  const periods: PeriodTotals[] = intermediate.map((p) => (v2 ? artilleryV2Period(p) : artilleryV1Period(p)));
  const gaps = periods.slice(1).flatMap((p, i) => (p.tMs !== null && periods[i].tMs !== null ? [p.tMs - (periods[i].tMs ?? 0)] : []));
  const period = median(gaps) ?? 10_000;
  const series = new PointSeries(10_000);
  periods.forEach((p, i) => {
    if (p.tMs === null) return;
    const next = periods[i + 1]?.tMs ?? null;
    const widthMs = next !== null ? next - p.tMs : p.endMs !== null && p.endMs > p.tMs ? p.endMs - p.tMs : period;
    const sec = widthMs / 1000;
    const point: SamplePoint = {
      tMs: p.tMs,
      widthMs,
      users: p.arrivals === null || sec <= 0 ? null : round(p.arrivals / sec, 1),
      requests: p.requests,
      failures: p.failures,
      rps: sec > 0 ? p.requests / sec : null,
      failuresPerSec: sec > 0 ? p.failures / sec : null,
      p50Ms: p.p50Ms,
      p95Ms: p.p95Ms,
      responseMs: p.meanMs,
    };
    series.push(point);
  });
  const points = series.list();
  run.samples = toRunSamples(points);
  run.steps = computeSteps(points, { tolerance: 0.25 });

  const first = points[0];
  const last = points[points.length - 1];
  const startMs = v2 ? ((aggregate.firstCounterAt as number | undefined) ?? first?.tMs ?? null) : (first?.tMs ?? null);
  const endMs = v2 ? ((aggregate.lastCounterAt as number | undefined) ?? null) : last ? last.tMs + last.widthMs : null;
  run.startedAt = isoOrNull(startMs);
  const phases = Array.isArray(aggregate.phases) ? aggregate.phases.map(obj) : [];
  const phaseSeconds = phases.reduce((n, ph) => n + (Number(ph.duration) || 0), 0);
  run.durationSeconds =
    startMs !== null && endMs !== null && endMs > startMs ? round((endMs - startMs) / 1000, 1) : phaseSeconds || null;
  run.throughputRps = rate(run.requests, run.durationSeconds);
  const phaseRate = Math.max(0, ...phases.map((ph) => Number(ph.arrivalRate) || 0));
  const arrivalRates = points.flatMap((p) => (p.users ? [p.users] : []));
  run.users = run.steps.length
    ? Math.max(...run.steps.map((s) => s.users))
    : phaseRate || (median(arrivalRates) === null ? null : Math.round(median(arrivalRates) ?? 0));
  if (v2) run.endpoints = artilleryV2Endpoints(aggregate, run.durationSeconds);
  return finishRun(run);
}

