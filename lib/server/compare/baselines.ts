import "server-only";
import { pickDefaultBaseline, type BaselineCandidate } from "@/lib/domain/compare/default-baseline";
import type { ProjectAccess } from "../access";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";
import { lockProjectRow } from "../row-lock";
import { SERIES_SELECT, seriesKeyOf, seriesWhere } from "./series";

export const CANDIDATE_SELECT = { id: true, users: true, isBaseline: true, startedAt: true, createdAt: true, ...SERIES_SELECT } as const;

type CandidateRow = { id: string; users: number | null; isBaseline: boolean; startedAt: Date | null; createdAt: Date };

export function toCandidate(r: CandidateRow): BaselineCandidate {
  return { id: r.id, seriesKey: seriesKeyOf(r), users: r.users, isBaseline: r.isBaseline, startedAt: r.startedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() };
}

/** The run's default baseline: its series' marked baseline, else the previous run at the same load. */
export async function getDefaultBaselineId(projectId: string, run: CandidateRow): Promise<string | null> {
  const me = toCandidate(run);
  const rows = await getDb().testRun.findMany({ where: { projectId, ...seriesWhere(me.seriesKey) }, select: CANDIDATE_SELECT });
  return pickDefaultBaseline(me, rows.map(toCandidate));
}

/**
 * A lead marks a run as its series' baseline (`PUT .../runs/{id}/baseline`); the series' previous
 * baseline is unmarked in the same transaction. Audited with the previous baseline's id.
 */
export async function setRunBaseline(access: ProjectAccess, runId: string, requestId?: string) {
  return changeBaseline(access, runId, true, requestId);
}

/** A lead unmarks the baseline (`DELETE .../runs/{id}/baseline`); the series falls back to "previous run at the same load". */
export async function clearRunBaseline(access: ProjectAccess, runId: string, requestId?: string) {
  return changeBaseline(access, runId, false, requestId);
}

async function changeBaseline(access: ProjectAccess, runId: string, mark: boolean, requestId?: string): Promise<{ id: string; isBaseline: boolean }> {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads choose the baseline run");
  const projectId = access.project.id;
  return getDb().$transaction(async (tx) => {
    if (!(await lockProjectRow(tx, projectId))) throw new NotFoundError("No such project");
    const run = await tx.testRun.findFirst({ where: { id: runId, projectId }, select: { id: true, name: true, isBaseline: true, ...SERIES_SELECT } });
    if (!run) throw new NotFoundError("No such run in this project");
    const series = { projectId, ...seriesWhere(seriesKeyOf(run)) };
    const previous = (await tx.testRun.findMany({ where: { ...series, isBaseline: true }, select: { id: true } })).map((r) => r.id);
    if (mark) {
      await tx.testRun.updateMany({ where: { ...series, isBaseline: true, id: { not: runId } }, data: { isBaseline: false } });
      await tx.testRun.update({ where: { id: runId }, data: { isBaseline: true } });
    } else if (run.isBaseline) {
      await tx.testRun.update({ where: { id: runId }, data: { isBaseline: false } });
    }
    if (run.isBaseline !== mark) {
      await writeAudit(tx, {
        principal: access.principal, projectId, action: mark ? "run.baseline.set" : "run.baseline.clear", entity: "TestRun", entityId: runId,
        before: { baselineIds: previous }, after: { baselineIds: mark ? [runId] : previous.filter((id) => id !== runId), run: run.name }, requestId,
      });
    }
    return { id: runId, isBaseline: mark };
  });
}
