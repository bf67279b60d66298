import { ZoneBadge } from "@/components/capacity/zone-badge";
import { formatDuration, type EndpointRow, type ErrorKindRow, type StepRow } from "@/lib/domain/view/run-detail";

const th = "px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600";
const num = "px-3 py-2 text-right tabular-nums whitespace-nowrap";
const ms = (v: number | null) => (v === null ? "—" : `${v} ms`);

export function EndpointsTable({ rows }: { rows: EndpointRow[] }) {
  return (
    <div className="relative min-w-0 overflow-x-auto" data-testid="endpoints-table">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Requests, failures and latency per endpoint, most failures first</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${th} text-left`}>Endpoint</th>
            <th scope="col" className={`${th} text-right`}>Requests</th>
            <th scope="col" className={`${th} text-right`}>Failures</th>
            <th scope="col" className={`${th} text-right`}>Error rate</th>
            <th scope="col" className={`${th} text-right`}>P50</th>
            <th scope="col" className={`${th} text-right`}>P95</th>
            <th scope="col" className={`${th} text-left`}>Zone</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => (
            <tr key={`${r.method ?? ""} ${r.name} ${i}`}>
              <th scope="row" className="min-w-56 px-3 py-2 text-left font-normal">
                {r.method && <span className="mr-1.5 rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-700">{r.method}</span>}
                <span className="font-mono text-xs [overflow-wrap:anywhere]">{r.name}</span>
              </th>
              <td className={num}>{r.requests.toLocaleString("en-US")}</td>
              <td className={num}>{r.failures.toLocaleString("en-US")}</td>
              <td className={`${num} ${r.errorRatePercent >= 5 ? "font-semibold text-red-700" : ""}`}>{r.errorRatePercent}%</td>
              <td className={num}>{ms(r.p50Ms)}</td>
              <td className={num}>{ms(r.p95Ms)}</td>
              <td className="px-3 py-2"><ZoneBadge zone={r.zone} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ErrorKinds({ rows }: { rows: ErrorKindRow[] }) {
  return (
    <ul className="space-y-2" data-testid="error-kinds">
      {rows.map((e) => (
        <li key={e.kind} className="min-w-0">
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="min-w-0 break-words font-medium text-slate-800">{e.kind}</span>
            <span className="shrink-0 tabular-nums text-slate-700">{e.count.toLocaleString("en-US")} · {e.sharePercent}%</span>
          </div>
          <div className="mt-1 h-2 rounded bg-slate-100" aria-hidden>
            <div className="h-2 rounded bg-red-500" style={{ width: `${Math.max(1, e.sharePercent)}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function StepsTable({ rows }: { rows: StepRow[] }) {
  return (
    <div className="relative min-w-0 overflow-x-auto" data-testid="steps-table">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Steps of the run by user level</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${th} text-right`}>Users</th>
            <th scope="col" className={`${th} text-right`}>Duration</th>
            <th scope="col" className={`${th} text-right`}>Requests</th>
            <th scope="col" className={`${th} text-right`}>Failures</th>
            <th scope="col" className={`${th} text-right`}>Error rate</th>
            <th scope="col" className={`${th} text-right`}>P50</th>
            <th scope="col" className={`${th} text-right`}>P95</th>
            <th scope="col" className={`${th} text-right`}>Req/s</th>
            <th scope="col" className={`${th} text-left`}>Zone</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((s, i) => (
            <tr key={`${s.users}-${i}`}>
              <th scope="row" className={`${num} font-medium`}>{s.users}</th>
              <td className={num}>{formatDuration(s.durationSeconds)}</td>
              <td className={num}>{s.requests.toLocaleString("en-US")}</td>
              <td className={num}>{s.failures.toLocaleString("en-US")}</td>
              <td className={num}>{s.errorRatePercent}%</td>
              <td className={num}>{ms(s.p50Ms)}</td>
              <td className={num}>{ms(s.p95Ms)}</td>
              <td className={num}>{s.throughputRps ?? "—"}</td>
              <td className="px-3 py-2"><ZoneBadge zone={s.zone} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
