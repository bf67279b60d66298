import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, ManagedByCodeError } from "../errors";
import type { ProjectAccess } from "../principal";
import { roleAtLeast } from "../roles";

/** Item fields that are the checklist's definition (the file owns them while managed by code). */
export const DEFINITION_PATCH_FIELDS = new Set(["title", "description", "categoryId", "priority", "estimateHours", "estimateLowHours", "estimateHighHours", "deferrable", "evidenceValidDays"]);

type Client = Pick<Prisma.TransactionClient, "project">;

export async function isManagedByCode(db: Client, projectId: string): Promise<boolean> {
  const p = await db.project.findUnique({ where: { id: projectId }, select: { managedByCode: true } });
  return p?.managedByCode ?? false;
}

/** Refuses a definition change (409 `managed-by-code`) while the project is managed by code. */
export async function assertDefinitionsEditable(db: Client, projectId: string, what?: string): Promise<void> {
  if (await isManagedByCode(db, projectId)) throw new ManagedByCodeError(what);
}

/** A lead turns "Managed by code" on or off. */
export async function setManagedByCode(access: ProjectAccess, on: boolean, requestId?: string): Promise<{ managedByCode: boolean }> {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads may change this");
  return getDb().$transaction(async (tx) => {
    const before = await isManagedByCode(tx, access.project.id);
    if (before === on) return { managedByCode: on };
    await tx.project.update({ where: { id: access.project.id }, data: { managedByCode: on } });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "project.managed-by-code", entity: "Project", entityId: access.project.id, before: { managedByCode: before }, after: { managedByCode: on }, requestId });
    return { managedByCode: on };
  });
}
