import "server-only";
import { addDays } from "@/lib/domain";
import { computeChanges, type ChangesResult } from "@/lib/domain/history/compute-changes";
import { computeHistory, type HistoryDay } from "@/lib/domain/history/compute-history";
import { getDb } from "../db";
import { InvalidInputError } from "../errors";
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

/** Display names of users by id (for "by" columns); unknown ids are left out. */
export async function getUserNames(ids: readonly (string | null)[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return {};
  const rows = await getDb().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** The changes panel of a page: the report, or the message of a bad range (the page still renders). */
export async function getChangesPanel(project: ProjectRef, raw: RawRange): Promise<{ report: ChangesReport | null; error: string | null; names: Record<string, string> }> {
  try {
    const report = await getReadinessChanges(project, raw);
    return { report, error: null, names: await getUserNames(report.changes.map((c) => c.byUserId)) };
  } catch (err) {
    if (err instanceof InvalidInputError) return { report: null, error: err.message, names: {} };
    throw err;
  }
}

/**
 * The overview's two panels from one timeline load: the history chart up to `asOf` (at most
 * today, the last `days` days) and "What changed" for the given or default range.
 */
export async function getOverviewPanels(project: ProjectRef, asOf: string, rawChanges: RawRange, days = 90) {
  const createdOn = await createdOnOf(project.id);
  const today = new Date().toISOString().slice(0, 10);
  let historyRange: DayRange | null = null, historyError: string | null = null;
  let changesRange: DayRange | null = null, changesError: string | null = null;
  try {
    if (asOf < createdOn) throw new InvalidInputError(`The project was created on ${createdOn}: there is no history before that day.`);
    historyRange = resolveRange({ to: asOf > today ? today : asOf }, createdOn, lastDays(days));
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    historyError = err.message;
  }
  try {
    changesRange = resolveRange(rawChanges, createdOn, await defaultChangesFrom(project.id), addDays(createdOn, -1));
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    changesError = err.message;
  }
  const ranges = [historyRange, changesRange].filter((r): r is DayRange => r !== null);
  const timeline = ranges.length === 0 ? null : await loadProjectTimeline(project.id, {
    from: ranges.map((r) => r.from).sort()[0], to: ranges.map((r) => r.to).sort().at(-1)!,
  });
  const decisions = historyRange ? await getDb().decision.findMany({
    where: { projectId: project.id, createdAt: { gte: new Date(`${historyRange.from}T00:00:00Z`) } },
    select: { verdict: true, signedByName: true, createdAt: true }, orderBy: { createdAt: "asc" },
  }) : [];
  const report: ChangesReport | null = timeline && changesRange
    ? { ...computeChanges(timeline, changesRange.from, changesRange.to), basis: rawChanges.from ? "given" : (await getDb().decision.count({ where: { projectId: project.id } })) > 0 ? "last-decision" : "7-days" }
    : null;
  return {
    history: {
      days: timeline && historyRange ? computeHistory(timeline, historyRange.from, historyRange.to) : [],
      decisions: decisions.map((d) => ({ date: d.createdAt.toISOString().slice(0, 10), verdict: d.verdict, signedBy: d.signedByName })),
      error: historyError,
    },
    changes: { report, error: changesError, names: report ? await getUserNames(report.changes.map((c) => c.byUserId)) : {} },
  };
}
