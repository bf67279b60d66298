import type { FormatId, NormalizedRun, ToolId } from "./types";
import { errorRate } from "./values";

export function emptyRun(tool: ToolId, format: FormatId): NormalizedRun {
  return {
    tool,
    format,
    name: null,
    users: null,
    durationSeconds: null,
    startedAt: null,
    requests: 0,
    failures: 0,
    errorRatePercent: 0,
    p50Ms: null,
    p90Ms: null,
    p95Ms: null,
    p99Ms: null,
    maxMs: null,
    meanMs: null,
    throughputRps: null,
    endpoints: [],
    errors: [],
    samples: [],
    steps: [],
    warnings: [],
  };
}

/** Recomputes derived fields so every parser reports them the same way. */
export function finishRun(run: NormalizedRun): NormalizedRun {
  run.errorRatePercent = errorRate(run.requests, run.failures);
  return run;
}
