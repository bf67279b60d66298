import "server-only";
import { cache } from "react";
import { pickDefaultBaseline } from "@/lib/domain/compare/default-baseline";
import { buildOverlaySeries, type OverlaySeries } from "@/lib/domain/compare/overlay-series";
import { getDb } from "../db";
import { AppError, NotFoundError } from "../errors";
import { CANDIDATE_SELECT, toCandidate } from "./baselines";
import { getRunComparison, type RunComparison } from "./get-run-comparison";

export interface CompareChoice {
  id: string;
  name: string;
  runDate: string;
  users: number | null;
  isBaseline: boolean;
}

export interface CompareChoices {
  /** Every other run of the project, newest first. */
  choices: CompareChoice[];
  defaultBaselineId: string | null;
  isBaseline: boolean;
}

/** What the "Compare with" control offers for a run: the other runs and the default baseline. */
export const getCompareChoices = cache(async (projectId: string, runId: string): Promise<CompareChoices> => {
  const rows = await getDb().testRun.findMany({
    where: { projectId },
    select: { ...CANDIDATE_SELECT, name: true, runDate: true },
    orderBy: [{ runDate: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  });
  const me = rows.find((r) => r.id === runId);
  if (!me) throw new NotFoundError("No such run in this project");
  const mine = toCandidate(me);
  const defaultBaselineId = pickDefaultBaseline(mine, rows.map(toCandidate).filter((c) => c.seriesKey === mine.seriesKey));
  return {
    defaultBaselineId,
    isBaseline: me.isBaseline,
    choices: rows.filter((r) => r.id !== runId).map((r) => ({ id: r.id, name: r.name, runDate: r.runDate.toISOString().slice(0, 10), users: r.users, isBaseline: r.isBaseline })),
  };
});

async function loadSamples(projectId: string, runId: string) {
  const rows = await getDb().runSample.findMany({
    where: { runId, run: { projectId } },
    select: { t: true, rps: true, p95Ms: true, responseMs: true },
    orderBy: { t: "asc" },
  });
  return rows.map((r) => ({ ...r, t: r.t.toISOString() }));
}

export type ComparePage =
  | { ok: true; comparison: RunComparison; overlay: OverlaySeries }
  | { ok: false; message: string; status: number };

/**
 * The compare page: the comparison and both runs' series, or the reason it cannot be shown (a
 * baseline of another project, a run against itself, no baseline) for the page to explain.
 * An unknown run is a NotFound the page turns into its 404.
 */
export async function getComparePage(projectId: string, runId: string, baselineId: string | null): Promise<ComparePage> {
  try {
    const comparison = await getRunComparison(projectId, runId, baselineId);
    const [a, b] = await Promise.all([loadSamples(projectId, comparison.run.id), loadSamples(projectId, comparison.baseline.id)]);
    return { ok: true, comparison, overlay: buildOverlaySeries(a, b) };
  } catch (err) {
    if (err instanceof NotFoundError && /No such run/.test(err.message)) throw err;
    if (err instanceof AppError) return { ok: false, message: err.message, status: err.status };
    throw err;
  }
}
