"use client";

import { buttonClass, FormError, useAction } from "@/components/readiness/form";
import { Dialog } from "@/components/ui/dialog";
import { deleteItemAction } from "@/lib/server/actions/checklist-actions";
import { ConflictNotice } from "./item-conflict";
import type { ChecklistItem } from "./checklist-types";

/** Leads: confirm deleting an item, at the version shown (a changed item is not deleted blind). */
export function DeleteItemDialog({ item, slug, onClose, onDeleted }: {
  item: ChecklistItem; slug: string; onClose: () => void; onDeleted: (item: ChecklistItem) => void;
}) {
  const { run, pending, error } = useAction(deleteItemAction);
  const current = error?.status === 409 ? ((error.details as { current?: ChecklistItem } | undefined)?.current ?? null) : null;

  async function confirm() {
    const res = await run(slug, { itemId: item.id, version: item.version });
    if (res.ok) onDeleted(item);
  }

  return (
    <Dialog open onClose={onClose} title="Delete item?" size="sm" testId="delete-dialog">
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          <span className="font-medium text-slate-900">{item.title}</span> will be removed from the checklist. Its history stays in the
          audit log and the burndown.
        </p>
        {error?.status === 409 ? (
          <ConflictNotice current={current} />
        ) : (
          <FormError error={error} />
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass.secondary} onClick={onClose} autoFocus>Cancel</button>
          {error?.status !== 409 && (
            <button type="button" className={buttonClass.danger} onClick={confirm} disabled={pending}>{pending ? "Deleting…" : "Delete"}</button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
