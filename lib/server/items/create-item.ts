import "server-only";
import { actorOf, type ProjectAccess } from "../principal";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";
import type { TItemCreate } from "../schemas/item";
import { lockItemRow } from "../row-lock";
import { ITEM_SELECT, toItemDto, type ItemDto } from "./item-dto";
import { checkEstimateRange } from "./update-item";
import { assertDefinitionsEditable } from "../checklist-file/managed-by-code";

const isUnique = (err: unknown) => (err as { code?: unknown })?.code === "P2002";

function requireLead(access: ProjectAccess): void {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads may do this");
}

/** A lead adds an item; its "created" event carries the initial state for the burndown. */
export async function createItem(access: ProjectAccess, input: TItemCreate, requestId?: string): Promise<ItemDto> {
  requireLead(access);
  checkEstimateRange(input.estimateLowHours, input.estimateHours, input.estimateHighHours);
  const status = input.status ?? "OPEN";
  if (status === "DONE" && !input.evidence?.trim()) throw new InvalidInputError("An item created as DONE needs evidence");
  return getDb().$transaction(async (tx) => {
    await assertDefinitionsEditable(tx, access.project.id, "items are added");
    const cat = await tx.category.findFirst({ where: { id: input.categoryId, projectId: access.project.id }, select: { id: true } });
    if (!cat) throw new InvalidInputError("categoryId is not a category of this project");
    const item = await tx.checklistItem.create({
      data: {
        projectId: access.project.id,
        categoryId: input.categoryId,
        ...(input.key ? { key: input.key } : {}),
        title: input.title,
        description: input.description ?? null,
        priority: input.priority,
        status,
        estimateHours: input.estimateHours ?? null,
        estimateLowHours: input.estimateLowHours ?? null,
        estimateHighHours: input.estimateHighHours ?? null,
        owner: input.owner ?? null,
        dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null,
        evidence: input.evidence ?? null,
        evidenceValidDays: input.evidenceValidDays ?? null,
        evidenceAt: status === "DONE" ? new Date() : null,
        source: input.source ?? null,
        deferrable: input.deferrable ?? false,
      },
      select: ITEM_SELECT,
    });
    const actor = actorOf(access.principal);
    await tx.itemEvent.create({
      data: {
        projectId: access.project.id, itemId: item.id, actorId: actor.actorId, actorName: actor.actorName, field: "created", toValue: status,
        snapshot: { priority: item.priority, status: item.status, estimateHours: item.estimateHours },
      },
    });
    const dto = toItemDto(item);
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "item.create", entity: "ChecklistItem", entityId: item.id, after: dto, requestId });
    return dto;
  }).catch((err: unknown) => {
    if (isUnique(err)) throw new ConflictError(`The key '${input.key}' is used by another item of this project`);
    throw err;
  });
}

/** A lead deletes an item; a "deleted" event keeps the burndown history true. */
export async function deleteItem(access: ProjectAccess, itemId: string, version: number | null, requestId?: string): Promise<void> {
  requireLead(access);
  await getDb().$transaction(async (tx) => {
    await assertDefinitionsEditable(tx, access.project.id, "items are deleted");
    if (!(await lockItemRow(tx, itemId, access.project.id))) throw new NotFoundError("No such item in this project");
    const item = await tx.checklistItem.findFirst({ where: { id: itemId, projectId: access.project.id }, select: ITEM_SELECT });
    if (!item) throw new NotFoundError("No such item in this project");
    if (version != null && item.version !== version) throw new ConflictError("This item was changed by someone else; reload before deleting", { current: toItemDto(item) });
    const res = await tx.checklistItem.deleteMany({ where: { id: itemId, projectId: access.project.id, ...(version != null ? { version } : {}) } });
    if (res.count !== 1) throw new ConflictError("This item was changed by someone else; reload before deleting", { current: toItemDto(item) });
    const actor = actorOf(access.principal);
    await tx.itemEvent.create({
      data: { projectId: access.project.id, itemId, actorId: actor.actorId, actorName: actor.actorName, field: "deleted", fromValue: item.status, snapshot: { itemId, priority: item.priority, status: item.status, estimateHours: item.estimateHours } },
    });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "item.delete", entity: "ChecklistItem", entityId: itemId, before: toItemDto(item), requestId });
  });
}
