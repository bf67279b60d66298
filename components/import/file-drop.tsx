"use client";

import { useId, useRef, useState } from "react";
import { formatSize } from "./upload-run";

/**
 * Drop zone plus a real file input (keyboard: Tab to "Choose files", Enter/Space opens the
 * picker). Several files at once; each row shows its upload progress when one is given.
 */
export function FileDrop({ files, onChange, progress, disabled }: {
  files: File[]; onChange: (files: File[]) => void; progress: number[] | null; disabled: boolean;
}) {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function add(list: FileList | null) {
    if (!list || list.length === 0) return;
    const byName = new Map(files.map((f) => [f.name, f]));
    for (const f of Array.from(list)) byName.set(f.name, f);
    onChange([...byName.values()]);
  }

  return (
    <div>
      <div
        onDragOver={(e) => { e.preventDefault(); if (!disabled) setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); if (!disabled) add(e.dataTransfer.files); }}
        data-testid="drop-zone"
        className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors ${over ? "border-blue-500 bg-blue-50" : "border-slate-300 bg-slate-50"}`}
      >
        <p className="text-sm text-slate-700">Drop result files here, or</p>
        <label htmlFor={inputId}
          className={`inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-100 focus-within:ring-2 focus-within:ring-blue-500 ${disabled ? "pointer-events-none opacity-60" : ""}`}>
          Choose files
          <input ref={input} id={inputId} type="file" multiple disabled={disabled} aria-describedby={hintId} className="sr-only"
            onChange={(e) => { add(e.target.files); e.target.value = ""; }} />
        </label>
        <p id={hintId} className="max-w-prose text-xs text-slate-500">
          Locust CSV (stats, stats_history, failures — several files of one run together), k6 JSON or NDJSON, JMeter JTL, Gatling simulation.log or stats.json, Artillery JSON.
        </p>
      </div>

      {files.length > 0 && (
        <ul className="mt-3 divide-y divide-slate-100 rounded-md border border-slate-200 bg-white" aria-label="Selected files">
          {files.map((f, i) => {
            const pct = progress ? Math.round((progress[i] ?? 0) * 100) : null;
            return (
              <li key={f.name} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <span className="min-w-0 flex-1 basis-48 break-all font-medium text-slate-800">{f.name}</span>
                <span className="shrink-0 tabular-nums text-slate-500">{formatSize(f.size)}</span>
                {pct !== null ? (
                  <span className="flex w-full items-center gap-2 sm:w-44">
                    <progress max={100} value={pct} aria-label={`Upload of ${f.name}`} className="h-2 w-full overflow-hidden rounded accent-blue-600" />
                    <span className="w-9 shrink-0 text-right text-xs tabular-nums text-slate-600">{pct}%</span>
                  </span>
                ) : (
                  <button type="button" disabled={disabled} onClick={() => onChange(files.filter((_, j) => j !== i))}
                    className="shrink-0 rounded px-1.5 text-xs font-medium text-slate-600 underline hover:text-red-700" aria-label={`Remove ${f.name}`}>
                    Remove
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
