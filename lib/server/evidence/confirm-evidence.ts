import "server-only";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { ITEM_SELECT, toItemDto, type ItemDto } from "../items/item-dto";
import { actorOf, type ProjectAccess } from "../principal";
import { roleAtLeast } from "../roles";
import { lockItemRow } from "../row-lock";
import type { TEvidenceConfirm } from "./schemas";

/**
 * An engineer re-confirms a DONE item with a new evidence entry: the evidence is dated now, so
 * its validity counts again from today. One "evidenceConfirmed" item event (from the old
 * evidence to the new) and one audit entry.
 */
export async function confirmEvidence(access: ProjectAccess, itemId: string, input: TEvidenceConfirm, requestId?: string): Promise<ItemDto> {
  if (!roleAtLeast(access.role, "ENGINEER")) throw new ForbiddenError("Viewers cannot confirm evidence");
  return getDb().$transaction(async (tx) => {
    if (!(await lockItemRow(tx, itemId, access.project.id))) throw new NotFoundError("No such item in this project");
    const before = await tx.checklistItem.findFirst({ where: { id: itemId, projectId: access.project.id }, select: ITEM_SELECT });
    if (!before) throw new NotFoundError("No such item in this project");
    if (input.version !== undefined && before.version !== input.version) {
      throw new ConflictError("This item was changed by someone else; review the current values and try again", { current: toItemDto(before) });
    }
    if (before.status !== "DONE") {
      throw new InvalidInputError(`Only a DONE item's evidence can be re-confirmed; this item is ${before.status.replace("_", " ")} (mark it DONE with evidence instead)`);
    }
    const at = new Date();
    await tx.checklistItem.update({
      where: { id: itemId },
      data: { evidence: input.evidence, evidenceAt: at, version: { increment: 1 } },
    });
    const actor = actorOf(access.principal);
    await tx.itemEvent.create({
      data: {
        projectId: access.project.id, itemId, actorId: actor.actorId, actorName: actor.actorName, at,
        field: "evidenceConfirmed", fromValue: before.evidence, toValue: input.evidence,
      },
    });
    const after = await tx.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: ITEM_SELECT });
    await writeAudit(tx, {
      principal: access.principal, projectId: access.project.id, action: "item.confirm-evidence", entity: "ChecklistItem", entityId: itemId,
      before: { evidence: before.evidence, evidenceAt: before.evidenceAt?.toISOString() ?? null },
      after: { evidence: input.evidence, evidenceAt: at.toISOString() }, requestId,
    });
    return toItemDto(after);
  });
}
