import { ErrorCounter } from "./error-counter";
import { LatencyRecorder } from "./latency-recorder";
import { emptyRun, finishRun } from "./run-result";
import { computeSteps, type StepOptions } from "./steps";
import { TimeSeriesBuilder } from "./time-series";
import type { EndpointStats, FormatId, NormalizedRun, ToolId } from "./types";
import { isoOrNull, rate, round } from "./values";

/** Earliest timestamp taken as real (2000-01-01); older ones are treated as missing. */
const MIN_REAL_MS = 946_684_800_000;

export interface RequestEvent {
  /** Start of the request (epoch ms). */
  tMs: number | null;
  /** End of the request (epoch ms), when known; else start + latency. */
  endMs?: number | null;
  latencyMs: number | null;
  failed: boolean;
  method: string | null;
  name: string;
  errorKind?: string | null;
  errorMessage?: string | null;
}

interface EndpointAcc {
  method: string | null;
  name: string;
  requests: number;
  failures: number;
  latency: LatencyRecorder;
}

export interface AccumulatorOptions {
  maxSamples: number;
  maxEndpoints: number;
}

/** Streaming aggregation of request-level tools (JMeter, k6 NDJSON, Gatling simulation.log). */
export class RequestAccumulator {
  requests = 0;
  failures = 0;
  firstMs = Infinity;
  lastMs = -Infinity;
  maxUsers: number | null = null;
  readonly errors = new ErrorCounter();
  readonly series: TimeSeriesBuilder;
  private readonly overall = new LatencyRecorder();
  private readonly endpoints = new Map<string, EndpointAcc>();
  private readonly byMethod = new Map<string, Map<string, EndpointAcc>>();
  private folded = 0;

  constructor(private readonly opts: AccumulatorOptions) {
    this.series = new TimeSeriesBuilder(opts.maxSamples);
  }

  private endpoint(method: string | null, name: string): EndpointAcc {
    // A per-method map by name finds an endpoint seen before without building its key.
    let byName = this.byMethod.get(method ?? "");
    const hit = byName?.get(name);
    if (hit) return hit;
    const key = `${method ?? ""} ${name}`;
    let e = this.endpoints.get(key);
    if (!e) {
      if (this.endpoints.size >= this.opts.maxEndpoints) {
        this.folded++;
        return this.endpoint(null, "(other)");
      }
      e = { method, name, requests: 0, failures: 0, latency: new LatencyRecorder() };
      this.endpoints.set(key, e);
    }
    if (!byName) {
      byName = new Map();
      this.byMethod.set(method ?? "", byName);
    }
    byName.set(name, e);
    return e;
  }

  add(ev: RequestEvent): void {
    this.requests++;
    if (ev.failed) this.failures++;
    const e = this.endpoint(ev.method, ev.name);
    e.requests++;
    if (ev.failed) e.failures++;
    if (ev.latencyMs !== null) {
      this.overall.record(ev.latencyMs);
      e.latency.record(ev.latencyMs);
    }
    if (ev.tMs !== null && ev.tMs >= MIN_REAL_MS) {
      const end = ev.endMs ?? ev.tMs + (ev.latencyMs ?? 0);
      if (ev.tMs < this.firstMs) this.firstMs = ev.tMs;
      if (end > this.lastMs) this.lastMs = end;
      this.series.addRequest(ev.tMs, ev.latencyMs, ev.failed);
    }
    if (ev.failed) {
      this.errors.add(ev.errorKind ?? "failed", 1, ev.name, ev.errorMessage ?? null);
    }
  }

  users(tMs: number | null, users: number): void {
    if (this.maxUsers === null || users > this.maxUsers) this.maxUsers = users;
    if (tMs !== null && tMs >= MIN_REAL_MS) this.series.setUsers(tMs, users);
  }

  /** Observed time (epoch ms) that is not a request, e.g. a k6 gauge point or a Gatling RUN line. */
  seen(tMs: number): void {
    if (tMs < MIN_REAL_MS) return;
    if (tMs < this.firstMs) this.firstMs = tMs;
    if (tMs > this.lastMs) this.lastMs = tMs;
  }

  get durationSeconds(): number | null {
    return Number.isFinite(this.firstMs) && this.lastMs > this.firstMs ? (this.lastMs - this.firstMs) / 1000 : null;
  }

  endpointStats(duration: number | null): EndpointStats[] {
    return [...this.endpoints.values()].map((e) => ({
      method: e.method,
      name: e.name,
      requests: e.requests,
      failures: e.failures,
      p50Ms: round(e.latency.percentile(50)),
      p95Ms: round(e.latency.percentile(95)),
      p99Ms: round(e.latency.percentile(99)),
      meanMs: round(e.latency.mean()),
      maxMs: round(e.latency.maxValue()),
      throughputRps: rate(e.requests, duration),
    }));
  }

  buildRun(tool: ToolId, format: FormatId, stepOptions?: StepOptions): NormalizedRun {
    const run = emptyRun(tool, format);
    const duration = this.durationSeconds;
    run.durationSeconds = round(duration, 3);
    run.startedAt = Number.isFinite(this.firstMs) ? isoOrNull(this.firstMs) : null;
    run.users = this.maxUsers;
    run.requests = this.requests;
    run.failures = this.failures;
    run.p50Ms = round(this.overall.percentile(50));
    run.p90Ms = round(this.overall.percentile(90));
    run.p95Ms = round(this.overall.percentile(95));
    run.p99Ms = round(this.overall.percentile(99));
    run.maxMs = round(this.overall.maxValue());
    run.meanMs = round(this.overall.mean());
    run.throughputRps = rate(this.requests, duration);
    run.endpoints = this.endpointStats(duration).sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name));
    run.errors = this.errors.list();
    const points = this.series.points();
    run.samples = this.series.samples(points);
    run.steps = computeSteps(points, stepOptions);
    if (this.folded) {
      run.warnings.push(`more than ${this.opts.maxEndpoints} distinct endpoints: ${this.folded} requests folded into "(other)"`);
    }
    return finishRun(run);
  }
}
