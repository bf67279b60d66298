"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ImportedRun, RunPreview } from "@/lib/server/runs/import-run";
import { RUN_KINDS } from "@/lib/server/schemas/run-import";
import { buttonClass, Field, inputClass } from "../readiness/form";
import { FileDrop } from "./file-drop";
import { RunPreviewCard } from "./run-preview";
import { formatSize, importUrl, uploadRun, type ApiError, type ImportOptionsInput } from "./upload-run";

type Phase = "idle" | "previewing" | "preview" | "saving" | "saved";

function ErrorBox({ error }: { error: ApiError }) {
  const d = (error.details && typeof error.details === "object" ? error.details : {}) as { file?: string | null; line?: number | null; reason?: string; runId?: string };
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="import-error">
      <p className="font-medium">{error.status === 409 ? "Already imported" : error.status === 413 ? "Too large" : error.status === 422 ? "This file cannot be imported" : "Import failed"}</p>
      {d.reason ? (
        <p className="mt-1 break-words">
          {d.file && <><span className="font-mono text-xs">{d.file}</span>{d.line ? <>, line {d.line}</> : null}: </>}
          {d.reason}
        </p>
      ) : (
        <p className="mt-1 break-words">{error.message}</p>
      )}
    </div>
  );
}

/**
 * Import panel: pick or drop the files of one run, preview what the server detects (a dry run,
 * nothing stored), then save. Uploads stream to the API with per-file progress.
 */
export interface SeriesChoice { slug: string; name: string; environment: string; launchEvidence: boolean }

const NEW_SERIES = "__new";

