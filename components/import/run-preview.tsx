import { formatPercent } from "@/lib/domain/format-number";
import type { RunPreview } from "@/lib/server/runs/import-run";

const n = (v: number | null, unit = "") => (v === null ? "—" : `${Number.isInteger(v) ? v.toLocaleString("en-US") : v.toLocaleString("en-US", { maximumFractionDigits: 1 })}${unit}`);

function Fact({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-base font-semibold tabular-nums text-slate-900" data-testid={testId}>{value}</dd>
    </div>
  );
}

/** What the server detected in the files (a dry run): nothing is stored until "Save run". */
export function RunPreviewCard({ preview }: { preview: RunPreview }) {
  const p = preview;
  return (
    <section aria-labelledby="preview-title" className="rounded-lg border border-blue-200 bg-blue-50/40 p-4" data-testid="run-preview">
      <h3 id="preview-title" className="text-sm font-semibold text-slate-900">
        Preview — detected <span className="font-mono text-xs">{p.format}</span> ({p.tool}), nothing stored yet
      </h3>
      {p.duplicateOf && (
        <p role="alert" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          These files were already imported as run “{p.duplicateOf.name}” of {p.duplicateOf.runDate}; saving them again is refused.
        </p>
      )}
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Fact label="Run" value={p.name} />
        <Fact label="Series" value={`${p.series.name}${p.seriesExists ? "" : " (new)"}`} testId="preview-series" />
        <Fact label="Kind" value={p.kind} testId="preview-kind" />
        <Fact label="Users" value={n(p.users)} testId="preview-users" />
        <Fact label="Run date" value={p.runDate} />
        <Fact label="Requests" value={n(p.requests)} testId="preview-requests" />
        <Fact label="Failures" value={`${n(p.failures)} (${formatPercent(p.errorRatePercent)}%)`} testId="preview-failures" />
        <Fact label="P95" value={n(p.p95Ms, " ms")} testId="preview-p95" />
        <Fact label="Throughput" value={n(p.throughputRps, " req/s")} />
      </dl>
      {p.steps.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full whitespace-nowrap text-sm sm:max-w-2xl" data-testid="preview-steps">
            <caption className="mb-1 whitespace-normal text-left text-xs font-medium text-slate-600">{p.steps.length} steps (user levels) — each becomes a capacity level</caption>
            <thead className="text-left text-xs text-slate-500">
              <tr><th scope="col" className="py-1 pr-2 sm:pr-3">Users</th><th scope="col" className="py-1 pr-2 text-right sm:pr-3">Requests</th><th scope="col" className="py-1 pr-2 text-right sm:pr-3">Errors</th><th scope="col" className="py-1 pr-2 text-right sm:pr-3">P95</th><th scope="col" className="hidden py-1 text-right sm:table-cell">Req/s</th></tr>
            </thead>
            <tbody className="divide-y divide-blue-100">
              {p.steps.map((s, i) => (
                <tr key={i}>
                  <td className="py-1 pr-2 tabular-nums sm:pr-3">{s.users}</td>
                  <td className="py-1 pr-2 text-right tabular-nums sm:pr-3">{n(s.requests)}</td>
                  <td className="py-1 pr-2 text-right tabular-nums sm:pr-3">{formatPercent(s.errorRatePercent)}%</td>
                  <td className="py-1 pr-2 text-right tabular-nums sm:pr-3">{n(s.p95Ms, " ms")}</td>
                  <td className="hidden py-1 text-right tabular-nums sm:table-cell">{n(s.throughputRps)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-3 text-xs text-slate-600">
        {p.endpoints.length} endpoints, {p.errors.length} error kinds, {p.fileNames.length} file{p.fileNames.length === 1 ? "" : "s"}.
      </p>
      {p.warnings.length > 0 && (
        <details className="mt-2 text-sm" open={p.warnings.length <= 3}>
          <summary className="cursor-pointer font-medium text-amber-900">{p.warnings.length} warning{p.warnings.length === 1 ? "" : "s"}</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-amber-900">
            {p.warnings.slice(0, 30).map((w, i) => <li key={i} className="break-words">{w}</li>)}
          </ul>
        </details>
      )}
    </section>
  );
}
