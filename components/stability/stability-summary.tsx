import { Stat } from "@/components/readiness/card";
import type { StabilityResult } from "@/lib/domain";
import { formatNumber } from "@/lib/domain/format-number";
import { formatSignedPercent, HEALTH_LABELS, STABILITY_VERDICT_LABELS } from "@/lib/domain/view/stability-chart";

const HEALTH_STYLE = {
  HEALTHY: "bg-green-100 text-green-900 ring-green-300",
  DEGRADED: "bg-amber-100 text-amber-900 ring-amber-300",
  CRITICAL: "bg-red-100 text-red-900 ring-red-300",
} as const;

/** Score, health and verdict, then the figures they come from. */
export function StabilitySummary({ result, baseline }: {
  result: StabilityResult; baseline: { meanMs: number; p99Ms: number | null; successRatePercent: number | null };
}) {
  const tone = result.health === "HEALTHY" ? "good" : result.health === "DEGRADED" ? "warn" : "bad";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <p className="text-4xl font-semibold tabular-nums" data-testid="stability-score">
          {result.score}<span className="text-lg font-normal text-slate-500">/100</span>
        </p>
        <span className={`rounded px-2 py-1 text-sm font-semibold ring-1 ring-inset ${HEALTH_STYLE[result.health]}`} data-testid="stability-health">
          {HEALTH_LABELS[result.health]}
        </span>
        <span className={`text-lg font-semibold ${tone === "good" ? "text-go" : tone === "warn" ? "text-cond" : "text-nogo"}`} data-testid="stability-verdict">
          {STABILITY_VERDICT_LABELS[result.verdict]}
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Mean" value={result.meanMs === null ? "—" : `${result.meanMs} ms`}
          hint={`${formatSignedPercent(result.meanVsBaselinePercent)} vs ${baseline.meanMs} ms baseline`}
          tone={result.meanVsBaselinePercent !== null && result.meanVsBaselinePercent > 10 ? "warn" : "default"} />
        <Stat label="P50" value={result.p50Ms === null ? "—" : `${result.p50Ms} ms`} />
        <Stat label="P99" value={result.p99Ms === null ? "—" : `${result.p99Ms} ms`}
          hint={baseline.p99Ms !== null ? `${formatSignedPercent(result.p99VsBaselinePercent)} vs ${baseline.p99Ms} ms` : undefined} />
        <Stat label="Std-dev" value={result.stdDevMs === null ? "—" : `${result.stdDevMs} ms`} />
        <Stat label="Error rate" value={`${result.errorRatePercent}%`} hint={`${result.failures} of ${result.requests} requests; baseline ${formatNumber(100 - (baseline.successRatePercent ?? 100), 2)}%`}
          tone={result.errorRatePercent >= 1 ? "bad" : result.errorRatePercent > 100 - (baseline.successRatePercent ?? 100) ? "warn" : "default"} />
        <Stat label="Memory trend" value={result.memoryGrowthPercent === null ? "—" : formatSignedPercent(result.memoryGrowthPercent)}
          hint="linear growth over the run" tone={result.memoryGrowthPercent !== null && result.memoryGrowthPercent > 10 ? "warn" : "default"} />
      </dl>
    </div>
  );
}

export function StabilityAnomalies({ anomalies }: { anomalies: StabilityResult["anomalies"] }) {
  if (anomalies.length === 0) {
    return <p className="text-sm text-green-800">No anomaly: latency, errors, variability and memory are within bounds.</p>;
  }
  return (
    <ul className="space-y-2" data-testid="stability-anomalies">
      {anomalies.map((a) => (
        <li key={a.kind} className="flex flex-wrap items-start gap-2 text-sm">
          <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${a.severity === "CRITICAL" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>
            {a.severity === "CRITICAL" ? "Critical" : "Warning"}
          </span>
          <span className="min-w-0 flex-1 break-words">
            <span className="font-medium">{a.kind.charAt(0).toUpperCase() + a.kind.slice(1)}</span>: {a.message}
            <span className="text-slate-500"> ({a.severity === "CRITICAL" ? "−25" : "−10"} points)</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
