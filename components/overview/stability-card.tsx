import type { StabilityResult } from "@/lib/domain";
import { humanize } from "@/lib/domain/view/readiness-view";

const HEALTH_STYLE = { HEALTHY: "text-go", DEGRADED: "text-cond", CRITICAL: "text-nogo" } as const;

export function StabilityCard({ stability }: { stability: StabilityResult | null }) {
  if (!stability) return <p className="text-sm text-slate-600">No stability run yet. Import one on the Stability page.</p>;
  const s = stability;
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-3 gap-3 text-sm">
        <div><dt className="text-xs text-slate-500">Score</dt><dd className="text-lg font-semibold tabular-nums">{s.score}</dd></div>
        <div><dt className="text-xs text-slate-500">Health</dt><dd className={`text-lg font-semibold ${HEALTH_STYLE[s.health]}`}>{s.health}</dd></div>
        <div><dt className="text-xs text-slate-500">Verdict</dt><dd className="font-semibold">{humanize(s.verdict)}</dd></div>
      </dl>
      {s.anomalies.length > 0 ? (
        <ul className="space-y-1 text-xs text-slate-700">
          {s.anomalies.map((a) => (
            <li key={a.kind}><span className={a.severity === "CRITICAL" ? "font-semibold text-nogo" : "font-semibold text-cond"}>{a.severity}</span> {a.message}</li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-slate-600">No anomaly against the baseline.</p>
      )}
    </div>
  );
}
