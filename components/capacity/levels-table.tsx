import Link from "next/link";
import type { CapacityChartPoint } from "@/lib/domain/view/capacity-chart";
import { ZoneBadge } from "./zone-badge";

const num = "px-3 py-2 text-right tabular-nums whitespace-nowrap";

/** The measured levels behind the charts (also their text alternative). */
export function LevelsTable({ slug, points }: { slug: string; points: CapacityChartPoint[] }) {
  return (
    <div className="relative min-w-0 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Latest measurement per concurrent-user level</caption>
        <thead className="bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 text-right">Users</th>
            <th scope="col" className="px-3 py-2 text-left">Zone</th>
            <th scope="col" className="px-3 py-2 text-right">P50</th>
            <th scope="col" className="px-3 py-2 text-right">P95</th>
            <th scope="col" className="px-3 py-2 text-right">Errors</th>
            <th scope="col" className="px-3 py-2 text-right">Req/s</th>
            <th scope="col" className="px-3 py-2 text-right">Linear</th>
            <th scope="col" className="px-3 py-2 text-right">Loss</th>
            <th scope="col" className="px-3 py-2 text-left">Run</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {points.map((p) => (
            <tr key={p.users} className={p.anomalous ? "bg-red-50" : undefined}>
              <th scope="row" className={`${num} font-medium`}>{p.users}</th>
              <td className="px-3 py-2 whitespace-nowrap">
                <ZoneBadge zone={p.zone} />
                {p.anomalous && <span className="ml-1 text-xs font-medium text-red-700">anomaly</span>}
              </td>
              <td className={num}>{p.p50Ms ?? "—"}{p.p50Ms !== null && " ms"}</td>
              <td className={num}>{p.p95Ms ?? "—"}{p.p95Ms !== null && " ms"}</td>
              <td className={num}>{p.errorRatePercent}%</td>
              <td className={num}>{p.throughputRps ?? "—"}</td>
              <td className={num}>{p.expectedLinearRps ?? "—"}</td>
              <td className={num}>{p.capacityLossPercent !== null && p.capacityLossPercent > 0 ? `${p.capacityLossPercent}%` : "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <Link href={`/projects/${encodeURIComponent(slug)}/runs/${p.runId}`} className="text-blue-800 underline-offset-2 hover:underline">{p.runName}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
