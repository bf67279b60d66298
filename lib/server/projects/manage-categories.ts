import "server-only";
import type { ProjectAccess } from "../access";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";
import type { TCategoryCreate, TCategoryMove, TCategoryUpdate } from "../schemas/project";
import { assertDefinitionsEditable } from "../checklist-file/managed-by-code";

export interface CategoryDto {
  id: string;
  name: string;
  weight: number;
  position: number;
  /** Days evidence stays current; null = never expires. */
  evidenceValidDays: number | null;
  items: number;
}

async function requireLead(access: ProjectAccess): Promise<void> {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads change categories");
  await assertDefinitionsEditable(getDb(), access.project.id, "categories");
}

const isUnique = (err: unknown) => (err as { code?: unknown })?.code === "P2002";

export async function listCategories(projectId: string): Promise<CategoryDto[]> {
  const rows = await getDb().category.findMany({
    where: { projectId },
    select: { id: true, name: true, weight: true, position: true, evidenceValidDays: true, _count: { select: { items: true } } },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  return rows.map(({ _count, ...c }) => ({ ...c, items: _count.items }));
}

export async function createCategory(access: ProjectAccess, input: TCategoryCreate, requestId?: string): Promise<{ id: string }> {
  await requireLead(access);
  try {
    return await getDb().$transaction(async (tx) => {
      const last = await tx.category.aggregate({ where: { projectId: access.project.id }, _max: { position: true } });
      const c = await tx.category.create({ data: { projectId: access.project.id, name: input.name, weight: input.weight, evidenceValidDays: input.evidenceValidDays ?? null, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
      await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "category.create", entity: "Category", entityId: c.id, after: input, requestId });
      return c;
    });
  } catch (err) {
    if (isUnique(err)) throw new ConflictError(`A category named '${input.name}' exists already`);
    throw err;
  }
}

/** Renames and/or reweights a category, and sets its evidence validity when given. */
export async function updateCategory(access: ProjectAccess, input: TCategoryUpdate, requestId?: string): Promise<void> {
  await requireLead(access);
  try {
    await getDb().$transaction(async (tx) => {
      const before = await tx.category.findFirst({ where: { id: input.id, projectId: access.project.id }, select: { name: true, weight: true, evidenceValidDays: true } });
      if (!before) throw new NotFoundError("No such category in this project");
      const data = { name: input.name, weight: input.weight, ...(input.evidenceValidDays !== undefined ? { evidenceValidDays: input.evidenceValidDays } : {}) };
      await tx.category.update({ where: { id: input.id }, data });
      await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "category.update", entity: "Category", entityId: input.id, before, after: data, requestId });
    });
  } catch (err) {
    if (isUnique(err)) throw new ConflictError(`A category named '${input.name}' exists already`);
    throw err;
  }
}

/** Moves a category one place up or down (renumbers positions 0..n-1). */
export async function moveCategory(access: ProjectAccess, input: TCategoryMove, requestId?: string): Promise<void> {
  await requireLead(access);
  await getDb().$transaction(async (tx) => {
    const all = await tx.category.findMany({ where: { projectId: access.project.id }, select: { id: true, position: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
    const from = all.findIndex((c) => c.id === input.id);
    if (from < 0) throw new NotFoundError("No such category in this project");
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= all.length) return;
    const order = all.map((c) => c.id);
    [order[from], order[to]] = [order[to], order[from]];
    for (const [position, id] of order.entries()) {
      if (all.find((c) => c.id === id)!.position !== position) await tx.category.update({ where: { id }, data: { position } });
    }
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "category.move", entity: "Category", entityId: input.id, before: { position: from }, after: { position: to }, requestId });
  });
}

/** Deletes a category that holds no item (items keep their category: move or delete them first). */
export async function deleteCategory(access: ProjectAccess, id: string, requestId?: string): Promise<void> {
  await requireLead(access);
  await getDb().$transaction(async (tx) => {
    const c = await tx.category.findFirst({ where: { id, projectId: access.project.id }, select: { name: true, weight: true, _count: { select: { items: true } } } });
    if (!c) throw new NotFoundError("No such category in this project");
    if (c._count.items > 0) throw new ConflictError(`'${c.name}' still holds ${c._count.items} item(s): move or delete them first`);
    await tx.category.delete({ where: { id } });
    const rest = await tx.category.findMany({ where: { projectId: access.project.id }, select: { id: true, position: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
    for (const [position, c] of rest.entries()) if (c.position !== position) await tx.category.update({ where: { id: c.id }, data: { position } });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "category.delete", entity: "Category", entityId: id, before: { name: c.name, weight: c.weight }, requestId });
  });
}
