/** One normalized shape for every supported load-test tool output. */

export type ToolId = "locust" | "k6" | "jmeter" | "gatling" | "artillery";

export type FormatId =
  | "locust-stats-csv"
  | "locust-requests-csv"
  | "locust-distribution-csv"
  | "locust-stats-history-csv"
  | "locust-failures-csv"
  | "locust-exceptions-csv"
  | "k6-summary-export-json"
  | "k6-handle-summary-json"
  | "k6-ndjson"
  | "jmeter-csv"
  | "jmeter-xml"
  | "gatling-simulation-log"
  | "gatling-stats-json"
  | "artillery-v1-json"
  | "artillery-v2-json";

export interface EndpointStats {
  method: string | null;
  name: string;
  requests: number;
  failures: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  maxMs: number | null;
  throughputRps: number | null;
}

export interface ErrorKindCount {
  kind: string;
  count: number;
  endpoint?: string | null;
  message?: string | null;
}

/**
 * One point of the time series. `requests` and `failures` count what happened in the
 * sample's own interval (not cumulative); `responseMs` is the mean response time in it.
 */
export interface RunSample {
  t: string;
  users: number | null;
  requests: number | null;
  failures: number | null;
  rps: number | null;
  failuresPerSec: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  responseMs: number | null;
}

export interface RunStep {
  users: number;
  durationSeconds: number | null;
  requests: number;
  failures: number;
  errorRatePercent: number;
  p50Ms: number | null;
  p95Ms: number | null;
  throughputRps: number | null;
}

export interface NormalizedRun {
  tool: ToolId;
  format: FormatId | string;
  name: string | null;
  /**
   * The tool's own name for the test, where the file carries one: the Gatling simulation class
   * (simulation.log RUN record) or a `testName` a k6 handleSummary wrote beside the data. JMeter
   * JTL and Locust CSV carry none. Imports without a series go to a series of this name.
   */
  testName?: string | null;
  users: number | null;
  durationSeconds: number | null;
  startedAt: string | null;
  requests: number;
  failures: number;
  errorRatePercent: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  meanMs: number | null;
  throughputRps: number | null;
  endpoints: EndpointStats[];
  /**
   * JMeter Transaction Controller rows: business transactions that group requests. They are
   * not counted in `requests`/`failures` and not in `endpoints`. Other tools leave it out.
   */
  transactions?: EndpointStats[];
  errors: ErrorKindCount[];
  samples: RunSample[];
  steps: RunStep[];
  warnings: string[];
}

export interface ParseOptions {
  /** Original file name; a hint for format detection and used in error messages. */
  fileName?: string;
  /** Skip detection (the API's `?format=`). */
  format?: FormatId;
  /** Refuse input larger than this many bytes, checked while streaming. Default 1 GiB. */
  maxBytes?: number;
  /** Longest accepted line/CSV record in bytes. Default 1 MiB. */
  maxLineBytes?: number;
  /** Whole-document JSON formats are buffered up to this many bytes. Default 50 MB. */
  maxJsonBytes?: number;
  /** Upper bound on the number of time-series samples kept (buckets widen beyond). Default 3600. */
  maxSamples?: number;
  /** Distinct endpoints kept before the rest are folded into "(other)". Default 500. */
  maxEndpoints?: number;
}

export interface RunFile {
  name: string;
  stream: AsyncIterable<Uint8Array>;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
export const DEFAULT_MAX_JSON_BYTES = 50 * 1000 * 1000;
export const DEFAULT_MAX_SAMPLES = 3600;
export const DEFAULT_MAX_ENDPOINTS = 500;
