import type { CapacityResult } from "@/lib/domain";
import type { CapacitySummary } from "@/lib/domain/view/readiness-view";

const ZONE_STYLE: Record<string, string> = {
  green: "bg-green-100 text-green-900", yellow: "bg-yellow-100 text-yellow-900", red: "bg-red-100 text-red-900", death: "bg-slate-800 text-white",
};

/** Safe capacity against the required load, breaking point, ceiling and zones. */
export function CapacityCard({ summary, capacity }: { summary: CapacitySummary; capacity: CapacityResult }) {
  if (summary.measuredLevels === 0) {
    return <p className="text-sm text-slate-600">{summary.sentence} Import a load-test run on the Capacity page.</p>;
  }
  return (
    <div className="space-y-3">
      <p className={`text-sm ${summary.meetsRequired ? "text-slate-700" : "font-medium text-nogo"}`}>{summary.sentence}</p>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div><dt className="text-xs text-slate-500">Safe capacity</dt><dd className="text-lg font-semibold tabular-nums">{summary.safeCapacityUsers ?? "—"}<span className="text-xs font-normal text-slate-500"> users</span></dd></div>
        <div><dt className="text-xs text-slate-500">Required</dt><dd className="text-lg font-semibold tabular-nums">{summary.requiredUsers}<span className="text-xs font-normal text-slate-500"> users</span></dd></div>
        <div><dt className="text-xs text-slate-500">Breaking point</dt><dd className="text-lg font-semibold tabular-nums">{summary.breakingPointUsers ?? "—"}<span className="text-xs font-normal text-slate-500"> users</span></dd></div>
        <div><dt className="text-xs text-slate-500">Throughput ceiling</dt><dd className="text-lg font-semibold tabular-nums">{summary.throughputCeilingRps ?? "—"}<span className="text-xs font-normal text-slate-500"> req/s</span></dd></div>
      </dl>
      {capacity.zones.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Capacity zones">
          {capacity.zones.map((z) => (
            <li key={`${z.zone}-${z.fromUsers}`} className={`rounded px-2 py-0.5 text-xs font-medium ${ZONE_STYLE[z.zone]}`}>
              {z.zone} {z.fromUsers}{z.toUsers === null ? "+" : `–${z.toUsers}`}
            </li>
          ))}
        </ul>
      )}
      {capacity.anomalies.map((a) => (
        <p key={a.users} className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">Anomaly: {a.message}</p>
      ))}
    </div>
  );
}
