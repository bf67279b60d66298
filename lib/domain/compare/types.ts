/** Shapes of the run comparison (DESIGN item 6; the API's `/runs/{id}/compare`). */

/** How far a measure may move before it counts; per project (settings). */
export interface CompareTolerances {
  /** P95 may grow by this many percent. */
  p95Percent: number;
  /** The error rate may grow by this many percentage points. */
  errorRatePoints: number;
  /** Throughput may drop by this many percent. */
  throughputPercent: number;
}

export const DEFAULT_TOLERANCES: CompareTolerances = { p95Percent: 10, errorRatePoints: 0.5, throughputPercent: 10 };

/** What one side of a compared row measured. */
export interface CompareMeasures {
  requests: number;
  failures: number;
  p95Ms: number | null;
  throughputRps: number | null;
  /** Length of the measurement, for the throughput test; derived from requests / rate when null. */
  durationSeconds: number | null;
}

export interface CompareEndpointInput extends CompareMeasures {
  method: string | null;
  name: string;
}

export interface CompareStepInput extends CompareMeasures {
  users: number;
}

export interface CompareRunInput extends CompareMeasures {
  users: number | null;
  endpoints: CompareEndpointInput[];
  steps: CompareStepInput[];
}

/** One measure's outcome: flagged, or why not. */
export type MeasureVerdict = "regressed" | "improved" | "unchanged" | "within-noise" | "too-few-requests" | "not-measured";

export type RowStatus = "regressed" | "improved" | "unchanged";
export type EndpointStatus = RowStatus | "new" | "gone";

export interface ComparedMeasures {
  requests: number;
  baselineRequests: number;
  p95Ms: number | null;
  baselineP95Ms: number | null;
  /** (run − baseline) / baseline × 100, one decimal; null when either is unknown or the baseline 0. */
  p95ChangePercent: number | null;
  errorRatePercent: number | null;
  baselineErrorRatePercent: number | null;
  /** Run − baseline, percentage points, two decimals. */
  errorRateChangePoints: number | null;
  throughputRps: number | null;
  baselineThroughputRps: number | null;
  throughputChangePercent: number | null;
  /** Each measure's verdict (tolerance and sample-size test). */
  changes: { p95: MeasureVerdict; errorRate: MeasureVerdict; throughput: MeasureVerdict };
  status: RowStatus;
}

export interface EndpointComparison extends Omit<ComparedMeasures, "status"> {
  /** The match key: method and normalized name. */
  key: string;
  method: string | null;
  /** The run's name for it (the baseline's for a gone endpoint). */
  name: string;
  /** The baseline's name when it differs (e.g. `/tasks/42` against `/tasks/{id}`). */
  baselineName: string | null;
  status: EndpointStatus;
}

export interface StepComparison extends ComparedMeasures {
  users: number;
}

export interface RunComparisonResult {
  endpoints: EndpointComparison[];
  summary: ComparedMeasures;
  steps: StepComparison[];
  counts: Record<EndpointStatus, number>;
  /** True when the summary, a step or an endpoint regressed beyond tolerance and noise. */
  regressed: boolean;
  /** Both runs at the same (peak) user count. */
  sameLoad: boolean;
  tolerances: CompareTolerances;
}
