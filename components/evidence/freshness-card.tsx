import type { ExpiringItem, StaleItem, StaleRun } from "@/lib/domain";

/** Stale evidence first (it counts as not done), then what expires next; links to the filtered checklist. */
export function FreshnessList({ slug, stale, staleRuns, expiring }: {
  slug: string; stale: readonly StaleItem[]; staleRuns: readonly StaleRun[]; expiring: readonly ExpiringItem[];
}) {
  const checklist = `/projects/${slug}/checklist`;
  if (stale.length === 0 && staleRuns.length === 0 && expiring.length === 0) {
    return <p className="text-sm text-slate-600">No evidence expires: set a validity (days) per category in Settings, or per item.</p>;
  }
  return (
    <div className="space-y-3 text-sm" data-testid="freshness">
      {stale.length > 0 && (
        <div>
          <h3 className="font-semibold text-nogo">{stale.length} item{stale.length === 1 ? "" : "s"} with expired evidence (done, but counted as not done until re-confirmed)</h3>
          <ul className="mt-1 space-y-0.5" aria-label="Expired evidence">
            {stale.slice(0, 8).map((s) => (
              <li key={s.itemId} className="break-words"><span className="font-medium">{s.title}</span> <span className="text-nogo">· evidence expired on {s.expiredOn}</span></li>
            ))}
          </ul>
          <a className="text-blue-700 underline hover:text-blue-900" href={`${checklist}?evidence=expired`}>Re-confirm them in the checklist</a>
        </div>
      )}
      {staleRuns.length > 0 && (
        <div>
          <h3 className="font-semibold text-cond">{staleRuns.length} load-test run{staleRuns.length === 1 ? "" : "s"} too old to count for capacity</h3>
          <ul className="mt-1 space-y-0.5" aria-label="Expired runs">
            {staleRuns.slice(0, 5).map((r) => (
              <li key={r.runId} className="break-words"><a className="underline" href={`/projects/${slug}/runs/${r.runId}`}>{r.name}</a> ({r.runDate}) <span className="text-cond">· evidence expired on {r.expiredOn}</span></li>
            ))}
          </ul>
        </div>
      )}
      {expiring.length > 0 && (
        <div>
          <h3 className="font-semibold">Expires next</h3>
          <ul className="mt-1 space-y-0.5" aria-label="Evidence expiring next">
            {expiring.slice(0, 5).map((e) => (
              <li key={e.itemId} className="break-words"><span className="font-medium">{e.title}</span> <span className="text-slate-600">· expires on {e.expiresOn}</span></li>
            ))}
          </ul>
          <a className="text-blue-700 underline hover:text-blue-900" href={`${checklist}?evidence=expiring`}>Evidence expiring within 14 days</a>
        </div>
      )}
    </div>
  );
}
