"use client";

import { useState } from "react";
import { updateRunBlockerSettingsAction } from "@/lib/server/actions/series-actions";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";

/** "Runs open and close blockers": on/off and the estimate of the items a run opens (leads). */
export function RunBlockersForm({ slug, enabled, estimateHours, canEdit }: { slug: string; enabled: boolean; estimateHours: number; canEdit: boolean }) {
  const [on, setOn] = useState(enabled);
  const [hours, setHours] = useState(String(estimateHours));
  const save = useAction(updateRunBlockerSettingsAction);
  if (!canEdit) {
    return <p className="text-sm text-slate-700" data-testid="run-blockers-summary">{enabled ? `On: failing launch-evidence runs open P1 items of ${estimateHours} h.` : "Off: runs open and close no items."}</p>;
  }
  const h = Number(hours);
  const invalid = hours.trim() === "" || !Number.isFinite(h) || h <= 0 || h > 1000 ? "The estimate must be above 0 and at most 1000 h." : null;
  return (
    <form className="flex flex-wrap items-end gap-3" aria-label="Runs open and close blockers" noValidate
      onSubmit={(e) => { e.preventDefault(); if (!invalid) void save.run(slug, { enabled: on, estimateHours: h }); }}>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-800">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} />
        Runs open and close blockers
      </label>
      <Field label="Estimate of each opened item (h)" htmlFor="run-blockers-hours" error={invalid ?? undefined} className="w-56">
        <input id="run-blockers-hours" type="number" min={0.5} step="0.5" className={inputClass} value={hours} onChange={(e) => setHours(e.target.value)} aria-invalid={!!invalid} />
      </Field>
      <button type="submit" className={buttonClass.primary} disabled={!!invalid || save.pending || (on === enabled && h === estimateHours)}>Save</button>
      <div className="w-full"><FormError error={save.error} /></div>
    </form>
  );
}
