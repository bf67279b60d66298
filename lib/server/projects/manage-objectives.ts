import "server-only";
import type { ProjectAccess } from "../access";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";
import type { TObjectiveFields, TObjectiveUpdate } from "../schemas/project";

export interface ObjectiveDto {
  id: string;
  name: string;
  target: string;
  measured: string | null;
}

function requireLead(access: ProjectAccess): void {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads change objectives");
}

const isUnique = (err: unknown) => (err as { code?: unknown })?.code === "P2002";

export async function listObjectives(projectId: string): Promise<ObjectiveDto[]> {
  return getDb().objective.findMany({ where: { projectId }, select: { id: true, name: true, target: true, measured: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
}

export async function createObjective(access: ProjectAccess, input: TObjectiveFields, requestId?: string): Promise<ObjectiveDto> {
  requireLead(access);
  try {
    return await getDb().$transaction(async (tx) => {
      const last = await tx.objective.aggregate({ where: { projectId: access.project.id }, _max: { position: true } });
      const o = await tx.objective.create({
        data: { projectId: access.project.id, ...input, position: (last._max.position ?? -1) + 1 },
        select: { id: true, name: true, target: true, measured: true },
      });
      await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "objective.create", entity: "Objective", entityId: o.id, after: input, requestId });
      return o;
    });
  } catch (err) {
    if (isUnique(err)) throw new ConflictError(`An objective named '${input.name}' exists already`);
    throw err;
  }
}

export async function updateObjective(access: ProjectAccess, input: TObjectiveUpdate, requestId?: string): Promise<ObjectiveDto> {
  requireLead(access);
  const { id, ...fields } = input;
  try {
    return await getDb().$transaction(async (tx) => {
      const before = await tx.objective.findFirst({ where: { id, projectId: access.project.id }, select: { id: true, name: true, target: true, measured: true } });
      if (!before) throw new NotFoundError("No such objective in this project");
      const o = await tx.objective.update({ where: { id }, data: fields, select: { id: true, name: true, target: true, measured: true } });
      await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "objective.update", entity: "Objective", entityId: id, before, after: fields, requestId });
      return o;
    });
  } catch (err) {
    if (isUnique(err)) throw new ConflictError(`An objective named '${fields.name}' exists already`);
    throw err;
  }
}

export async function deleteObjective(access: ProjectAccess, id: string, requestId?: string): Promise<void> {
  requireLead(access);
  await getDb().$transaction(async (tx) => {
    const before = await tx.objective.findFirst({ where: { id, projectId: access.project.id }, select: { id: true, name: true, target: true, measured: true } });
    if (!before) throw new NotFoundError("No such objective in this project");
    await tx.objective.delete({ where: { id } });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "objective.delete", entity: "Objective", entityId: id, before, requestId });
  });
}
