import "server-only";
import { z } from "zod";
import type { ProjectAccess } from "../access";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";

export const ZRunBlockerSettings = z.object({
  enabled: z.boolean(),
  estimateHours: z.number({ message: "the estimate must be a number of hours" }).finite().gt(0, "the estimate must be above 0 h").max(1000, "the estimate must be at most 1000 h"),
}).strict();
export type TRunBlockerSettings = z.infer<typeof ZRunBlockerSettings>;

export async function getRunBlockerSettings(projectId: string): Promise<TRunBlockerSettings> {
  const p = await getDb().project.findUnique({ where: { id: projectId }, select: { runBlockersEnabled: true, runBlockerEstimateHours: true } });
  if (!p) throw new NotFoundError("No such project");
  return { enabled: p.runBlockersEnabled, estimateHours: p.runBlockerEstimateHours };
}

/** A lead switches "runs open and close blockers" on or off and sets the estimate of the items they open. */
export async function updateRunBlockerSettings(access: ProjectAccess, input: TRunBlockerSettings, requestId?: string): Promise<TRunBlockerSettings> {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads change this setting");
  return getDb().$transaction(async (tx) => {
    const before = await tx.project.findUnique({ where: { id: access.project.id }, select: { runBlockersEnabled: true, runBlockerEstimateHours: true } });
    if (!before) throw new NotFoundError("No such project");
    await tx.project.update({
      where: { id: access.project.id },
      data: { runBlockersEnabled: input.enabled, runBlockerEstimateHours: input.estimateHours },
    });
    await writeAudit(tx, {
      principal: access.principal, projectId: access.project.id, action: "project.run-blockers", entity: "Project", entityId: access.project.id,
      before: { enabled: before.runBlockersEnabled, estimateHours: before.runBlockerEstimateHours }, after: input, requestId,
    });
    return input;
  });
}
