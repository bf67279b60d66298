import type { ComparedMeasures, StepComparison } from "@/lib/domain/compare/types";
import { Change, fmt, Pair, StatusBadge } from "./compare-format";

function Measure({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 p-3" data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 space-y-0.5 text-sm">{children}</dd>
    </div>
  );
}

/** The whole run against the whole baseline: P95, error rate, throughput, requests. */
export function CompareSummary({ summary }: { summary: ComparedMeasures }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="compare-summary">
      <Measure label="Overall">
        <StatusBadge status={summary.status} />
      </Measure>
      <Measure label="P95 (ms)" testId="summary-p95">
        <Pair base={summary.baselineP95Ms} run={summary.p95Ms} />
        <div><Change value={summary.p95ChangePercent} unit="%" verdict={summary.changes.p95} /></div>
      </Measure>
      <Measure label="Error rate (%)">
        <Pair base={summary.baselineErrorRatePercent} run={summary.errorRatePercent} digits={2} />
        <div><Change value={summary.errorRateChangePoints} unit=" pt" verdict={summary.changes.errorRate} /></div>
      </Measure>
      <Measure label="Throughput (req/s)">
        <Pair base={summary.baselineThroughputRps} run={summary.throughputRps} digits={2} />
        <div><Change value={summary.throughputChangePercent} unit="%" verdict={summary.changes.throughput} /></div>
      </Measure>
    </dl>
  );
}

/** One row per user level both runs held. */
export function CompareSteps({ steps }: { steps: StepComparison[] }) {
  return (
    <div className="overflow-x-auto" data-testid="compare-steps">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">User levels present in both runs, baseline → run</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 text-right">Users</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2 text-right">P95 ms</th>
            <th scope="col" className="px-3 py-2 text-right">Change</th>
            <th scope="col" className="px-3 py-2 text-right">Errors %</th>
            <th scope="col" className="px-3 py-2 text-right">Change</th>
            <th scope="col" className="px-3 py-2 text-right">Req/s</th>
            <th scope="col" className="px-3 py-2 text-right">Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {steps.map((s) => (
            <tr key={s.users}>
              <td className="px-3 py-2 text-right tabular-nums">{fmt(s.users, 0)}</td>
              <td className="px-3 py-2"><StatusBadge status={s.status} /></td>
              <td className="px-3 py-2 text-right"><Pair base={s.baselineP95Ms} run={s.p95Ms} /></td>
              <td className="px-3 py-2 text-right tabular-nums"><Change value={s.p95ChangePercent} unit="%" verdict={s.changes.p95} /></td>
              <td className="px-3 py-2 text-right"><Pair base={s.baselineErrorRatePercent} run={s.errorRatePercent} digits={2} /></td>
              <td className="px-3 py-2 text-right tabular-nums"><Change value={s.errorRateChangePoints} unit=" pt" verdict={s.changes.errorRate} /></td>
              <td className="px-3 py-2 text-right"><Pair base={s.baselineThroughputRps} run={s.throughputRps} digits={2} /></td>
              <td className="px-3 py-2 text-right tabular-nums"><Change value={s.throughputChangePercent} unit="%" verdict={s.changes.throughput} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