export function ImportPanel({ slug, maxBytes, series = [] }: { slug: string; maxBytes: number; series?: SeriesChoice[] }) {
  const router = useRouter();
  const [files, setFiles] = useState<File[]>([]);
  const [opts, setOpts] = useState<ImportOptionsInput>({ name: "", kind: "", users: "", series: "" });
  const [seriesChoice, setSeriesChoice] = useState("");
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState<number[] | null>(null);
  const [preview, setPreview] = useState<RunPreview | null>(null);
  const [saved, setSaved] = useState<ImportedRun | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const abort = useRef<AbortController | null>(null);
  const busy = phase === "previewing" || phase === "saving";
  const total = files.reduce((a, f) => a + f.size, 0);

  function reset(next: File[] = []) {
    setFiles(next);
    setPhase("idle");
    setPreview(null);
    setSaved(null);
    setError(null);
    setProgress(null);
  }

  async function send(dryRun: boolean) {
    if (total > maxBytes) {
      setError({ status: 413, code: "payload_too_large", message: `These files (${formatSize(total)}) are larger than the upload limit of ${formatSize(maxBytes)}.` });
      return;
    }
    setError(null);
    setPhase(dryRun ? "previewing" : "saving");
    setProgress(files.map(() => 0));
    abort.current = new AbortController();
    const res = await uploadRun<RunPreview | ImportedRun>(importUrl(slug, opts, dryRun), files, setProgress, abort.current.signal);
    abort.current = null;
    if (!res.ok) {
      setError(res.error);
      setProgress(null);
      setPhase(preview ? "preview" : "idle");
      return;
    }
    if (dryRun) {
      setPreview(res.body as RunPreview);
      setPhase("preview");
    } else {
      setSaved(res.body as ImportedRun);
      setPhase("saved");
      router.refresh();
    }
    setProgress(null);
  }

  const set = (k: keyof ImportOptionsInput) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setOpts((o) => ({ ...o, [k]: e.target.value }));
  };

  if (phase === "saved" && saved) {
    return (
      <div className="space-y-3" data-testid="import-success">
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          Imported “{saved.name}” into the series “{saved.series.name}”{saved.series.launchEvidence ? " (launch evidence)" : ""}: {saved.requests.toLocaleString("en-US")} requests{saved.steps.length ? `, ${saved.steps.length} capacity levels` : ""}.{" "}
          <Link href={`/projects/${slug}/runs/${saved.id}`} className="font-medium underline">Open the run</Link>
          {" · "}
          <Link href={`/projects/${slug}/capacity`} className="font-medium underline">See capacity</Link>
        </p>
        {saved.blockers.length > 0 && (
          <ul className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="import-blockers">
            {saved.blockers.map((b) => (
              <li key={`${b.itemId}-${b.change}`}>
                {b.change === "opened" ? "Opened the P1 item" : b.change === "resolved" ? "Resolved the item" : "Failed again:"} “{b.title}”
              </li>
            ))}
            <li><Link href={`/projects/${slug}/checklist?priority=P1`} className="font-medium underline">See the checklist</Link></li>
          </ul>
        )}
        <button type="button" className={buttonClass.secondary} onClick={() => reset()}>Import another run</button>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <FileDrop files={files} onChange={(f) => reset(f)} progress={busy ? progress : null} disabled={busy} />
      {files.length > 1 && <p className="text-xs text-slate-600">{files.length} files ({formatSize(total)}) will be imported as one run.</p>}

      <fieldset disabled={busy} className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <legend className="sr-only">Optional details</legend>
        <Field label="Name (optional)" htmlFor="import-name" hint={preview ? `Detected: ${preview.name}` : "Default: from the file"}>
          <input id="import-name" className={inputClass} value={opts.name} onChange={set("name")} maxLength={200} />
        </Field>
        <Field label="Kind (optional)" htmlFor="import-kind" hint={preview && !opts.kind ? `Detected: ${preview.kind}` : "Default: STRESS when stepped, else LOAD"}>
          <select id="import-kind" className={inputClass} value={opts.kind} onChange={set("kind")}>
            <option value="">Detect</option>
            {RUN_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </Field>
        <Field label="Users (optional)" htmlFor="import-users" hint={preview ? `Detected: ${preview.users ?? "none"}` : "Default: from the file"}>
          <input id="import-users" className={inputClass} inputMode="numeric" pattern="[0-9]*" value={opts.users} onChange={set("users")} />
        </Field>
        <Field label="Series" htmlFor="import-series" className={seriesChoice === NEW_SERIES ? "" : "sm:col-span-3"}
          hint={preview ? `Goes to: ${preview.series.name}${preview.series.launchEvidence ? " (launch evidence)" : " (not launch evidence)"}${preview.seriesExists ? "" : ", created on save"}` : "Only launch-evidence series feed capacity and the verdict"}>
          <select id="import-series" className={inputClass} value={seriesChoice}
            onChange={(e) => { setSeriesChoice(e.target.value); setOpts((o) => ({ ...o, series: e.target.value === NEW_SERIES ? "" : e.target.value })); }}>
            <option value="">Automatic: the tool&apos;s test name, else Default</option>
            {series.map((s) => <option key={s.slug} value={s.slug}>{s.name} — {s.environment}{s.launchEvidence ? " · launch evidence" : ""}</option>)}
            <option value={NEW_SERIES}>New series…</option>
          </select>
        </Field>
        {seriesChoice === NEW_SERIES && (
          <Field label="New series slug" htmlFor="import-series-new" className="sm:col-span-2" hint="Lowercase letters, digits and dashes; a lead marks it launch evidence in Settings">
            <input id="import-series-new" className={inputClass} value={opts.series} onChange={set("series")} maxLength={64} placeholder="checkout-staging" />
          </Field>
        )}
      </fieldset>

      {error && <ErrorBox error={error} />}
      {preview && <RunPreviewCard preview={preview} />}

      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={preview ? buttonClass.secondary : buttonClass.primary} disabled={files.length === 0 || busy} onClick={() => send(true)}>
          {phase === "previewing" ? "Reading…" : preview ? "Preview again" : "Preview"}
        </button>
        <button type="button" className={buttonClass.primary} disabled={!preview || Boolean(preview.duplicateOf) || busy} onClick={() => send(false)}>
          {phase === "saving" ? "Saving…" : "Save run"}
        </button>
        {busy && <button type="button" className={buttonClass.link} onClick={() => abort.current?.abort()}>Cancel</button>}
        <span className="text-xs text-slate-500" aria-live="polite">
          {busy ? (phase === "previewing" ? "Uploading for a preview (nothing is stored)…" : "Uploading and saving…") : ""}
        </span>
      </div>
    </div>
  );
}
