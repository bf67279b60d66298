import "server-only";
import { addDays } from "@/lib/domain";
import { computeChanges, type ChangesResult } from "@/lib/domain/history/compute-changes";
import { computeHistory, type HistoryDay } from "@/lib/domain/history/compute-history";
import { getDb } from "../db";
import { loadProjectTimeline } from "./load-project-timeline";
import { lastDays, resolveRange, type DayRange } from "./history-range";

type ProjectRef = { id: string };
type RawRange = { from?: string | null; to?: string | null };

async function createdOnOf(projectId: string): Promise<string> {
  const p = await getDb().project.findUniqueOrThrow({ where: { id: projectId }, select: { createdAt: true } });
  return p.createdAt.toISOString().slice(0, 10);
}

/** Score, verdict, open P1 and remaining hours per day (default: the last 30 days). */
export async function getReadinessHistory(project: ProjectRef, raw: RawRange, defaultDays = 30): Promise<{ range: DayRange; createdOn: string; days: HistoryDay[] }> {
  const createdOn = await createdOnOf(project.id);
  const range = resolveRange(raw, createdOn, lastDays(defaultDays));
  const timeline = await loadProjectTimeline(project.id, range);
  return { range, createdOn, days: computeHistory(timeline, range.from, range.to) };
}

/**
 * The default start of "What changed": the day before the last signed decision (so its whole day
 * counts), else 7 days before `to`.
 */
async function defaultChangesFrom(projectId: string): Promise<(to: string) => string> {
  const last = await getDb().decision.findFirst({ where: { projectId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  if (!last) return (to) => addDays(to, -7);
  const day = addDays(last.createdAt.toISOString().slice(0, 10), -1);
  return (to) => (day < to ? day : addDays(to, -1));
}

export interface ChangesReport extends ChangesResult {
  /** Why the `from` default was chosen, for the page. */
  basis: "given" | "last-decision" | "7-days";
}

/** Why the score changed between the end of `from` and the end of `to` (see computeChanges). */
export async function getReadinessChanges(project: ProjectRef, raw: RawRange): Promise<ChangesReport> {
  const createdOn = await createdOnOf(project.id);
  const hasDecision = (await getDb().decision.count({ where: { projectId: project.id } })) > 0;
  const range = resolveRange(raw, createdOn, await defaultChangesFrom(project.id), addDays(createdOn, -1));
  const timeline = await loadProjectTimeline(project.id, range);
  const basis = raw.from ? "given" : hasDecision ? "last-decision" : "7-days";
  return { ...computeChanges(timeline, range.from, range.to), basis };
}
