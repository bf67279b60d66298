"use client";

import { buttonClass } from "@/components/readiness/form";
import { Dialog } from "@/components/ui/dialog";
import { DeleteItemDialog } from "./delete-item-dialog";
import { EvidenceDialog } from "./evidence-dialog";
import { ReconfirmDialog } from "./reconfirm-dialog";
import { ConflictNotice } from "./item-conflict";
import { ItemFormDialog } from "./item-form-dialog";
import { RiskDialog } from "./risk-dialog";
import type { CategoryOption, ChecklistItem } from "./checklist-types";

export type DialogState =
  | null
  | { kind: "create" }
  | { kind: "edit"; item: ChecklistItem }
  | { kind: "done"; item: ChecklistItem }
  | { kind: "reconfirm"; item: ChecklistItem }
  | { kind: "delete"; item: ChecklistItem }
  | { kind: "risk"; item: ChecklistItem }
  | { kind: "conflict"; current: ChecklistItem | null; message: string };

/** The one open dialog of the checklist, if any. */
export function ChecklistDialogs({ dialog, onClose, onSaved, onConflict, onConflictClosed, slug, today, categories }: {
  dialog: DialogState;
  onClose: () => void;
  onSaved: (message: string, removedId?: string) => void;
  onConflict: (current: ChecklistItem | null, message: string) => void;
  /** After a conflict: close and reload the rows with the current values. */
  onConflictClosed: () => void;
  slug: string;
  today: string;
  categories: CategoryOption[];
}) {
  if (!dialog) return null;
  switch (dialog.kind) {
    case "create":
    case "edit":
      return (
        <ItemFormDialog item={dialog.kind === "edit" ? dialog.item : null} slug={slug} categories={categories} onClose={onClose}
          onSaved={(item, created) => onSaved(created ? `Created "${item.title}".` : `Saved "${item.title}".`)} />
      );
    case "done":
      return (
        <EvidenceDialog item={dialog.item} slug={slug} onClose={onClose} onConflict={onConflict}
          onSaved={(item) => onSaved(`"${item.title}" is done.`)} />
      );
    case "reconfirm":
      return (
        <ReconfirmDialog item={dialog.item} slug={slug} onClose={onClose} onConflict={onConflict}
          onSaved={(item) => onSaved(`Evidence of "${item.title}" re-confirmed${item.evidenceExpiresOn ? `: current until it expires on ${item.evidenceExpiresOn}` : ""}.`)} />
      );
    case "delete":
      return <DeleteItemDialog item={dialog.item} slug={slug} onClose={onClose} onDeleted={(item) => onSaved(`Deleted "${item.title}".`, item.id)} />;
    case "risk":
      return <RiskDialog item={dialog.item} slug={slug} today={today} onClose={onClose} onSaved={(message) => onSaved(message)} />;
    case "conflict":
      return (
        <Dialog open onClose={onConflictClosed} title="Not saved" size="md" testId="conflict-dialog">
          <div className="space-y-4">
            <ConflictNotice current={dialog.current} />
            <div className="flex justify-end">
              <button type="button" className={buttonClass.primary} onClick={onConflictClosed}>Show current values</button>
            </div>
          </div>
        </Dialog>
      );
  }
}
