import Link from "next/link";
import { formatPercent } from "@/lib/domain/format-number";
import type { RunSummary } from "@/lib/server/runs/run-queries";
import { SeriesLabel } from "../runs/series-label";

const fmt = (v: number | null, unit = "") => (v === null ? "—" : `${v.toLocaleString("en-US", { maximumFractionDigits: 1 })}${unit}`);

/** The project's runs, newest first: a table on wide screens, cards on phones; each links to its page. */
export function RunList({ slug, runs }: { slug: string; runs: RunSummary[] }) {
  if (runs.length === 0) return <p className="text-sm text-slate-600">No run yet. Import the output of a load test to see its capacity levels.</p>;
  const href = (r: RunSummary) => `/projects/${slug}/runs/${r.id}`;
  return (
    <div data-testid="run-list">
      <ul className="space-y-2 md:hidden" aria-label="Runs">
        {runs.map((r) => (
          <li key={r.id}>
            <Link href={href(r)} className="block rounded-md border border-slate-200 bg-white p-3 hover:border-slate-400">
              <span className="block break-words font-medium text-slate-900">{r.name}</span>
              <span className="mt-0.5 block text-xs text-slate-600">
                {r.series.name}{r.series.launchEvidence ? "" : " (not evidence)"} · {r.runDate} · {r.kind} · {r.tool ?? "manual"} · {r.users ?? "?"} users{r.steps.length ? ` · ${r.steps.length} steps` : ""}
              </span>
              <span className="mt-1 block text-sm tabular-nums text-slate-800">
                {fmt(r.requests)} requests · {formatPercent(r.errorRatePercent)}% errors · p95 {fmt(r.p95Ms, " ms")}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto md:block">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Runs of this project, newest first</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Run</th>
              <th scope="col" className="px-3 py-2">Series</th>
              <th scope="col" className="px-3 py-2">Date</th>
              <th scope="col" className="px-3 py-2">Kind</th>
              <th scope="col" className="px-3 py-2">Tool</th>
              <th scope="col" className="px-3 py-2 text-right">Users</th>
              <th scope="col" className="px-3 py-2 text-right">Requests</th>
              <th scope="col" className="px-3 py-2 text-right">Errors</th>
              <th scope="col" className="px-3 py-2 text-right">P95</th>
              <th scope="col" className="px-3 py-2 text-right">Req/s</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {runs.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50">
                <td className="max-w-xs px-3 py-2">
                  <Link href={href(r)} className="break-words font-medium text-slate-900 underline-offset-2 hover:underline">{r.name}</Link>
                  {r.steps.length > 0 && <span className="ml-1.5 text-xs text-slate-500">{r.steps.length} steps</span>}
                </td>
                <td className="px-3 py-2"><SeriesLabel series={r.series} /></td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.runDate}</td>
                <td className="px-3 py-2">{r.kind}</td>
                <td className="px-3 py-2">{r.tool ?? "manual"}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.steps.length ? `${r.steps[0].users}–${r.steps[r.steps.length - 1].users}` : fmt(r.users)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{fmt(r.requests)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatPercent(r.errorRatePercent)}%</td>
                <td className="px-3 py-2 text-right tabular-nums">{fmt(r.p95Ms, " ms")}</td>
                <td className="px-3 py-2 text-right tabular-nums">{fmt(r.throughputRps)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
