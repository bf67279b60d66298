"use client";

import { useState } from "react";
import { updateProjectSettingsAction } from "@/lib/server/actions/settings-actions";
import { WEEKDAYS, ZProjectSettings, type TProjectSettings } from "@/lib/server/schemas/project";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";

type Values = Record<Exclude<keyof TProjectSettings, "workingDays" | "version">, string>;

const NUMBER_FIELDS = [
  "expectedProductionUsers", "requiredHeadroom", "teamHoursPerDay", "greenP95Ms", "yellowP95Ms", "redP95Ms",
  "greenErrorRatePercent", "yellowErrorRatePercent", "redErrorRatePercent", "goThresholdPercent", "conditionalThresholdPercent",
  "confidenceMinRunSeconds", "confidenceMinRequests",
] as const;

export type SettingsFormValue = Omit<TProjectSettings, "workingDays"> & { workingDays: string[] };

function toValues(s: SettingsFormValue): Values {
  const v = {} as Values;
  for (const k of NUMBER_FIELDS) v[k] = String(s[k]);
  v.name = s.name;
  v.description = s.description ?? "";
  v.targetLaunchDate = s.targetLaunchDate ?? "";
  return v;
}

/** Leads: settings and thresholds, validated here and again on the server; a stale form gets a 409. */
export function ProjectSettingsForm({ slug, settings }: { slug: string; settings: SettingsFormValue }) {
  const [values, setValues] = useState<Values>(() => toValues(settings));
  const [days, setDays] = useState<string[]>(settings.workingDays);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fields } = useAction(updateProjectSettingsAction);
  const errs = { ...fields, ...local };

  const set = (k: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setValues((v) => ({ ...v, [k]: e.target.value }));
    setSaved(false);
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const raw: Record<string, unknown> = { version: settings.version, name: values.name, description: values.description.trim() || null, workingDays: WEEKDAYS.filter((d) => days.includes(d)), targetLaunchDate: values.targetLaunchDate || null };
    for (const k of NUMBER_FIELDS) raw[k] = values[k].trim() === "" ? Number.NaN : Number(values[k]);
    const parsed = ZProjectSettings.safeParse(raw);
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

  const num = (k: (typeof NUMBER_FIELDS)[number], label: string, opts: { step?: string; hint?: string; unit?: string } = {}) => (
    <Field label={label} htmlFor={`ps-${k}`} error={errs[k]} hint={opts.hint}>
      <input id={`ps-${k}`} type="number" inputMode="decimal" step={opts.step ?? "any"} className={inputClass} value={values[k]} onChange={set(k)}
        aria-invalid={!!errs[k]} aria-describedby={errs[k] ? `ps-${k}-error` : undefined} />
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Project settings" className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" htmlFor="ps-name" error={errs.name}>
          <input id="ps-name" className={inputClass} value={values.name} onChange={set("name")} aria-invalid={!!errs.name} aria-describedby={errs.name ? "ps-name-error" : undefined} />
        </Field>
        <Field label="Target launch date" htmlFor="ps-targetLaunchDate" error={errs.targetLaunchDate} hint="optional: draws the ideal burndown line">
          <input id="ps-targetLaunchDate" type="date" className={inputClass} value={values.targetLaunchDate} onChange={set("targetLaunchDate")} aria-invalid={!!errs.targetLaunchDate} />
        </Field>
        <Field label="Description" htmlFor="ps-description" error={errs.description} className="sm:col-span-2">
          <textarea id="ps-description" rows={2} className={inputClass} value={values.description} onChange={set("description")} />
        </Field>
      </div>

      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Load and team</legend>
        {num("expectedProductionUsers", "Expected production users", { step: "1" })}
        {num("requiredHeadroom", "Required headroom (×)", { step: "0.1", hint: "capacity needed = headroom × expected users" })}
        {num("teamHoursPerDay", "Team hours per working day", { step: "0.5" })}
        <div className="sm:col-span-3">
          <p className="text-sm font-medium text-slate-700" id="ps-days-label">Working days</p>
          <div className="mt-1 flex flex-wrap gap-3" role="group" aria-labelledby="ps-days-label">
            {WEEKDAYS.map((d) => (
              <label key={d} className="inline-flex items-center gap-1.5 text-sm">
                <input type="checkbox" checked={days.includes(d)} onChange={(e) => { setDays((cur) => (e.target.checked ? [...cur, d] : cur.filter((x) => x !== d))); setSaved(false); }} />
                {d}
              </label>
            ))}
          </div>
          {errs.workingDays && <p className="mt-1 text-xs text-red-700">{errs.workingDays}</p>}
        </div>
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Capacity zones (a run is in a zone when below both bounds; green &lt; yellow &lt; red)</legend>
        {num("greenP95Ms", "Green P95 below (ms)")}
        {num("yellowP95Ms", "Yellow P95 below (ms)")}
        {num("redP95Ms", "Red P95 below (ms)")}
        {num("greenErrorRatePercent", "Green errors below (%)")}
        {num("yellowErrorRatePercent", "Yellow errors below (%)")}
        {num("redErrorRatePercent", "Red errors below (%)")}
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Verdict thresholds (conditional ≤ GO)</legend>
        {num("goThresholdPercent", "Score for GO (%)")}
        {num("conditionalThresholdPercent", "Score for CONDITIONAL GO (%)")}
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Measurement confidence (at the decisive level: the safe-capacity level)</legend>
        {num("confidenceMinRunSeconds", "Minimum duration (s)", { step: "1", hint: "shorter measurements make the confidence low (default 300 = 5 min)" })}
        {num("confidenceMinRequests", "Minimum requests", { step: "1", hint: "fewer requests make the confidence low (default 1,000)" })}
      </fieldset>

      <FormError error={error && error.status !== 422 ? error : null} />
      {error?.status === 409 && (
        <button type="button" className={buttonClass.link} onClick={() => window.location.reload()}>Reload the current settings</button>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={pending}>{pending ? "Saving…" : "Save settings"}</button>
        {saved && !error && <p role="status" className="text-sm text-go">Saved.</p>}
        {Object.keys(errs).length > 0 && <p className="text-sm text-red-700">Fix the fields marked above.</p>}
      </div>
    </form>
  );
}
