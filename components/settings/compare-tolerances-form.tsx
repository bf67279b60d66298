"use client";

import { useState } from "react";
import type { CompareTolerances } from "@/lib/domain/compare/types";
import { updateCompareTolerancesAction } from "@/lib/server/actions/compare-actions";
import { ZCompareTolerances } from "@/lib/server/schemas/compare";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";

const FIELDS = [
  { key: "p95Percent", label: "P95 may grow by (%)", hint: "default 10" },
  { key: "errorRatePoints", label: "Error rate may grow by (points)", hint: "default 0.5" },
  { key: "throughputPercent", label: "Throughput may drop by (%)", hint: "default 10" },
] as const;

/** Leads: how far a run may move from its baseline before the comparison flags it. Others read. */
export function CompareTolerancesForm({ slug, tolerances, canEdit }: { slug: string; tolerances: CompareTolerances; canEdit: boolean }) {
  const [values, setValues] = useState<Record<keyof CompareTolerances, string>>(() => ({
    p95Percent: String(tolerances.p95Percent), errorRatePoints: String(tolerances.errorRatePoints), throughputPercent: String(tolerances.throughputPercent),
  }));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fields } = useAction(updateCompareTolerancesAction);
  const errs = { ...fields, ...local };

  if (!canEdit) {
    return (
      <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="compare-tolerances">
        {FIELDS.map((f) => (
          <div key={f.key}><dt className="text-slate-600">{f.label}</dt><dd className="font-semibold tabular-nums">{tolerances[f.key]}</dd></div>
        ))}
      </dl>
    );
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const raw = Object.fromEntries(FIELDS.map((f) => [f.key, values[f.key].trim() === "" ? Number.NaN : Number(values[f.key])]));
    const parsed = ZCompareTolerances.safeParse(raw);
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const i of parsed.error.issues) out[String(i.path[0] ?? "_")] ??= i.message;
      setLocal(out);
      return;
    }
    setLocal({});
    const res = await run(slug, parsed.data);
    if (res.ok) setSaved(true);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Comparison tolerances" className="space-y-3" data-testid="compare-tolerances">
      <div className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map((f) => (
          <Field key={f.key} label={f.label} htmlFor={`ct-${f.key}`} error={errs[f.key]} hint={f.hint}>
            <input id={`ct-${f.key}`} type="number" inputMode="decimal" step="any" min={0} className={inputClass} value={values[f.key]}
              onChange={(e) => { setValues((v) => ({ ...v, [f.key]: e.target.value })); setSaved(false); }}
              aria-invalid={!!errs[f.key]} aria-describedby={errs[f.key] ? `ct-${f.key}-error` : undefined} />
          </Field>
        ))}
      </div>
      <FormError error={error && error.status !== 422 ? error : null} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={pending}>{pending ? "Saving…" : "Save tolerances"}</button>
        {saved && !error && <p role="status" className="text-sm text-go">Saved.</p>}
      </div>
    </form>
  );
}
