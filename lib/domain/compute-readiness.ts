import { computeCapacity, type CapacityResult } from "./compute-capacity";
import { computeProjection, type ProjectionResult } from "./compute-projection";
import { computeScore, type ScoreResult } from "./compute-score";
import { computeStability, type StabilityResult } from "./compute-stability";
import { computeVerdict, type VerdictResult } from "./compute-verdict";
import { evaluateObjectives, type ObjectiveResult } from "./evaluate-objectives";
import { computeConfidence, DEFAULT_CONFIDENCE_SETTINGS, type Confidence } from "./evidence/confidence";
import {
  applyEvidenceFreshness, filterFreshRuns, type ExpiringItem, type StaleItem, type StaleRun,
} from "./evidence/freshness";
import { summarizeBlockers, type BlockerSummary } from "./summarize-blockers";
import type {
  DomainCategory, DomainChangeMarker, DomainGateWaiver, DomainItem, DomainItemEvent, DomainObjective,
  DomainProjectSettings, DomainRun, DomainStabilityRun,
} from "./types";

export interface ReadinessInput {
  settings: DomainProjectSettings;
  categories: readonly DomainCategory[];
  items: readonly DomainItem[];
  events: readonly DomainItemEvent[];
  runs: readonly DomainRun[];
  /** The latest stability run, if any. */
  stabilityRun: DomainStabilityRun | null;
  objectives: readonly DomainObjective[];
  gateWaivers: readonly DomainGateWaiver[];
  /** Deploys and config changes; they date the load-test evidence (confidence). */
  changeMarkers?: readonly DomainChangeMarker[];
  /** `YYYY-MM-DD`. */
  asOf: string;
}

/** The readiness API object (DESIGN "API and command line") minus `project` and `asOf`. */
export interface Readiness {
  score: ScoreResult;
  blockers: BlockerSummary;
  verdict: VerdictResult;
  projection: ProjectionResult;
  capacity: CapacityResult;
  stability: StabilityResult | null;
  objectives: ObjectiveResult[];
  /** DONE items whose evidence expired: counted as not done and as open blockers (P1). */
  stale: StaleItem[];
  /** Runs past the Performance category's validity: left out of capacity. */
  staleRuns: StaleRun[];
  /** Current evidence with a validity, soonest expiry first (at most 10). */
  expiring: ExpiringItem[];
  confidence: Confidence;
}

/** Everything the readiness pages and API show, from plain inputs. O(items + runs + events), up to sorting. */
export function computeReadiness(input: ReadinessInput): Readiness {
  const { settings, asOf } = input;
  const freshness = applyEvidenceFreshness(input.items, input.categories, asOf);
  const items = freshness.items;
  const runs = filterFreshRuns(input.runs, input.categories, asOf);
  const score = computeScore(input.categories, items, asOf);
  const capacity = computeCapacity(runs.runs, settings.thresholds);
  const stability = input.stabilityRun ? computeStability(input.stabilityRun) : null;
  const verdict = computeVerdict({
    settings, items, scorePercent: score.overallPercent, capacity, stability,
    objectives: input.objectives, gateWaivers: input.gateWaivers, asOf,
  });
  return {
    score,
    blockers: summarizeBlockers(items, asOf),
    verdict,
    projection: computeProjection({ settings, items, events: input.events, asOf }),
    capacity,
    stability,
    objectives: evaluateObjectives(input.objectives),
    stale: freshness.stale,
    staleRuns: runs.stale,
    expiring: freshness.expiring.slice(0, 10),
    confidence: computeConfidence({
      runs: runs.runs, capacity, changeMarkers: input.changeMarkers ?? [],
      settings: settings.confidence ?? DEFAULT_CONFIDENCE_SETTINGS, asOf,
    }),
  };
}
