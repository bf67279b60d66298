/** A run's series, and whether it counts as launch evidence. */
export function SeriesLabel({ series }: { series: { slug: string; name: string; launchEvidence: boolean } }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="series-label" data-series={series.slug}>
      <span className="break-words text-slate-800">{series.name}</span>
      {!series.launchEvidence && <span className="rounded bg-slate-100 px-1 text-[11px] font-medium text-slate-600" title="Not launch evidence: not in capacity or the verdict">not evidence</span>}
    </span>
  );
}
