import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ProjectAccess } from "../principal";
import { actorOf } from "../principal";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";
import { ENGINEER_FIELDS, type TItemFields, type TItemPatch } from "../schemas/item";
import { lockItemVersion } from "../row-lock";
import { ITEM_SELECT, toItemDto, type ItemDto } from "./item-dto";
import { assertDefinitionsEditable, DEFINITION_PATCH_FIELDS } from "../checklist-file/managed-by-code";

const EVENT_FIELDS: (keyof TItemFields)[] = [
  "title", "description", "categoryId", "priority", "status", "estimateHours", "estimateLowHours", "estimateHighHours",
  "owner", "dueDate", "evidence", "evidenceValidDays", "source", "deferrable",
];

function asText(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function checkEstimateRange(low: number | null | undefined, ml: number | null | undefined, high: number | null | undefined): void {
  if (low != null && ml != null && low > ml) throw new InvalidInputError("estimateLowHours must not exceed estimateHours");
  if (high != null && ml != null && high < ml) throw new InvalidInputError("estimateHighHours must not be below estimateHours");
  if (low != null && high != null && low > high) throw new InvalidInputError("estimateLowHours must not exceed estimateHighHours");
}

/**
 * Applies a change to one item if `version` is still current (optimistic locking): exactly one of
 * several concurrent writers with the same version wins; the others get 409 with the fresh values.
 * Every changed field becomes an item event; the change is one audit entry.
 */
export async function updateItem(access: ProjectAccess, itemId: string, patch: TItemPatch, requestId?: string): Promise<ItemDto> {
  const { version, ...fields } = patch;
  const keys = Object.keys(fields) as (keyof TItemFields)[];
  if (keys.length === 0) throw new InvalidInputError("Nothing to change: send at least one field besides version");
  if (!roleAtLeast(access.role, "LEAD")) {
    const denied = keys.filter((k) => !ENGINEER_FIELDS.has(k));
    if (!roleAtLeast(access.role, "ENGINEER")) throw new ForbiddenError("Viewers cannot change items");
    if (denied.length) throw new ForbiddenError(`Engineers may change status and evidence only, not ${denied.join(", ")}`);
  }
  const db = getDb();
  const conflict = async () => {
    // Read after the lock is released: a loser of a burst of writers holds the row for one query only.
    const current = await db.checklistItem.findFirst({ where: { id: itemId, projectId: access.project.id }, select: ITEM_SELECT });
    if (!current) return new NotFoundError("No such item in this project");
    return new ConflictError("This item was changed by someone else; review the current values and try again", { current: toItemDto(current) });
  };
  // A version already stale is refused without queueing for the row lock.
  const seen = await db.checklistItem.findFirst({ where: { id: itemId, projectId: access.project.id }, select: { version: true } });
  if (!seen) throw new NotFoundError("No such item in this project");
  if (seen.version !== version) throw await conflict();
  // null: the version went stale while this request waited for the lock.
  const result = await db.$transaction(async (tx): Promise<ItemDto | null> => {
    const locked = await lockItemVersion(tx, itemId, access.project.id);
    if (locked === null) throw new NotFoundError("No such item in this project");
    if (locked !== version) return null;
    const before = await tx.checklistItem.findFirstOrThrow({ where: { id: itemId, projectId: access.project.id }, select: ITEM_SELECT });
    if (fields.categoryId && fields.categoryId !== before.categoryId) {
      const cat = await tx.category.findFirst({ where: { id: fields.categoryId, projectId: access.project.id }, select: { id: true } });
      if (!cat) throw new InvalidInputError("categoryId is not a category of this project");
    }
    const nextEvidence = fields.evidence !== undefined ? fields.evidence : before.evidence;
    if (fields.status === "DONE" && before.status !== "DONE" && !nextEvidence?.trim()) {
      throw new InvalidInputError("Marking an item DONE needs evidence (a link or a note)");
    }
    checkEstimateRange(
      fields.estimateLowHours !== undefined ? fields.estimateLowHours : before.estimateLowHours,
      fields.estimateHours !== undefined ? fields.estimateHours : before.estimateHours,
      fields.estimateHighHours !== undefined ? fields.estimateHighHours : before.estimateHighHours,
    );
    const data: Prisma.ChecklistItemUncheckedUpdateManyInput = { version: { increment: 1 } };
    const changed: { field: string; from: string | null; to: string | null }[] = [];
    const beforeDto = toItemDto(before);
    for (const k of EVENT_FIELDS) {
      if (!(k in fields)) continue;
      const v = fields[k];
      const old = (beforeDto as unknown as Record<string, unknown>)[k];
      if (asText(old) === asText(v)) continue;
      (data as Record<string, unknown>)[k] = k === "dueDate" && typeof v === "string" ? new Date(`${v}T00:00:00Z`) : v;
      changed.push({ field: k, from: asText(old), to: asText(v) });
    }
    if (changed.length === 0) return beforeDto;
    // New evidence, or marking DONE, dates the evidence (freshness counts from here).
    const nextStatus = fields.status ?? before.status;
    const evidenceGiven = changed.some((c) => c.field === "evidence" && c.to?.trim());
    if (nextStatus === "DONE" && (before.status !== "DONE" || evidenceGiven)) data.evidenceAt = new Date();
    if (changed.some((c) => DEFINITION_PATCH_FIELDS.has(c.field))) await assertDefinitionsEditable(tx, access.project.id);
    // The row is locked and its version checked above; the condition is a second guard.
    const res = await tx.checklistItem.updateMany({ where: { id: itemId, projectId: access.project.id, version }, data });
    if (res.count !== 1) {
      const fresh = await tx.checklistItem.findFirst({ where: { id: itemId }, select: ITEM_SELECT });
      throw new ConflictError("This item was changed by someone else; review the current values and try again", { current: fresh ? toItemDto(fresh) : null });
    }
    const actor = actorOf(access.principal);
    await tx.itemEvent.createMany({
      data: changed.map((c) => ({ projectId: access.project.id, itemId, actorId: actor.actorId, actorName: actor.actorName, field: c.field, fromValue: c.from, toValue: c.to })),
    });
    const after = await tx.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: ITEM_SELECT });
    const afterDto = toItemDto(after);
    await writeAudit(tx, {
      principal: access.principal, projectId: access.project.id, action: "item.update", entity: "ChecklistItem", entityId: itemId,
      before: Object.fromEntries(changed.map((c) => [c.field, c.from])), after: Object.fromEntries(changed.map((c) => [c.field, c.to])), requestId,
    });
    return afterDto;
  });
  if (!result) throw await conflict();
  return result;
}
