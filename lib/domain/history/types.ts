import type {
  DomainCategory, DomainChangeMarker, DomainItem, DomainItemEvent, DomainObjective, DomainProjectSettings, DomainRun,
  DomainStabilityRun, GateId,
} from "../types";

/** A risk acceptance of an item or a gate, with its whole life: created, maybe revoked, expiring. */
export interface TimelineAcceptance {
  id: string;
  itemId: string | null;
  gateId: GateId | null;
  mitigation: string;
  /** Last day (inclusive) on which it holds. */
  expiresOn: string;
  createdAt: string;
  revokedAt: string | null;
  acceptedById: string | null;
}

/** A change of a value kept in the audit log (category weight, objective measurement). */
export interface ValueChange<T> {
  at: string;
  from: T;
  to: T;
  actorId: string | null;
}

export interface TimelineCategory extends DomainCategory {
  /** Weight changes in any order; `weight` is the current one. */
  weightChanges: readonly ValueChange<number>[];
}

export interface TimelineObjective extends DomainObjective {
  /** When it was created; null = from the start. */
  createdAt: string | null;
  /** Changes of `measured` in any order; `measured` is the current value. */
  measuredChanges: readonly ValueChange<string | null>[];
}

export interface TimelineStabilityRun {
  id: string;
  runDate: string;
  createdAt: string;
  /** The run with its samples; null when they were not loaded (not needed for the range). */
  run: DomainStabilityRun | null;
}

/**
 * Everything the project was over time: the input of readiness as of a day, of the history and
 * of the change attribution. Plain data; `lib/server` maps rows to it.
 */
export interface ProjectTimeline {
  settings: DomainProjectSettings;
  /** The day the project was created. */
  createdOn: string;
  categories: readonly TimelineCategory[];
  /** Current items (their `riskAcceptance` is ignored: `acceptances` tell the history). */
  items: readonly DomainItem[];
  /** Deleted items as they were when deleted (reference for the replay and titles). */
  removedItems: readonly DomainItem[];
  events: readonly DomainItemEvent[];
  acceptances: readonly TimelineAcceptance[];
  /** Load-test runs (not stability); a run counts from its runDate on. */
  runs: readonly DomainRun[];
  stabilityRuns: readonly TimelineStabilityRun[];
  objectives: readonly TimelineObjective[];
  /**
   * The instant the current rows were read. When set, a current item that disagrees with its
   * replayed events (a change written without an event) counts as changed at this instant.
   */
  loadedAt?: string;
  /**
   * The evidence-freshness seam: per day (YYYY-MM-DD), the ids of DONE items whose evidence is
   * expired at the end of that day; they count as not done (open). Default: none.
   */
  staleItemIdsByDay?: Readonly<Record<string, readonly string[]>>;
  /** The instants each item's evidence was dated (marked DONE, evidence given or re-confirmed). */
  evidenceDatings?: readonly { itemId: string; at: string }[];
  /** Deploys and config changes (they date the load-test evidence). */
  changeMarkers?: readonly DomainChangeMarker[];
}
