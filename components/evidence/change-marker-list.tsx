import type { ChangeMarkerDto } from "@/lib/server/change-markers/change-markers";

/** Deploys and config changes, newest first; `note` says why they are listed rather than drawn. */
export function ChangeMarkerList({ markers, note, limit = 10 }: { markers: readonly ChangeMarkerDto[]; note?: string; limit?: number }) {
  const newest = [...markers].reverse();
  return (
    <div className="text-sm" data-testid="change-markers">
      {note && <p className="mb-1 text-xs text-slate-600">{note}</p>}
      {newest.length === 0 ? (
        <p className="text-slate-600">No deploy or config change recorded. Record one with <code className="rounded bg-slate-100 px-1">POST /api/v1/projects/…/changes</code>: load tests measured before it then count with less confidence.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Change markers">
          {newest.slice(0, limit).map((m) => (
            <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
              <span className="min-w-0 break-words">
                <span className="mr-1.5 rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-900">{m.kind}</span>
                <span className="font-medium">{m.label}</span>{m.version && <span className="text-slate-600"> · {m.version}</span>}
              </span>
              <time dateTime={m.at} className="text-xs tabular-nums text-slate-600">{m.at.slice(0, 16).replace("T", " ")} UTC{m.createdBy ? ` · ${m.createdBy}` : ""}</time>
            </li>
          ))}
          {newest.length > limit && <li className="py-1.5 text-xs text-slate-600">and {newest.length - limit} earlier</li>}
        </ul>
      )}
    </div>
  );
}
