/**
 * Input types of the pure readiness domain. Plain data only: calendar dates are
 * `YYYY-MM-DD` strings, instants are ISO-8601 strings. `lib/server` maps database
 * rows to these shapes; nothing here knows about Prisma, Next or React.
 */

export type Weekday = "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun";

/** Zone names, ordered from best to worst. */
export type Zone = "green" | "yellow" | "red" | "death";

export interface ZoneThreshold {
  /** A run is in this zone only if its P95 is strictly below this bound. */
  p95Ms: number;
  /** A run is in this zone only if its error rate is strictly below this bound. */
  errorRatePercent: number;
}

export interface ZoneThresholds {
  green: ZoneThreshold;
  yellow: ZoneThreshold;
  red: ZoneThreshold;
}

export interface DomainProjectSettings {
  expectedProductionUsers: number;
  /** Required headroom factor over expected users (default 2). */
  requiredHeadroom: number;
  teamHoursPerDay: number;
  workingDays: Weekday[];
  targetLaunchDate: string | null;
  thresholds: ZoneThresholds;
  /** Score needed for GO (default 90). */
  goThresholdPercent: number;
  /** Score needed for CONDITIONAL GO (default 80). */
  conditionalThresholdPercent: number;
  /** Measurement-confidence thresholds (lib/domain/evidence/confidence.ts); defaults when absent. */
  confidence?: DomainConfidenceSettings;
}

export interface DomainConfidenceSettings {
  /** A decisive level measured for less than this is "short" (default 300 s). */
  minRunSeconds: number;
  /** A decisive level with fewer requests than this has "few samples" (default 1,000). */
  minRequests: number;
}

export interface DomainCategory {
  id: string;
  name: string;
  weight: number;
  position: number;
  /** Days a DONE item's evidence stays current in this category; null/absent = forever. */
  evidenceValidDays?: number | null;
}

export type Priority = "P1" | "P2" | "P3";
export type ItemStatus = "OPEN" | "IN_PROGRESS" | "DONE" | "NOT_APPLICABLE";

export interface DomainRiskAcceptance {
  mitigation: string;
  /** Last day (inclusive) on which the acceptance holds. */
  expiresOn: string;
}

export interface DomainItem {
  id: string;
  categoryId: string;
  title: string;
  priority: Priority;
  status: ItemStatus;
  /** Most likely effort in hours. */
  estimateHours: number | null;
  estimateLowHours: number | null;
  estimateHighHours: number | null;
  deferrable: boolean;
  createdAt: string;
  riskAcceptance: DomainRiskAcceptance | null;
  /** When the evidence was last given or confirmed (ISO instant); null/absent = unknown. */
  evidenceAt?: string | null;
  /** The item's own validity, overriding its category's; null/absent = the category's. */
  evidenceValidDays?: number | null;
  /**
   * Set by `applyEvidenceFreshness` on a DONE item whose evidence expired: the day it expired.
   * Such an item is handed to the score and the gates as OPEN.
   */
  evidenceExpiredOn?: string | null;
}

/** State of an item carried by its "created" event. */
export interface DomainItemSnapshot {
  priority: Priority;
  status: ItemStatus;
  estimateHours: number | null;
}

export type ItemEventField =
  | "created"
  | "status"
  | "priority"
  | "estimateHours"
  | "deleted"
  | (string & {});

export interface DomainItemEvent {
  itemId: string;
  at: string;
  field: ItemEventField;
  /** Previous value as text (a number for estimateHours), null when none. */
  from: string | null;
  /** New value as text, null when none. */
  to: string | null;
  /** Initial state, on "created" events. */
  snapshot?: DomainItemSnapshot;
  /** Who made the change (user id), when known. */
  actorId?: string | null;
}

export type RunKind =
  | "SMOKE"
  | "LOAD"
  | "PEAK"
  | "STRESS"
  | "SPIKE"
  | "SOAK"
  | "ENDURANCE"
  | "STABILITY";

export interface DomainRunStep {
  users: number;
  durationSeconds: number | null;
  requests: number;
  failures: number;
  errorRatePercent: number;
  p95Ms: number | null;
  p50Ms: number | null;
  throughputRps: number | null;
}

export interface DomainRun {
  id: string;
  name: string;
  kind: RunKind;
  users: number | null;
  durationSeconds: number;
  requests: number;
  failures: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  throughputRps: number | null;
  runDate: string;
  createdAt: string;
  /** When the run started (ISO instant), when the tool said; absent = unknown (the run day's start is used). */
  startedAt?: string | null;
  /** Per-level steps of a step-load run; empty for a single-level run. */
  steps: DomainRunStep[];
}

export interface DomainStabilitySample {
  t: string;
  responseMs: number | null;
  requests: number;
  failures: number;
  /** API memory use, percent; the series checked for a leak. */
  memPercent?: number | null;
}

export interface DomainStabilityRun {
  baseline: { meanMs: number; p99Ms?: number | null; successRatePercent?: number | null };
  samples: DomainStabilitySample[];
}

export interface DomainObjective {
  name: string;
  /** e.g. "< 4 h", ">= 99.9 %". */
  target: string;
  /** e.g. "24 h"; null when not measured. */
  measured: string | null;
}

export type GateId = "open-p1" | "capacity" | "anomaly" | "stability" | "objectives";

export interface DomainGateWaiver {
  gateId: GateId;
  mitigation: string;
  expiresOn: string;
}

/** A deploy or config change: evidence measured before it describes a system that changed since. */
export interface DomainChangeMarker {
  /** ISO instant. */
  at: string;
  label: string;
  kind: "deploy" | "config";
  version: string | null;
}
