import "server-only";
import type { ProjectAccess } from "../access";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";
import { RUN_SUMMARY_SELECT, toRunSummary, type RunSummary } from "../runs/run-queries";

/**
 * A lead moves a run to another series of the project (audited). Moving changes which runs feed
 * capacity and gates 2–4; it opens or resolves no item (only a newly stored run does).
 */
export async function moveRunToSeries(access: ProjectAccess, runId: string, seriesSlug: string, requestId?: string): Promise<RunSummary> {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads move runs between series");
  const projectId = access.project.id;
  return getDb().$transaction(async (tx) => {
    const run = await tx.testRun.findFirst({ where: { id: runId, projectId }, select: { id: true, series: { select: { id: true, slug: true } } } });
    if (!run) throw new NotFoundError("No such run in this project");
    const target = await tx.loadTestSeries.findUnique({ where: { projectId_slug: { projectId, slug: seriesSlug } }, select: { id: true, slug: true } });
    if (!target) throw new InvalidInputError(`seriesSlug: no series "${seriesSlug}" in this project (create it in Settings or with POST …/series)`);
    if (target.id !== run.series.id) {
      await tx.testRun.update({ where: { id: run.id }, data: { seriesId: target.id } });
      await writeAudit(tx, { principal: access.principal, projectId, action: "run.move", entity: "TestRun", entityId: run.id, before: { series: run.series.slug }, after: { series: target.slug }, requestId });
    }
    return toRunSummary(await tx.testRun.findFirstOrThrow({ where: { id: run.id, projectId }, select: RUN_SUMMARY_SELECT }));
  });
}
