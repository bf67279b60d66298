"use client";

import { useState } from "react";
import { moveRunToSeriesAction } from "@/lib/server/actions/series-actions";
import { buttonClass, FormError, inputClass, useAction } from "../readiness/form";

/** A lead moves the run to another series (audited); the capacity figures follow on reload. */
export function RunSeriesControl({ slug, runId, current, series }: {
  slug: string; runId: string; current: string; series: { slug: string; name: string; launchEvidence: boolean }[];
}) {
  const [target, setTarget] = useState(current);
  const move = useAction(moveRunToSeriesAction);
  return (
    <form className="flex flex-wrap items-end gap-2" aria-label="Move the run to another series" noValidate
      onSubmit={(e) => { e.preventDefault(); if (target !== current) void move.run(slug, { runId, seriesSlug: target }); }}>
      <div className="min-w-0">
        <label htmlFor="run-series" className="block text-sm font-medium text-slate-700">Series</label>
        <select id="run-series" className={inputClass} value={target} onChange={(e) => setTarget(e.target.value)} disabled={move.pending}>
          {series.map((s) => <option key={s.slug} value={s.slug}>{s.name}{s.launchEvidence ? " · launch evidence" : ""}</option>)}
        </select>
      </div>
      <button type="submit" className={buttonClass.secondary} disabled={target === current || move.pending}>{move.pending ? "Moving…" : "Move"}</button>
      <div className="w-full"><FormError error={move.error} /></div>
    </form>
  );
}
