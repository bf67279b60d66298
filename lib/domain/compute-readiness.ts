import { computeCapacity, type CapacityResult } from "./compute-capacity";
import { computeProjection, type ProjectionResult } from "./compute-projection";
import { computeScore, type ScoreResult } from "./compute-score";
import { computeStability, type StabilityResult } from "./compute-stability";
import { computeVerdict, type VerdictResult } from "./compute-verdict";
import { evaluateObjectives, type ObjectiveResult } from "./evaluate-objectives";
import { summarizeBlockers, type BlockerSummary } from "./summarize-blockers";
import type {
  DomainCategory, DomainGateWaiver, DomainItem, DomainItemEvent, DomainObjective,
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
}

/** Everything the readiness pages and API show, from plain inputs. O(items + runs + events), up to sorting. */
export function computeReadiness(input: ReadinessInput): Readiness {
  const { settings, asOf } = input;
  const score = computeScore(input.categories, input.items, asOf);
  const capacity = computeCapacity(input.runs, settings.thresholds);
  const stability = input.stabilityRun ? computeStability(input.stabilityRun) : null;
  const verdict = computeVerdict({
    settings, items: input.items, scorePercent: score.overallPercent, capacity, stability,
    objectives: input.objectives, gateWaivers: input.gateWaivers, asOf,
  });
  return {
    score,
    blockers: summarizeBlockers(input.items, asOf),
    verdict,
    projection: computeProjection({ settings, items: input.items, events: input.events, asOf }),
    capacity,
    stability,
    objectives: evaluateObjectives(input.objectives),
  };
}
