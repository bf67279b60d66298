import "server-only";
import { cache } from "react";
import type { ProjectAccess } from "../access";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";
import type { TProjectSettings } from "../schemas/project";
import { lockProjectRow } from "../row-lock";

const SETTINGS_SELECT = {
  id: true, slug: true, name: true, description: true, expectedProductionUsers: true, requiredHeadroom: true,
  teamHoursPerDay: true, workingDays: true, targetLaunchDate: true, greenP95Ms: true, greenErrorRatePercent: true,
  yellowP95Ms: true, yellowErrorRatePercent: true, redP95Ms: true, redErrorRatePercent: true,
  goThresholdPercent: true, conditionalThresholdPercent: true, confidenceMinRunSeconds: true, confidenceMinRequests: true,
  version: true,
} as const;

export type ProjectSettingsDto = Omit<TProjectSettings, "workingDays"> & { id: string; slug: string; workingDays: string[] };

type Row = { [K in keyof typeof SETTINGS_SELECT]: unknown } & { targetLaunchDate: Date | null };

function toDto(p: Row): ProjectSettingsDto {
  return { ...(p as unknown as ProjectSettingsDto), targetLaunchDate: p.targetLaunchDate ? p.targetLaunchDate.toISOString().slice(0, 10) : null };
}

/** The project's settings as the pages show them (any member may read them). */
export const getProjectSettings = cache(async (projectId: string): Promise<ProjectSettingsDto> => {
  const p = await getDb().project.findUnique({ where: { id: projectId }, select: SETTINGS_SELECT });
  if (!p) throw new NotFoundError("No such project");
  return toDto(p);
});

/**
 * A lead changes settings and thresholds. The write only applies when `version` is still current,
 * so a stale form gets 409 instead of silently overwriting a colleague's change.
 */
export async function updateProjectSettings(access: ProjectAccess, input: TProjectSettings, requestId?: string): Promise<ProjectSettingsDto> {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads change project settings");
  const { version, ...fields } = input;
  return getDb().$transaction(async (tx) => {
    if (!(await lockProjectRow(tx, access.project.id))) throw new NotFoundError("No such project");
    const before = await tx.project.findUnique({ where: { id: access.project.id }, select: SETTINGS_SELECT });
    if (!before) throw new NotFoundError("No such project");
    if (before.version !== version) {
      throw new ConflictError("Someone else changed these settings since you opened the form. Reload to see their values, then apply your change again.", { current: toDto(before) });
    }
    const data = {
      ...fields,
      description: fields.description || null,
      targetLaunchDate: fields.targetLaunchDate ? new Date(`${fields.targetLaunchDate}T00:00:00Z`) : null,
    };
    const res = await tx.project.updateMany({ where: { id: access.project.id, version }, data: { ...data, version: { increment: 1 } } });
    if (res.count !== 1) {
      throw new ConflictError("Someone else changed these settings since you opened the form. Reload to see their values, then apply your change again.", { current: toDto(before) });
    }
    const after = await tx.project.findUniqueOrThrow({ where: { id: access.project.id }, select: SETTINGS_SELECT });
    const beforeDto = toDto(before);
    const afterDto = toDto(after);
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => JSON.stringify(beforeDto[k]) !== JSON.stringify(afterDto[k]));
    await writeAudit(tx, {
      principal: access.principal, projectId: access.project.id, action: "project.update-settings", entity: "Project", entityId: access.project.id,
      before: Object.fromEntries(changed.map((k) => [k, beforeDto[k]])), after: Object.fromEntries(changed.map((k) => [k, afterDto[k]])), requestId,
    });
    return afterDto;
  });
}
