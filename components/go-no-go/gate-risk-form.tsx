"use client";

import { useState } from "react";
import { acceptGateRiskAction } from "@/lib/server/actions/go-no-go-actions";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";

/** Leads: accept the risk of a failing gate, with a mitigation and an expiry date. */
export function GateRiskForm({ slug, gateId, gateLabel, today }: { slug: string; gateId: string; gateLabel: string; today: string }) {
  const [open, setOpen] = useState(false);
  const [mitigation, setMitigation] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const { run, pending, error, fields } = useAction(acceptGateRiskAction);
  const errs = { ...fields, ...local };
  const base = `risk-${gateId}`;

  if (!open) {
    return (
      <button type="button" className={`${buttonClass.secondary} no-print mt-2`} onClick={() => setOpen(true)} aria-label={`Accept risk: ${gateLabel}`}>
        Accept risk…
      </button>
    );
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (mitigation.trim().length < 3) next.mitigation = "Describe the mitigation (at least 3 characters).";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn)) next.expiresOn = "Choose the day the acceptance expires.";
    else if (expiresOn < today) next.expiresOn = "The expiry must be today or later.";
    setLocal(next);
    if (Object.keys(next).length) return;
    const res = await run(slug, { gateId, mitigation: mitigation.trim(), expiresOn });
    if (res.ok) setOpen(false);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Accept risk: ${gateLabel}`} className="no-print mt-2 space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <p className="text-xs text-amber-900">The gate will read “waived” until the expiry; the verdict is then at most CONDITIONAL GO.</p>
      <div className="grid gap-2 sm:grid-cols-[1fr_auto]">
        <Field label="Mitigation" htmlFor={`${base}-mitigation`} error={errs.mitigation}>
          <input id={`${base}-mitigation`} className={inputClass} value={mitigation} onChange={(e) => setMitigation(e.target.value)} maxLength={2000}
            aria-invalid={!!errs.mitigation} aria-describedby={errs.mitigation ? `${base}-mitigation-error` : undefined} />
        </Field>
        <Field label="Expires on" htmlFor={`${base}-expires`} error={errs.expiresOn}>
          <input id={`${base}-expires`} type="date" min={today} className={inputClass} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)}
            aria-invalid={!!errs.expiresOn} aria-describedby={errs.expiresOn ? `${base}-expires-error` : undefined} />
        </Field>
      </div>
      <FormError error={error && error.status !== 422 ? error : null} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending}>{pending ? "Saving…" : "Accept risk"}</button>
        <button type="button" className={buttonClass.secondary} onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}
