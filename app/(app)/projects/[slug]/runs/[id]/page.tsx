import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { ZoneBadge } from "@/components/capacity/zone-badge";
import { BaselineButton } from "@/components/compare/baseline-button";
import { CompareWithForm } from "@/components/compare/compare-with-form";
import { Card, EmptyState, Stat } from "@/components/readiness/card";
import { PageLoading } from "@/components/readiness/page-loading";
import { EndpointErrorChart, RunTimeSeries, StepsChart } from "@/components/runs/run-charts";
import { RunSeriesControl } from "@/components/runs/run-series-control";
import { EndpointsTable, ErrorKinds, StepsTable } from "@/components/runs/run-tables";
import { SeriesLabel } from "@/components/runs/series-label";
import {
  buildEndpointBars, buildEndpointRows, buildErrorRows, buildRunSeries, buildStepRows, classifyRun, formatDuration,
} from "@/lib/domain/view/run-detail";
import { getCompareChoices } from "@/lib/server/compare/get-compare-page";
import { NotFoundError } from "@/lib/server/errors";
import { getPageAccess } from "@/lib/server/page-access";
import { roleAtLeast, type Role } from "@/lib/server/roles";
import { listRunItems } from "@/lib/server/run-blockers/list-run-items";
import { listSeries } from "@/lib/server/series/manage-series";
import { getRunDetail, type RunDetail } from "@/lib/server/runs/get-run-detail";
import { getRun } from "@/lib/server/runs/run-queries";
import { getZoneSettings } from "@/lib/server/runs/get-zone-settings";

export const metadata: Metadata = { title: "Run" };

const ms = (v: number | null) => (v === null ? "—" : `${v} ms`);

/**
 * The run is looked up before anything streams (no loading.tsx in this segment; the details load
 * under the Suspense below): an unknown run, or another project's, answers HTTP 404.
 */
