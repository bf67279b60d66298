import "server-only";
import { z } from "zod";
import { actorOf, type ProjectAccess } from "../principal";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, InvalidInputError } from "../errors";
import { roleAtLeast } from "../roles";
import { lockItemRows } from "../row-lock";
import { ZPriority } from "../schemas/item";
import { assertDefinitionsEditable } from "../checklist-file/managed-by-code";

export const ZBulkUpdate = z
  .object({
    ids: z.array(z.string().min(1)).min(1, "select at least one item").max(1000),
    set: z
      .object({ priority: ZPriority, categoryId: z.string().min(1), owner: z.string().trim().max(200).nullable() })
      .partial()
      .strict()
      .refine((s) => Object.keys(s).length > 0, "choose what to change"),
  })
  .strict();
export type TBulkUpdate = z.infer<typeof ZBulkUpdate>;

/** A lead changes priority, category or owner of many items at once: one event per item and field. */
export async function bulkUpdateItems(access: ProjectAccess, input: TBulkUpdate, requestId?: string): Promise<{ updated: number }> {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads may bulk-edit items");
  return getDb().$transaction(async (tx) => {
    if (input.set.priority !== undefined || input.set.categoryId !== undefined) await assertDefinitionsEditable(tx, access.project.id, "priority and category");
    if (input.set.categoryId) {
      const cat = await tx.category.findFirst({ where: { id: input.set.categoryId, projectId: access.project.id }, select: { id: true } });
      if (!cat) throw new InvalidInputError("categoryId is not a category of this project");
    }
    await lockItemRows(tx, input.ids, access.project.id);
    const items = await tx.checklistItem.findMany({
      where: { id: { in: input.ids }, projectId: access.project.id },
      select: { id: true, priority: true, categoryId: true, owner: true },
    });
    if (items.length !== new Set(input.ids).size) throw new InvalidInputError("Some selected items are not in this project (reload and try again)");
    const fields = Object.keys(input.set) as (keyof TBulkUpdate["set"])[];
    const actor = actorOf(access.principal);
    const events = items.flatMap((it) =>
      fields
        .filter((f) => (it[f] ?? null) !== (input.set[f] ?? null))
        .map((f) => ({ projectId: access.project.id, itemId: it.id, actorId: actor.actorId, actorName: actor.actorName, field: f, fromValue: it[f] ?? null, toValue: input.set[f] ?? null })),
    );
    await tx.checklistItem.updateMany({ where: { id: { in: items.map((i) => i.id) }, projectId: access.project.id }, data: { ...input.set, version: { increment: 1 } } });
    if (events.length) await tx.itemEvent.createMany({ data: events });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "item.bulk-update", entity: "ChecklistItem", after: input, requestId });
    return { updated: items.length };
  });
}
