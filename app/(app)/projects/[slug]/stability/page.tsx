import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState } from "@/components/readiness/card";
import { ResourceCharts, StabilityLatencyChart } from "@/components/stability/stability-charts";
import { StabilityAnomalies, StabilitySummary } from "@/components/stability/stability-summary";
import { formatDuration } from "@/lib/domain/view/run-detail";
import { buildStabilityChart } from "@/lib/domain/view/stability-chart";
import { placeMarkersOnElapsed } from "@/lib/domain/view/change-marker-axis";
import { listChangeMarkers } from "@/lib/server/change-markers/change-markers";
import { getPageAccess } from "@/lib/server/page-access";
import { getStabilityView } from "@/lib/server/runs/get-stability-view";

export const metadata: Metadata = { title: "Stability" };

export default async function StabilityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const [view, changes] = await Promise.all([getStabilityView(access.project.id), listChangeMarkers(access.project.id)]);
  const base = `/projects/${encodeURIComponent(slug)}`;
  if (!view) {
    return (
      <main className="space-y-4">
        <h2 className="text-xl font-semibold">Stability</h2>
        <EmptyState title="No stability run yet">
          <p>
            Import a time-series run of kind STABILITY (for example with <code className="rounded bg-slate-100 px-1">?kind=STABILITY</code> on{" "}
            <code className="rounded bg-slate-100 px-1">POST /api/v1/projects/{slug}/runs</code>) with a baseline; its latency, errors and resources
            are then compared here and feed gate 4 of the verdict.
          </p>
        </EmptyState>
      </main>
    );
  }
  const chart = buildStabilityChart(view.samples, view.baseline?.meanMs ?? null);
  const markers = placeMarkersOnElapsed(changes, view.samples[0]?.t ?? null, chart.durationSeconds);
  return (
    <main className="min-w-0 space-y-4">
      <div>
        <h2 className="text-xl font-semibold">Stability</h2>
        <p className="mt-1 text-sm text-slate-600">
          <Link href={`${base}/runs/${view.run.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">{view.run.name}</Link>
          {" · "}{view.run.runDate} · {view.samples.length} samples over {formatDuration(chart.durationSeconds + (view.run.intervalSeconds ?? 0))}
        </p>
      </div>
      {view.result && view.baseline ? (
        <Card title="Verdict" description="100 − 10 per warning − 25 per critical anomaly; the verdict feeds gate 4 of the Go/No-Go.">
          <StabilitySummary result={view.result} baseline={view.baseline} />
        </Card>
      ) : (
        <EmptyState title={view.baseline ? "No samples" : "No baseline"}>
          {view.baseline
            ? "The run has no samples, so there is nothing to compare."
            : "This run has no baseline to compare against, so no score, health or verdict is computed."}
        </EmptyState>
      )}
      {view.result && (
        <Card title="Anomalies">
          <StabilityAnomalies anomalies={view.result.anomalies} />
        </Card>
      )}
      {chart.latency.length > 0 && (
        <Card title="Latency over time" description={changes.length === 0 ? undefined : markers.length > 0
          ? "Dashed violet lines: deploys and config changes during the run."
          : `No deploy or config change falls within this run (${changes.length} recorded; see Runs).`}>
          <StabilityLatencyChart model={chart} baselineMs={view.baseline?.meanMs ?? null} markers={markers} />
        </Card>
      )}
      {chart.resources.length > 0 && (
        <Card title="Resources" description="From the metrics recorded with each sample.">
          <ResourceCharts charts={chart.resources} />
          {chart.otherMetrics.length > 0 && (
            <div className="mt-4 relative min-w-0 overflow-x-auto">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="mb-1 text-left text-sm font-medium text-slate-700">Other metrics</caption>
                <thead className="bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 text-left">Metric</th>
                    <th scope="col" className="px-3 py-2 text-right">Min</th>
                    <th scope="col" className="px-3 py-2 text-right">Mean</th>
                    <th scope="col" className="px-3 py-2 text-right">Max</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {chart.otherMetrics.map((m) => (
                    <tr key={m.key}>
                      <th scope="row" className="px-3 py-1.5 text-left font-normal">{m.label}</th>
                      <td className="px-3 py-1.5 text-right tabular-nums">{m.min}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{m.mean}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{m.max}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      )}
      {view.previous.length > 0 && (
        <Card title="Earlier stability runs">
          <ul className="space-y-1 text-sm">
            {view.previous.map((r) => (
              <li key={r.id}>
                <Link href={`${base}/runs/${r.id}`} className="text-blue-800 underline-offset-2 hover:underline">{r.name}</Link>
                <span className="text-slate-500"> · {r.runDate}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </main>
  );
}
