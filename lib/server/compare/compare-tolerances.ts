import "server-only";
import { cache } from "react";
import type { CompareTolerances } from "@/lib/domain/compare/types";
import type { ProjectAccess } from "../access";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";
import { lockProjectRow } from "../row-lock";
import type { TCompareTolerances } from "../schemas/compare";

const SELECT = { compareP95TolerancePercent: true, compareErrorRateTolerancePoints: true, compareThroughputTolerancePercent: true } as const;

function toTolerances(p: { compareP95TolerancePercent: number; compareErrorRateTolerancePoints: number; compareThroughputTolerancePercent: number }): CompareTolerances {
  return { p95Percent: p.compareP95TolerancePercent, errorRatePoints: p.compareErrorRateTolerancePoints, throughputPercent: p.compareThroughputTolerancePercent };
}

/** The project's run comparison tolerances (any member may read them). */
export const getCompareTolerances = cache(async (projectId: string): Promise<CompareTolerances> => {
  const p = await getDb().project.findUnique({ where: { id: projectId }, select: SELECT });
  if (!p) throw new NotFoundError("No such project");
  return toTolerances(p);
});

/** A lead changes the tolerances; audited with the values before and after. */
export async function updateCompareTolerances(access: ProjectAccess, input: TCompareTolerances, requestId?: string): Promise<CompareTolerances> {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads change the comparison tolerances");
  return getDb().$transaction(async (tx) => {
    if (!(await lockProjectRow(tx, access.project.id))) throw new NotFoundError("No such project");
    const before = toTolerances(await tx.project.findUniqueOrThrow({ where: { id: access.project.id }, select: SELECT }));
    const after = toTolerances(await tx.project.update({
      where: { id: access.project.id },
      data: { compareP95TolerancePercent: input.p95Percent, compareErrorRateTolerancePoints: input.errorRatePoints, compareThroughputTolerancePercent: input.throughputPercent },
      select: SELECT,
    }));
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "project.update-compare-tolerances", entity: "Project", entityId: access.project.id, before, after, requestId });
    return after;
  });
}
