"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { confirmEvidence } from "../evidence/confirm-evidence";
import { ZEvidenceConfirm } from "../evidence/schemas";
import { acceptItemRisk, revokeRisk } from "../items/accept-risk";
import { bulkUpdateItems, ZBulkUpdate } from "../items/bulk-update-items";
import { createItem, deleteItem } from "../items/create-item";
import { updateItem } from "../items/update-item";
import { todayUtc } from "../readiness/load-readiness-input";
import { ZItemCreate, ZItemPatch, ZRiskAcceptance } from "../schemas/item";
import { projectAction, type ActionResult } from "./project-action";

const id = z.string().min(1).max(64);

const update = projectAction(
  { name: "updateItem", role: "ENGINEER", schema: z.object({ itemId: id, patch: ZItemPatch }).strict() },
  (access, input, requestId) => updateItem(access, input.itemId, input.patch, requestId),
);
const create = projectAction({ name: "createItem", role: "LEAD", schema: ZItemCreate }, (access, input, requestId) => createItem(access, input, requestId));
const remove = projectAction(
  { name: "deleteItem", role: "LEAD", schema: z.object({ itemId: id, version: z.number().int().min(1) }).strict() },
  async (access, input, requestId) => {
    await deleteItem(access, input.itemId, input.version, requestId);
    return { deleted: input.itemId };
  },
);
const bulk = projectAction({ name: "bulkUpdateItems", role: "LEAD", schema: ZBulkUpdate }, (access, input, requestId) => bulkUpdateItems(access, input, requestId));
const accept = projectAction(
  { name: "acceptItemRisk", role: "LEAD", schema: ZRiskAcceptance.extend({ itemId: id }).strict() },
  (access, { itemId, ...input }, requestId) => acceptItemRisk(access, itemId, input, todayUtc(), requestId),
);
const revoke = projectAction(
  { name: "revokeItemRisk", role: "LEAD", schema: z.object({ acceptanceId: id }).strict() },
  async (access, input, requestId) => {
    await revokeRisk(access, input.acceptanceId, requestId);
    return { revoked: input.acceptanceId };
  },
);

const confirm = projectAction(
  { name: "confirmEvidence", role: "ENGINEER", schema: ZEvidenceConfirm.extend({ itemId: id }).strict() },
  (access, { itemId, ...input }, requestId) => confirmEvidence(access, itemId, input, requestId),
);

/** Every page of the project shows figures the checklist feeds (score, blockers, dates). */
function refreshProject<T>(slug: string, res: ActionResult<T>): ActionResult<T> {
  if (res.ok) revalidatePath(`/projects/${slug}`, "layout");
  return res;
}

/** Engineers: status and evidence; leads: any field. Stale `version` → 409 with `details.current`. */
export async function updateItemAction(slug: string, raw: unknown) {
  return refreshProject(slug, await update(slug, raw));
}

/** Leads: add an item. */
export async function createItemAction(slug: string, raw: unknown) {
  return refreshProject(slug, await create(slug, raw));
}

/** Leads: delete an item at the version they saw. */
export async function deleteItemAction(slug: string, raw: unknown) {
  return refreshProject(slug, await remove(slug, raw));
}

/** Leads: change priority, category or owner of the selected items. */
export async function bulkUpdateItemsAction(slug: string, raw: unknown) {
  return refreshProject(slug, await bulk(slug, raw));
}

/** Leads: accept an open P1 item as a risk, with mitigation and expiry. */
export async function acceptItemRiskAction(slug: string, raw: unknown) {
  return refreshProject(slug, await accept(slug, raw));
}

/** Leads: withdraw an item's risk acceptance (it blocks again). */
export async function revokeItemRiskAction(slug: string, raw: unknown) {
  return refreshProject(slug, await revoke(slug, raw));
}

/** Engineers: re-confirm a DONE item with new evidence (its validity counts again from today). */
export async function confirmEvidenceAction(slug: string, raw: unknown) {
  return refreshProject(slug, await confirm(slug, raw));
}
