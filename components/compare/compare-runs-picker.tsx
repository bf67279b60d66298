"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

interface Choice { id: string; name: string; runDate: string; users: number | null }

const label = (c: Choice) => `${c.name} · ${c.runDate}${c.users !== null ? ` · ${c.users} users` : ""}`;

/** The runs page: pick any two runs and open their comparison. */
export function CompareRunsPicker({ slug, runs }: { slug: string; runs: Choice[] }) {
  const router = useRouter();
  const [runId, setRunId] = useState(runs[0]?.id ?? "");
  const [baselineId, setBaselineId] = useState(runs[1]?.id ?? "");
  if (runs.length < 2) return <p className="text-sm text-slate-600">Import at least two runs to compare them.</p>;
  const same = runId === baselineId;
  return (
    <form className="flex flex-wrap items-end gap-3" data-testid="compare-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (!same) router.push(`/projects/${encodeURIComponent(slug)}/runs/${encodeURIComponent(runId)}/compare?baseline=${encodeURIComponent(baselineId)}`);
      }}>
      <div className="min-w-0 text-sm">
        <label htmlFor="compare-pick-run" className="block font-medium text-slate-700">Run</label>
        <select id="compare-pick-run" value={runId} onChange={(e) => setRunId(e.target.value)} className="mt-1 block w-full max-w-xs rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {runs.map((r) => <option key={r.id} value={r.id}>{label(r)}</option>)}
        </select>
      </div>
      <div className="min-w-0 text-sm">
        <label htmlFor="compare-pick-baseline" className="block font-medium text-slate-700">against baseline</label>
        <select id="compare-pick-baseline" value={baselineId} onChange={(e) => setBaselineId(e.target.value)} className="mt-1 block w-full max-w-xs rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {runs.map((r) => <option key={r.id} value={r.id}>{label(r)}</option>)}
        </select>
      </div>
      <button type="submit" disabled={same} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">Compare</button>
      {same && <p className="w-full text-xs text-amber-800" role="status">Choose two different runs.</p>}
    </form>
  );
}
