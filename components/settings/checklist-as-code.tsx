"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { setManagedByCodeAction } from "@/lib/server/actions/settings-actions";
import type { ApplyResult } from "@/lib/server/checklist-file/apply-checklist";
import { buttonClass, FormError, useAction } from "../readiness/form";
import { ChecklistPlanView } from "./checklist-plan-view";

type ApiError = { message: string; status: number; issues?: { path: string; message: string; line?: number; column?: number }[] };

async function put(slug: string, file: { text: string; json: boolean }, opts: { dryRun: boolean; prune: boolean }): Promise<{ ok: true; result: ApplyResult } | { ok: false; error: ApiError }> {
  const q = new URLSearchParams({ ...(opts.dryRun ? { dryRun: "1" } : {}), ...(opts.prune ? { prune: "1" } : {}) });
  try {
    const res = await fetch(`/api/v1/projects/${encodeURIComponent(slug)}/checklist?${q}`, {
      method: "PUT", body: file.text, headers: { "content-type": file.json ? "application/json" : "application/yaml" },
    });
    const body = await res.json().catch(() => null);
    if (res.ok) return { ok: true, result: body as ApplyResult };
    return { ok: false, error: { status: res.status, message: body?.error?.message ?? `The server answered ${res.status}`, issues: body?.error?.details?.issues } };
  } catch {
    return { ok: false, error: { status: 0, message: "The server could not be reached. Try again." } };
  }
}

/** Settings → Checklist as code: download, upload → plan → apply (leads), and the "Managed by code" switch. */
export function ChecklistAsCode({ slug, canApply, managedByCode }: { slug: string; canApply: boolean; managedByCode: boolean }) {
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; text: string; json: boolean } | null>(null);
  const [prune, setPrune] = useState(false);
  const [plan, setPlan] = useState<ApplyResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<"plan" | "apply" | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const managed = useAction(setManagedByCodeAction);
  const [isManaged, setManaged] = useState(managedByCode);
  const base = `/api/v1/projects/${encodeURIComponent(slug)}/checklist`;

  async function planFor(f: { text: string; json: boolean }, withPrune: boolean) {
    setBusy("plan");
    setError(null);
    setPlan(null);
    const r = await put(slug, f, { dryRun: true, prune: withPrune });
    setBusy(null);
    if (r.ok) setPlan(r.result);
    else setError(r.error);
  }

  async function choose(e: React.ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    setDone(null);
    if (!f) return;
    const next = { name: f.name, text: await f.text(), json: /\.json$/i.test(f.name) };
    setFile(next);
    await planFor(next, prune);
  }

  async function apply() {
    if (!file) return;
    setBusy("apply");
    const r = await put(slug, file, { dryRun: false, prune });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    const p = r.result.plan;
    setDone(r.result.applied ? `Applied ${file.name}: ${p.create.length} created, ${p.update.length} updated, ${prune ? p.retire.length : 0} retired. Score ${r.result.score.after?.toFixed(1) ?? "—"} %.` : "Nothing to change: the project already matches the file.");
    setPlan(null);
    setFile(null);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-700">Download the checklist:</span>
        <a className={buttonClass.secondary} href={`${base}?format=yaml`} download>YAML</a>
        <a className={buttonClass.secondary} href={`${base}?format=json`} download>JSON</a>
        <a className={buttonClass.link} href="/api/v1/schema/checklist.json">JSON Schema</a>
      </div>
      {canApply ? (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor={inputId} className="text-sm font-medium text-slate-800">Upload a checklist file</label>
            <input id={inputId} type="file" accept=".yaml,.yml,.json,application/json,application/yaml" onChange={choose} className="text-sm" data-testid="checklist-upload" />
            <label className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={prune} onChange={(e) => { setPrune(e.target.checked); if (file) void planFor(file, e.target.checked); }} />
              Retire items the file leaves out
            </label>
          </div>
          {busy === "plan" && <p className="text-sm text-slate-600" role="status">Planning…</p>}
          {error && (
            <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="checklist-error">
              <p>{error.message}</p>
              {error.issues && error.issues.length > 1 && (
                <ul className="mt-1 list-inside list-disc">{error.issues.slice(1, 10).map((i, n) => <li key={n}>{i.path && `${i.path}: `}{i.message}{i.line ? ` (line ${i.line})` : ""}</li>)}</ul>
              )}
            </div>
          )}
          {plan && file && (
            <div className="rounded-md border border-slate-200 p-3">
              <h3 className="mb-2 text-sm font-semibold">Plan for {file.name}</h3>
              <ChecklistPlanView result={plan} />
              <div className="mt-3 flex gap-2">
                <button type="button" className={buttonClass.primary} onClick={apply} disabled={busy !== null}>{busy === "apply" ? "Applying…" : "Apply"}</button>
                <button type="button" className={buttonClass.secondary} onClick={() => { setPlan(null); setFile(null); }}>Cancel</button>
              </div>
            </div>
          )}
          {done && <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="checklist-applied">{done}</p>}
          <div className="border-t border-slate-200 pt-3">
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" role="switch" aria-checked={isManaged} checked={isManaged} disabled={managed.pending}
                onChange={async (e) => {
                  const on = e.target.checked;
                  setManaged(on);
                  if (!(await managed.run(slug, { managedByCode: on })).ok) setManaged(!on);
                }} className="mt-0.5" />
              <span><span className="font-medium">Managed by code</span>: item and category definitions change only by applying the file (the checklist page and the item API refuse edits with 409 <code>managed-by-code</code>). Status, evidence and owner stay editable.</span>
            </label>
            <div className="mt-2"><FormError error={managed.error} /></div>
          </div>
        </>
      ) : (
        <p className="text-sm text-slate-600">{managedByCode ? "Managed by code: definitions change only by applying the checklist file. " : ""}Leads apply checklist files.</p>
      )}
    </div>
  );
}
