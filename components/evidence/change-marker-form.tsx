"use client";

import { useState } from "react";
import { buttonClass, Field, FormError, inputClass, useAction } from "@/components/readiness/form";
import { createChangeMarkerAction } from "@/lib/server/actions/change-marker-actions";

/** Engineers: record a deploy or config change; the time defaults to now (entered in UTC). */
export function ChangeMarkerForm({ slug }: { slug: string }) {
  const [label, setLabel] = useState("");
  const [kind, setKind] = useState<"deploy" | "config">("deploy");
  const [version, setVersion] = useState("");
  const [at, setAt] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const { run, pending, error, fields } = useAction(createChangeMarkerAction);
  const [missing, setMissing] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(null);
    if (!label.trim()) return setMissing(true);
    setMissing(false);
    const res = await run(slug, { label: label.trim(), kind, ...(version.trim() ? { version: version.trim() } : {}), ...(at ? { at: `${at}:00Z` } : {}) });
    if (res.ok) {
      setSaved(`Recorded “${res.data.label}” at ${res.data.at.slice(0, 16).replace("T", " ")} UTC.`);
      setLabel(""); setVersion(""); setAt("");
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Record a change" className="space-y-3 border-t border-slate-200 pt-3">
      <div className="grid gap-3 sm:grid-cols-4">
        <Field label="Change" htmlFor="cm-label" error={missing ? "Describe the change, e.g. “Deploy API 2.4”." : fields.label} className="sm:col-span-2">
          <input id="cm-label" className={inputClass} value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} aria-invalid={missing || !!fields.label} />
        </Field>
        <Field label="Kind" htmlFor="cm-kind">
          <select id="cm-kind" className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as "deploy" | "config")}>
            <option value="deploy">Deploy</option>
            <option value="config">Config change</option>
          </select>
        </Field>
        <Field label="Version" htmlFor="cm-version" error={fields.version} hint="optional">
          <input id="cm-version" className={inputClass} value={version} maxLength={100} onChange={(e) => setVersion(e.target.value)} />
        </Field>
        <Field label="When (UTC)" htmlFor="cm-at" error={fields.at} hint="empty = now" className="sm:col-span-2">
          <input id="cm-at" type="datetime-local" className={inputClass} value={at} onChange={(e) => setAt(e.target.value)} />
        </Field>
      </div>
      <FormError error={error && error.status !== 422 ? error : error && !fields.label && !fields.version && !fields.at ? error : null} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={pending}>{pending ? "Saving…" : "Record change"}</button>
        {saved && <p role="status" className="text-sm text-go">{saved}</p>}
      </div>
    </form>
  );
}
