"use client";

import { useState } from "react";
import { buttonClass, Field, FormError, inputClass, useAction } from "@/components/readiness/form";
import { Dialog } from "@/components/ui/dialog";
import { updateItemAction } from "@/lib/server/actions/checklist-actions";
import type { ChecklistItem } from "./checklist-types";

/** Marking an item DONE: the evidence (a link or a note) is required, as the server also insists. */
export function EvidenceDialog({ item, slug, onClose, onSaved, onConflict }: {
  item: ChecklistItem;
  slug: string;
  onClose: () => void;
  onSaved: (item: ChecklistItem) => void;
  onConflict: (current: ChecklistItem | null, message: string) => void;
}) {
  const [evidence, setEvidence] = useState(item.evidence ?? "");
  const [missing, setMissing] = useState(false);
  const { run, pending, error } = useAction(updateItemAction);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!evidence.trim()) {
      setMissing(true);
      return;
    }
    const res = await run(slug, { itemId: item.id, patch: { status: "DONE", evidence: evidence.trim(), version: item.version } });
    if (res.ok) onSaved(res.data);
    else if (res.error.status === 409) onConflict((res.error.details as { current?: ChecklistItem } | undefined)?.current ?? null, res.error.message);
  }

  return (
    <Dialog open onClose={onClose} title="Mark as done" description={item.title} size="md" testId="evidence-dialog">
      <form onSubmit={submit} noValidate className="space-y-4">
        <Field label="Evidence" htmlFor="evidence" error={missing ? "Evidence is required to mark an item done: a link or a short note." : undefined}
          hint="A link to the PR, dashboard, runbook or test run, or a short note of what proves it is done.">
          <textarea id="evidence" name="evidence" rows={4} value={evidence} autoFocus
            aria-invalid={missing || undefined} aria-describedby={missing ? "evidence-error" : undefined}
            onChange={(e) => { setEvidence(e.target.value); if (e.target.value.trim()) setMissing(false); }}
            className={inputClass} maxLength={5000} />
        </Field>
        {error?.status !== 409 && <FormError error={error} />}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass.secondary} onClick={onClose}>Cancel</button>
          <button type="submit" className={buttonClass.primary} disabled={pending}>{pending ? "Saving…" : "Mark done"}</button>
        </div>
      </form>
    </Dialog>
  );
}
