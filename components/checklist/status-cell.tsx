"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ITEM_STATUSES } from "@/lib/domain/view/checklist-query";
import { STATUS_LABELS } from "@/lib/domain/view/checklist-format";
import type { ItemStatus } from "@/lib/domain";
import { updateItemAction } from "@/lib/server/actions/checklist-actions";
import { StatusBadge, STATUS_STYLE } from "./checklist-badges";
import type { ChecklistItem, ChecklistMeta } from "./checklist-types";

/**
 * The status of one item: a badge for viewers, an inline select for engineers and leads. Choosing
 * DONE asks for evidence first (in a dialog); any other status is saved at once, at the version
 * shown, so a change made meanwhile by someone else is reported, never overwritten.
 */
export function StatusCell({ item, meta }: { item: ChecklistItem; meta: ChecklistMeta }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useState<ItemStatus | null>(null);
  if (!meta.caps.canChangeStatus) return <StatusBadge status={item.status} />;
  const value = pending && shown ? shown : item.status;

  function change(next: ItemStatus) {
    if (next === item.status) return;
    if (next === "DONE") {
      meta.requestDone(item);
      return;
    }
    setShown(next);
    startTransition(async () => {
      try {
        const res = await updateItemAction(meta.slug, { itemId: item.id, patch: { status: next, version: item.version } });
        if (res.ok) {
          meta.notify(`"${item.title}" is now ${STATUS_LABELS[next].toLowerCase()}.`);
          router.refresh();
        } else if (res.error.status === 409) {
          meta.conflict((res.error.details as { current?: ChecklistItem } | undefined)?.current ?? null, res.error.message);
        } else {
          meta.notify(res.error.message, "error");
        }
      } catch {
        meta.notify("The server could not be reached. Try again.", "error");
      }
    });
  }

  return (
    <select
      aria-label={`Status of "${item.title}"`}
      value={value}
      disabled={pending}
      onChange={(e) => change(e.target.value as ItemStatus)}
      className={`rounded border py-0.5 pl-1.5 pr-6 text-xs font-medium disabled:opacity-60 ${STATUS_STYLE[value]}`}
    >
      {ITEM_STATUSES.map((s) => (
        <option key={s} value={s}>{STATUS_LABELS[s]}</option>
      ))}
    </select>
  );
}
