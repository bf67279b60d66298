export * from "./types";
export { roundTo, formatHours, formatNumber, formatPercent, formatRatio } from "./format-number";
export { addDays, addWorkingDays, countWorkingDays, dayOfInstant, diffDays } from "./calendar";
export {
  summarizeBlockers, isBlocking, isOpenP1, isOpenStatus, hasCurrentAcceptance, getEstimateRange,
  type BlockerSummary,
} from "./summarize-blockers";
export { computeScore, type CategoryScore, type ScoreResult } from "./compute-score";
export { classifyZone, collectCapacityLevels, ZONES, type MeasuredLevel } from "./collect-capacity-levels";
export { computeZoneBands, type ZoneBand } from "./compute-zone-bands";
export { detectCapacityAnomalies, formatAnomalyMessage, type CapacityAnomaly } from "./detect-capacity-anomalies";
export { computeCapacity, type CapacityLevel, type CapacityResult } from "./compute-capacity";
export { computeMean, computePercentile, computeStdDev, computeLinearTrend } from "./compute-statistics";
export {
  computeStability, type StabilityAnomaly, type StabilityAnomalyKind, type StabilityHealth,
  type StabilityResult, type StabilityVerdict, type Severity,
} from "./compute-stability";
export { evaluateObjective, evaluateObjectives, parseQuantity, type ObjectiveResult, type Quantity } from "./evaluate-objectives";
export { type GateCheck } from "./compute-gates";
export { computeVerdict, type Gate, type VerdictInput, type VerdictResult, type VerdictValue } from "./compute-verdict";
export { createRandom, sampleTriangular } from "./random";
export {
  simulateLaunchDates, MONTE_CARLO_SEED, MONTE_CARLO_TRIALS, type EstimateRange, type ProbabilisticDates,
} from "./simulate-launch-dates";
export { replayItemEvents, type OpenP1Change, type OpenP1ChangeKind } from "./replay-item-events";
export {
  computeProjection, computeDeterministicDate, VELOCITY_WINDOW_DAYS, type ConditionalProjection,
  type DeterministicDate, type ProjectionInput, type ProjectionResult, type VelocityProjection,
} from "./compute-projection";
export {
  computeBurndown, type BurndownDay, type BurndownInput, type BurndownPoint, type BurndownResult,
} from "./compute-burndown";
export { computeReadiness, type Readiness, type ReadinessInput } from "./compute-readiness";
export {
  mapStabilityScenario, mapWeek9Scenario, toCategoryId, type ScenarioItem, type ScenarioRun,
  type StabilityDomainInput, type StabilityScenarioJson, type Week9DomainInput, type Week9ScenarioJson,
} from "./scenario-mapping";
export {
  applyEvidenceFreshness, computeExpiryDay, filterFreshRuns, findRunValidityDays, isExpired, itemEvidenceExpiry,
  type ExpiringItem, type ItemFreshness, type StaleItem, type StaleRun,
} from "./evidence/freshness";
export {
  computeConfidence, findLastChange, DEFAULT_CONFIDENCE_SETTINGS, type Confidence, type ConfidenceInput,
  type ConfidenceLevel, type ConfidenceReason, type ConfidenceReasonCode,
} from "./evidence/confidence";