export default async function RunPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const access = await getPageAccess(slug);
  try {
    await getRun(access.project.id, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  return (
    <Suspense fallback={<PageLoading label="the run" blocks={4} />}>
      <RunDetailView slug={slug} projectId={access.project.id} id={id} role={access.role} />
    </Suspense>
  );
}

async function RunDetailView({ slug, projectId, id, role }: { slug: string; projectId: string; id: string; role: Role }) {
  const isLead = roleAtLeast(role, "LEAD");
  const [run, zones, items, allSeries, compare] = await Promise.all([
    getRunDetail(projectId, id) as Promise<RunDetail>, getZoneSettings(projectId), listRunItems(projectId, id),
    isLead ? listSeries(projectId) : Promise.resolve([]),
    getCompareChoices(projectId, id),
  ]);
  const endpoints = buildEndpointRows(run.endpoints, zones.thresholds);
  const errors = buildErrorRows(run.errors);
  const steps = buildStepRows(run.steps, zones.thresholds);
  const series = buildRunSeries(run.samples);
  const zone = classifyRun(run, zones.thresholds);
  const back = run.kind === "STABILITY" ? { href: `/projects/${encodeURIComponent(slug)}/stability`, label: "Stability" } : { href: `/projects/${encodeURIComponent(slug)}/capacity`, label: "Capacity" };
  const nothing = endpoints.length === 0 && errors.length === 0 && steps.length === 0 && series.points.length === 0;

  return (
    <main className="min-w-0 space-y-4">
      <div>
        <nav aria-label="Breadcrumb" className="flex flex-wrap gap-x-3 text-sm">
          <Link href={back.href} className="text-blue-700 underline-offset-2 hover:underline">← {back.label}</Link>
          <Link href={`/projects/${encodeURIComponent(slug)}/runs`} className="text-blue-700 underline-offset-2 hover:underline">All runs</Link>
        </nav>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h2 className="min-w-0 break-words text-xl font-semibold">{run.name}</h2>
          <ZoneBadge zone={zone} />
          {compare.isBaseline && <span className="rounded bg-indigo-100 px-1.5 py-0.5 text-xs font-semibold text-indigo-800" data-testid="baseline-badge">baseline</span>}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {run.kind.toLowerCase()} test · {run.runDate}
          {run.tool ? ` · ${run.tool}` : ""}{run.format ? ` (${run.format})` : ""}
          {run.fileNames.length > 0 ? ` · ${run.fileNames.join(", ")}` : ""}
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-1 text-sm text-slate-600" data-testid="run-series">
          Series: <SeriesLabel series={run.series} />
          {run.series.launchEvidence ? <span>— counts for capacity and the verdict.</span> : <span>— not launch evidence: shown here, not in capacity or the verdict.</span>}
        </p>
      </div>
      {(items.length > 0 || isLead) && (
        <Card title="Checklist items" description={items.length ? "What this run did to the checklist (launch-evidence series only)." : undefined}>
          <div className="space-y-3">
            {items.length > 0 ? (
              <ul className="space-y-1 text-sm" data-testid="run-items">
                {items.map((i) => (
                  <li key={`${i.itemId}-${i.change}`} className="flex flex-wrap items-center gap-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${i.change === "resolved" ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"}`}>
                      {i.change === "opened" ? "opened" : i.change === "resolved" ? "resolved" : "failed again"}
                    </span>
                    <Link href={`/projects/${encodeURIComponent(slug)}/checklist?q=${encodeURIComponent(i.title)}`} className="break-words text-blue-700 underline-offset-2 hover:underline">{i.title}</Link>
                    <span className="text-xs text-slate-500">now {i.status.replace("_", " ").toLowerCase()}</span>
                  </li>
                ))}
              </ul>
            ) : <p className="text-sm text-slate-600">This run opened and resolved no checklist item.</p>}
            {isLead && allSeries.length > 1 && <RunSeriesControl slug={slug} runId={run.id} current={run.series.slug} series={allSeries} />}
          </div>
        </Card>
      )}
      <Card title="Summary">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="run-summary">
          <Stat label="Users" value={steps.length ? `${steps.length} steps` : run.users ?? "—"} hint={steps.length ? `${steps[0].users}–${steps[steps.length - 1].users} users` : undefined} />
          <Stat label="Duration" value={formatDuration(run.durationSeconds)} />
          <Stat label="Requests" value={run.requests.toLocaleString("en-US")} />
          <Stat label="Failures" value={run.failures.toLocaleString("en-US")} hint={`${run.errorRatePercent}% error rate`}
            tone={run.errorRatePercent >= zones.thresholds.red.errorRatePercent ? "bad" : run.errorRatePercent >= zones.thresholds.yellow.errorRatePercent ? "warn" : "default"} />
          <Stat label="P95" value={ms(run.p95Ms)}
            hint={[`P50 ${ms(run.p50Ms)}`, run.p99Ms !== null && `P99 ${ms(run.p99Ms)}`, run.maxMs !== null && `max ${ms(run.maxMs)}`].filter(Boolean).join(" · ")} />
          <Stat label="Throughput" value={run.throughputRps === null ? "—" : `${run.throughputRps} req/s`} />
        </dl>
        {run.warnings.length > 0 && (
          <ul className="mt-4 list-disc space-y-1 rounded-md bg-amber-50 py-2 pl-8 pr-3 text-sm text-amber-900">
            {run.warnings.map((w) => <li key={w}>{w}</li>)}
          </ul>
        )}
        {run.baseline && (
          <p className="mt-3 text-sm text-slate-600">
            Baseline: mean {run.baseline.meanMs} ms{run.baseline.p99Ms !== null ? `, P99 ${run.baseline.p99Ms} ms` : ""}
            {run.baseline.successRatePercent !== null ? `, ${run.baseline.successRatePercent}% success` : ""}.
          </p>
        )}
      </Card>
      <Card id="compare" title="Compare" description={compare.defaultBaselineId
          ? "The default baseline is preselected: the marked baseline, else the previous run at the same load."
          : compare.isBaseline
            ? "This run is the baseline; no earlier run was at its load to compare it with by default."
            : "No default baseline: no run is marked as the baseline and no earlier run was at the same load."}
        actions={isLead ? <BaselineButton slug={slug} runId={run.id} isBaseline={compare.isBaseline} /> : undefined}>
        <CompareWithForm slug={slug} runId={run.id} choices={compare.choices} selectedId={null} defaultBaselineId={compare.defaultBaselineId} />
      </Card>
      {nothing && <EmptyState title="No details recorded">This run has a summary only: no endpoints, errors, steps or time series.</EmptyState>}
      {series.points.length > 0 && (
        <Card title="Over time" description={`${series.sampleCount} samples over ${formatDuration(series.durationSeconds)}${series.points.length < series.sampleCount ? `, drawn as ${series.points.length} points` : ""}.`}>
          <RunTimeSeries series={series} />
        </Card>
      )}
      {steps.length > 0 && (
        <Card title="Steps" description="Each user level of the stepped run, classified into its zone.">
          <div className="space-y-4">
            <StepsChart steps={steps} />
            <StepsTable rows={steps} />
          </div>
        </Card>
      )}
      {endpoints.length > 0 && (
        <Card title="Endpoints" description="Most failures first.">
          <div className="space-y-4">
            <EndpointErrorChart bars={buildEndpointBars(endpoints)} />
            <EndpointsTable rows={endpoints} />
          </div>
        </Card>
      )}
      {errors.length > 0 && (
        <Card title="Errors by kind" description={`${errors.reduce((s, e) => s + e.count, 0).toLocaleString("en-US")} errors counted.`}>
          <ErrorKinds rows={errors} />
        </Card>
      )}
    </main>
  );
}
