"use client";

import { useState } from "react";
import { buttonClass, Field, FormError, inputClass, useAction } from "@/components/readiness/form";
import { Dialog } from "@/components/ui/dialog";
import { addDays } from "@/lib/domain/calendar";
import { canAcceptRisk, isAcceptanceCurrent } from "@/lib/domain/view/checklist-format";
import { acceptItemRiskAction, revokeItemRiskAction } from "@/lib/server/actions/checklist-actions";
import type { ChecklistItem } from "./checklist-types";

/**
 * Leads: accept an open P1 item as a risk (mitigation + expiry). It stays open and counts as not
 * done, stops blocking until the expiry, and holds the verdict to CONDITIONAL GO at best.
 */
export function RiskDialog({ item, slug, today, onClose, onSaved }: {
  item: ChecklistItem; slug: string; today: string; onClose: () => void; onSaved: (message: string) => void;
}) {
  const [mitigation, setMitigation] = useState("");
  const [expiresOn, setExpiresOn] = useState(addDays(today, 14));
  const [local, setLocal] = useState<Record<string, string>>({});
  const accept = useAction(acceptItemRiskAction);
  const revoke = useAction(revokeItemRiskAction);
  const ra = item.riskAcceptance;
  const errors = { ...accept.fields, ...local };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (mitigation.trim().length < 3) next.mitigation = "Describe the mitigation (at least 3 characters).";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn)) next.expiresOn = "Choose the last day the acceptance holds.";
    else if (expiresOn < today) next.expiresOn = "The expiry must be today or later.";
    setLocal(next);
    if (Object.keys(next).length) return;
    const res = await accept.run(slug, { itemId: item.id, mitigation: mitigation.trim(), expiresOn });
    if (res.ok) onSaved(`Risk accepted for "${item.title}" until ${expiresOn}.`);
  }

  async function withdraw() {
    if (!ra) return;
    const res = await revoke.run(slug, { acceptanceId: ra.id });
    if (res.ok) onSaved(`Risk acceptance of "${item.title}" withdrawn; it blocks again.`);
  }

  return (
    <Dialog open onClose={onClose} title="Accept as a risk" description={item.title} size="md" testId="risk-dialog">
      <div className="space-y-4">
        {ra && (
          <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
            <p className="font-medium">
              {isAcceptanceCurrent(ra, today) ? `Accepted until ${ra.expiresOn}` : `Expired on ${ra.expiresOn}: it blocks again`}
              {ra.acceptedBy ? ` by ${ra.acceptedBy}` : ""}
            </p>
            <p className="mt-1 break-words">Mitigation: {ra.mitigation}</p>
            <button type="button" className={`${buttonClass.secondary} mt-2`} onClick={withdraw} disabled={revoke.pending}>
              {revoke.pending ? "Withdrawing…" : "Withdraw acceptance"}
            </button>
            <FormError error={revoke.error} />
          </div>
        )}
        {canAcceptRisk(item) ? (
          <form onSubmit={submit} noValidate className="space-y-4">
            <p className="text-sm text-slate-600">
              The item stays open and counts as not done. Until the expiry it no longer blocks, and the verdict is at best
              CONDITIONAL GO.{ra ? " A new acceptance replaces the current one." : ""}
            </p>
            <Field label="Mitigation" htmlFor="risk-mitigation" error={errors.mitigation}>
              <textarea id="risk-mitigation" rows={3} value={mitigation} onChange={(e) => setMitigation(e.target.value)} maxLength={2000}
                aria-invalid={errors.mitigation ? true : undefined} aria-describedby={errors.mitigation ? "risk-mitigation-error" : undefined}
                className={inputClass} autoFocus />
            </Field>
            <Field label="Expires on" htmlFor="risk-expiresOn" error={errors.expiresOn} hint="The last day the acceptance holds">
              <input id="risk-expiresOn" type="date" min={today} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)}
                aria-invalid={errors.expiresOn ? true : undefined} aria-describedby={errors.expiresOn ? "risk-expiresOn-error" : undefined}
                className={inputClass} />
            </Field>
            <FormError error={accept.error} />
            <div className="flex justify-end gap-2">
              <button type="button" className={buttonClass.secondary} onClick={onClose}>Cancel</button>
              <button type="submit" className={buttonClass.primary} disabled={accept.pending}>{accept.pending ? "Saving…" : "Accept risk"}</button>
            </div>
          </form>
        ) : (
          <div className="flex justify-end">
            <button type="button" className={buttonClass.secondary} onClick={onClose}>Close</button>
          </div>
        )}
      </div>
    </Dialog>
  );
}
