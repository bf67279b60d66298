import type { Metadata } from "next";
import { ConfidenceLine } from "@/components/evidence/confidence-line";
import { FreshnessList } from "@/components/evidence/freshness-card";
import { CapacityCard } from "@/components/overview/capacity-card";
import { CategoryTable } from "@/components/overview/category-table";
import { HistoryChart } from "@/components/overview/history-chart";
import { WhatChanged } from "@/components/history/what-changed";
import { ObjectivesList } from "@/components/overview/objectives-card";
import { ProjectionCard } from "@/components/overview/projection-card";
import { ScoreChart } from "@/components/overview/score-chart";
import { StabilityCard } from "@/components/overview/stability-card";
import { AsOfPicker } from "@/components/readiness/as-of-picker";
import { Card, Stat } from "@/components/readiness/card";
import { GateList } from "@/components/readiness/gate-list";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import { buildHistoryChart, drawnHistoryRows } from "@/lib/domain/view/history-chart";
import { buildCapacitySummary, buildCategoryBars, formatScore } from "@/lib/domain/view/readiness-view";
import { getOverviewPanelsCached } from "@/lib/server/history/get-overview-panels-cached";
import { getPageAccess } from "@/lib/server/page-access";
import { getProjectSettings } from "@/lib/server/projects/project-settings";
import { getReadiness } from "@/lib/server/readiness/get-readiness";
import { resolvePageAsOf } from "@/lib/server/readiness/page-as-of";

export const metadata: Metadata = { title: "Overview" };

function hours(v: number) {
  return `${Number.isInteger(v) ? v : v.toFixed(1)} h`;
}

export default async function OverviewPage({ params, searchParams }: {
  params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const access = await getPageAccess(slug);
  const { asOf, today, invalid } = resolvePageAsOf(sp.asOf);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;
  const [r, settings, { history, changes }] = await Promise.all([
    getReadiness(access.project, asOf), getProjectSettings(access.project.id),
    getOverviewPanelsCached(access.project, asOf, { from: one(sp.changesFrom), to: one(sp.changesTo) }),
  ]);
  const built = buildHistoryChart(history.days, history.decisions);
  // The browser draws the chart: it gets only the rows the step line needs, not one a day.
  const historyChart = { ...built, rows: drawnHistoryRows(built.rows) };
  const bars = buildCategoryBars(r.score, settings);
  const capacity = buildCapacitySummary(r.capacity, settings);
  const forbidden = typeof sp.forbidden === "string" ? sp.forbidden : null;
  const hasItems = r.score.criticalTotal > 0 || r.blockers.open > 0;

  return (
    <main className="space-y-5">
      {forbidden && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">That page needs the {forbidden} role in this project; you are {access.role}.</p>
      )}
      {invalid && <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">“{invalid}” is not a date (YYYY-MM-DD); showing today.</p>}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Overview</h2>
          <p className="text-sm text-slate-600">Readiness as of <time dateTime={asOf}>{asOf}</time>{asOf === today ? " (today)" : ""}.</p>
        </div>
        <AsOfPicker asOf={asOf} today={today} path={`/projects/${slug}`} />
      </div>

      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
          <Stat label="Overall score" value={formatScore(r.score.overallPercent)} testId="overall-score"
            hint={`${r.score.criticalDone}/${r.score.criticalTotal} P1 items done · GO at ${settings.goThresholdPercent}%`} />
          <div className="min-w-0">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Verdict</dt>
            <dd className="mt-1"><VerdictBadge value={r.verdict.value} size="md" testId="verdict" /></dd>
          </div>
          <Stat label="Open P1 blockers" value={r.blockers.open} testId="open-blockers" tone={r.blockers.open > 0 ? "bad" : "good"}
            hint={r.blockers.waived > 0 ? `+${r.blockers.waived} under risk acceptance` : undefined} />
          <Stat label="Blocker hours" value={hours(r.blockers.openHours)} testId="open-blocker-hours"
            hint={`range ${hours(r.blockers.openLowHours)}–${hours(r.blockers.openHighHours)}`} />
          <Stat label="Deterministic launch" value={<span data-testid="deterministic-date">{r.projection.deterministic?.date ?? "—"}</span>}
            hint={r.projection.probabilistic ? `P85 ${r.projection.probabilistic.p85}` : undefined} />
        </dl>
      </Card>

      <div className="grid gap-5 lg:grid-cols-5">
        <Card id="scores" title="Score by category" description="Done P1 items over counted P1 items" className="lg:col-span-3">
          {bars.length === 0 ? (
            <p className="text-sm text-slate-600">No categories yet. Add them in Settings.</p>
          ) : !hasItems ? (
            <p className="text-sm text-slate-600">No P1 items yet: the score is undefined until the checklist has P1 items.</p>
          ) : (
            <ScoreChart bars={bars} goThreshold={settings.goThresholdPercent} conditionalThreshold={settings.conditionalThresholdPercent} />
          )}
        </Card>
        <Card id="verdict" title="Verdict and gates" description={r.verdict.summary} className="lg:col-span-2">
          <div className="mb-3 border-b border-slate-100 pb-3"><ConfidenceLine confidence={r.confidence} compact /></div>
          <GateList gates={r.verdict.gates} />
          <a href={`/projects/${slug}/go-no-go${asOf !== today ? `?asOf=${asOf}` : ""}`} className="mt-3 inline-block text-sm font-medium text-blue-700 underline hover:text-blue-900">
            Go/No-Go page
          </a>
        </Card>
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card id="history" title="History" description={history.days.length > 0 ? `Score and verdict per day, ${history.days[0].date} to ${history.days.at(-1)!.date}` : undefined}>
          {history.error ? <p className="text-sm text-slate-600">{history.error}</p>
            : <HistoryChart chart={historyChart} goThreshold={settings.goThresholdPercent} conditionalThreshold={settings.conditionalThresholdPercent} />}
        </Card>
        <Card id="what-changed" title="What changed" description="Why the score moved between two days">
          <WhatChanged report={changes.report} error={changes.error} names={changes.names} path={`/projects/${slug}`}
            hidden={asOf !== today ? { asOf } : {}} defaultRange={{ from: today, to: today }} />
        </Card>
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card id="blockers" title="Blockers per category" description="Open P1 items without a current risk acceptance">
          {bars.length === 0 ? <p className="text-sm text-slate-600">No categories yet.</p> : <CategoryTable bars={bars} slug={slug} />}
        </Card>
        <Card id="projection" title="Launch projection" description={`Counted in working days (${settings.workingDays.join(", ")}) after ${asOf}`}>
          <ProjectionCard projection={r.projection} teamHoursPerDay={settings.teamHoursPerDay} targetLaunchDate={settings.targetLaunchDate} />
        </Card>
      </div>

      <div className="grid gap-5 lg:grid-cols-3">
        <Card id="capacity" title="Capacity" description="From the latest load test per user level">
          <CapacityCard summary={capacity} capacity={r.capacity} />
        </Card>
        <Card id="stability" title="Stability" description="Latest stability run against its baseline">
          <StabilityCard stability={r.stability} />
        </Card>
        <Card id="objectives" title="Objectives" description="Unmeasured counts as failing">
          <ObjectivesList objectives={r.objectives} />
        </Card>
      </div>

      <Card id="freshness" title="Evidence freshness" description={`As of ${asOf}: evidence older than its validity counts as not done until re-confirmed`}>
        <FreshnessList slug={slug} stale={r.stale} staleRuns={r.staleRuns} expiring={r.expiring} />
      </Card>
    </main>
  );
}
