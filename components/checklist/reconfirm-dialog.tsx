"use client";

import { useState } from "react";
import { buttonClass, Field, FormError, inputClass, useAction } from "@/components/readiness/form";
import { Dialog } from "@/components/ui/dialog";
import { confirmEvidenceAction } from "@/lib/server/actions/checklist-actions";
import type { ChecklistItem } from "./checklist-types";

/** Re-confirming a DONE item: a new evidence entry dates it today, so its validity counts again. */
export function ReconfirmDialog({ item, slug, onClose, onSaved, onConflict }: {
  item: ChecklistItem;
  slug: string;
  onClose: () => void;
  onSaved: (item: ChecklistItem) => void;
  onConflict: (current: ChecklistItem | null, message: string) => void;
}) {
  const [evidence, setEvidence] = useState("");
  const [missing, setMissing] = useState(false);
  const { run, pending, error } = useAction(confirmEvidenceAction);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!evidence.trim()) {
      setMissing(true);
      return;
    }
    const res = await run(slug, { itemId: item.id, evidence: evidence.trim(), version: item.version });
    if (res.ok) onSaved(res.data);
    else if (res.error.status === 409) onConflict((res.error.details as { current?: ChecklistItem } | undefined)?.current ?? null, res.error.message);
  }

  const state = item.evidenceExpired ? `expired on ${item.evidenceExpiresOn}` : `expires on ${item.evidenceExpiresOn}`;
  return (
    <Dialog open onClose={onClose} title="Re-confirm evidence" description={item.title} size="md" testId="reconfirm-dialog">
      <form onSubmit={submit} noValidate className="space-y-4">
        <div className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          <p>The current evidence {state}{item.evidenceAt ? ` (given ${item.evidenceAt.slice(0, 10)})` : ""}:</p>
          <p className="mt-1 break-words font-medium">{item.evidence ?? "—"}</p>
        </div>
        <Field label="New evidence" htmlFor="reconfirm-evidence" error={missing ? "Evidence is required: a link or a note that shows it still holds." : undefined}
          hint="What shows it still holds today: a fresh scan, test run, review or dashboard link.">
          <textarea id="reconfirm-evidence" name="evidence" rows={4} value={evidence} autoFocus
            aria-invalid={missing || undefined} aria-describedby={missing ? "reconfirm-evidence-error" : undefined}
            onChange={(e) => { setEvidence(e.target.value); if (e.target.value.trim()) setMissing(false); }}
            className={inputClass} maxLength={5000} />
        </Field>
        {error?.status !== 409 && <FormError error={error} />}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass.secondary} onClick={onClose}>Cancel</button>
          <button type="submit" className={buttonClass.primary} disabled={pending}>{pending ? "Saving…" : "Re-confirm"}</button>
        </div>
      </form>
    </Dialog>
  );
}
