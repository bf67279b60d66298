import "server-only";
import { compareRuns } from "@/lib/domain/compare/compare-runs";
import type { RunComparisonResult } from "@/lib/domain/compare/types";
import { InvalidInputError } from "../errors";
import { getCompareTolerances } from "./compare-tolerances";
import { getDefaultBaselineId } from "./baselines";
import { loadCompareRun, toCompareInput, toRunRef, type ComparedRunRef } from "./load-compare-runs";

/** The API's comparison (`GET /runs/{id}/compare`): who was compared, how the baseline was chosen, the rows. */
export interface RunComparison extends RunComparisonResult {
  run: ComparedRunRef;
  baseline: ComparedRunRef;
  /** "requested" (`?baseline=`) or "default" (the series' baseline, else the previous run at the same load). */
  baselineSource: "requested" | "default";
  /** The run's default baseline, whichever was compared; null when it has none. */
  defaultBaselineId: string | null;
}

/**
 * A run of the project against a baseline run of the same project (404 for a run of another
 * project or an unknown baseline; 422 for a run against itself or no baseline to be found).
 */
export async function getRunComparison(projectId: string, runId: string, baselineId?: string | null): Promise<RunComparison> {
  if (baselineId && baselineId === runId) throw new InvalidInputError("A run cannot be compared with itself: choose another run as the baseline");
  const run = await loadCompareRun(projectId, runId);
  const defaultBaselineId = await getDefaultBaselineId(projectId, run);
  const chosen = baselineId || defaultBaselineId;
  if (!chosen) {
    throw new InvalidInputError("This run has no baseline: no run is marked as the baseline and no earlier run was at the same load. Pick one with ?baseline=<run id>.");
  }
  const [baseline, tolerances] = await Promise.all([loadCompareRun(projectId, chosen, "baseline run"), getCompareTolerances(projectId)]);
  return {
    run: toRunRef(run),
    baseline: toRunRef(baseline),
    baselineSource: baselineId ? "requested" : "default",
    defaultBaselineId,
    ...compareRuns(toCompareInput(run), toCompareInput(baseline), tolerances),
  };
}
