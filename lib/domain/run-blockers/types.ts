import type { DomainRunStep, Zone, ZoneThresholds } from "../types";

export type RunBlockerRule = "capacity-zone" | "endpoint-errors";

/** What the rules read of the run just stored (a launch-evidence run). */
export interface BlockerRun {
  id: string;
  name: string;
  runDate: string;
  users: number | null;
  requests: number;
  failures: number;
  p95Ms: number | null;
  steps: DomainRunStep[];
  endpoints: { method: string | null; name: string; requests: number; failures: number; p95Ms: number | null }[];
}

export interface BlockerSettings {
  expectedProductionUsers: number;
  requiredHeadroom: number;
  thresholds: ZoneThresholds;
}

/** An item a rule opened earlier in the same series and that is still open. */
export interface OpenRunBlocker {
  itemId: string;
  rule: RunBlockerRule;
  /** "" for the capacity rule; "GET /checkout" for an endpoint. */
  endpoint: string;
  /** The load the item is about. */
  users: number;
}

/** One rule firing on the run. */
export interface BlockerFinding {
  rule: RunBlockerRule;
  endpoint: string;
  users: number;
  zone: Zone;
  p95Ms: number | null;
  errorRatePercent: number;
  title: string;
  description: string;
  /** One line for the item's history: what this run measured. */
  summary: string;
}

export type RunBlockerAction =
  | { kind: "open"; finding: BlockerFinding }
  | { kind: "fail-again"; itemId: string; finding: BlockerFinding }
  | { kind: "resolve"; itemId: string; rule: RunBlockerRule; endpoint: string; users: number; evidence: string };
