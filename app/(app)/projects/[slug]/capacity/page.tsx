import type { Metadata } from "next";
import Link from "next/link";
import { LevelsTable } from "@/components/capacity/levels-table";
import { RunsTable } from "@/components/capacity/runs-table";
import { ThroughputChart } from "@/components/capacity/throughput-chart";
import { ZoneChart } from "@/components/capacity/zone-chart";
import { ChangeMarkerList } from "@/components/evidence/change-marker-list";
import { ConfidenceLine } from "@/components/evidence/confidence-line";
import { Card, EmptyState, Stat } from "@/components/readiness/card";
import { buildCapacityChart, buildCapacityRunRows } from "@/lib/domain/view/capacity-chart";
import { listChangeMarkers } from "@/lib/server/change-markers/change-markers";
import { getPageAccess } from "@/lib/server/page-access";
import { getReadiness } from "@/lib/server/readiness/get-readiness";
import { todayUtc } from "@/lib/server/readiness/load-readiness-input";
import { getZoneSettings } from "@/lib/server/runs/get-zone-settings";
import { listRuns } from "@/lib/server/runs/run-queries";
import { listSeries } from "@/lib/server/series/manage-series";

export const metadata: Metadata = { title: "Capacity" };

export default async function CapacityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const [readiness, runs, zones, series, markers] = await Promise.all([
    getReadiness(access.project, todayUtc()),
    listRuns(access.project.id),
    getZoneSettings(access.project.id),
    listSeries(access.project.id),
    listChangeMarkers(access.project.id),
  ]);
  const evidence = series.filter((x) => x.launchEvidence);
  const capacity = readiness.capacity;
  const rows = buildCapacityRunRows(runs, capacity);
  if (rows.length === 0) {
    return (
      <main className="space-y-4">
        <h2 className="text-xl font-semibold">Capacity</h2>
        <EmptyState title="No load tests yet">
          <p>
            Import Locust, k6, JMeter, Gatling or Artillery results with <code className="rounded bg-slate-100 px-1">npx launchgate import {slug} &lt;files&gt;</code>{" "}
            or <code className="rounded bg-slate-100 px-1">POST /api/v1/projects/{slug}/runs</code>; the zones, safe capacity and breaking point then appear here.
          </p>
        </EmptyState>
      </main>
    );
  }
  const chart = buildCapacityChart(capacity, zones.requiredUsers, zones.thresholds);
  const safeEnough = capacity.safeCapacityUsers !== null && capacity.safeCapacityUsers >= zones.requiredUsers;
  return (
    <main className="min-w-0 space-y-4">
      <div>
        <h2 className="text-xl font-semibold">Capacity</h2>
        <p className="text-sm text-slate-600" data-testid="evidence-series">
          From the launch-evidence series: {evidence.length ? evidence.map((x) => x.name).join(", ") : "none (mark one in Settings → Series)"}.
        </p>
      </div>
      <Card>
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat label="Safe capacity" testId="safe-capacity" tone={safeEnough ? "good" : "bad"}
            value={capacity.safeCapacityUsers === null ? "—" : `${capacity.safeCapacityUsers} users`}
            hint={`needs ${zones.requiredUsers} (${zones.requiredHeadroom}× ${zones.expectedProductionUsers} expected)`} />
          <Stat label="Breaking point" testId="breaking-point" tone={capacity.breakingPointUsers === null ? "default" : "warn"}
            value={capacity.breakingPointUsers === null ? "not reached" : `${capacity.breakingPointUsers} users`} />
          <Stat label="Throughput ceiling" value={capacity.throughputCeilingRps === null ? "—" : `${capacity.throughputCeilingRps} req/s`} />
          <Stat label="Capacity loss" tone={chart.worstCapacityLoss ? "warn" : "default"}
            value={chart.worstCapacityLoss ? `${chart.worstCapacityLoss.percent}%` : "—"}
            hint={chart.worstCapacityLoss ? `below linear at ${chart.worstCapacityLoss.users} users` : "none measured"} />
        </dl>
        <div className="mt-4 border-t border-slate-100 pt-3"><ConfidenceLine confidence={readiness.confidence} compact /></div>
      </Card>
      {capacity.anomalies.length > 0 && (
        <section aria-labelledby="anomalies-title" className="rounded-lg border border-red-200 bg-red-50 p-4" data-testid="capacity-anomalies">
          <h3 id="anomalies-title" className="font-semibold text-red-900">
            {capacity.anomalies.length === 1 ? "1 unresolved anomaly" : `${capacity.anomalies.length} unresolved anomalies`}
          </h3>
          <ul className="mt-2 space-y-1 text-sm text-red-900">
            {capacity.anomalies.map((a) => (
              <li key={a.users} className="break-words">
                {a.message} —{" "}
                <Link href={`/projects/${encodeURIComponent(slug)}/runs/${a.runId}`} className="font-medium underline">open the run</Link>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-red-800">A newer run at that load resolves it.</p>
        </section>
      )}
      {capacity.levels.length === 0 ? (
        <EmptyState title="No launch-evidence run measured a load">
          <p>The runs below belong to series that are not launch evidence, so they feed neither the zones nor the verdict. A lead marks a series as launch evidence in <Link href={`/projects/${encodeURIComponent(slug)}/settings#series`} className="underline">Settings → Series</Link>.</p>
        </EmptyState>
      ) : (
        <>
          <div className="grid gap-4 xl:grid-cols-4">
            <Card title="Zones by load" description="Latest run per user level; bands from the zone rules, lines per measured level, dotted lines at the P95 bounds." className="xl:col-span-3">
              <ZoneChart model={chart} />
            </Card>
            <Card title="Changes" description="Deploys and config changes">
              <ChangeMarkerList markers={markers} limit={6}
                note="Listed here, not drawn: the zone and throughput charts run over users, not time." />
            </Card>
          </div>
          <Card title="Throughput" description="Requests per second against users, with the linear expectation from the safe level.">
            <ThroughputChart model={chart} />
          </Card>
          <Card title="Measured levels" description="The figures behind the charts; the linear throughput and the capacity loss are relative to the safe level.">
            <LevelsTable slug={slug} points={chart.points} />
          </Card>
        </>
      )}
      <Card title="Load-test runs" description={`${rows.length} run${rows.length === 1 ? "" : "s"}; a superseded run has a newer one at the same load; runs of a series that is not launch evidence are listed, not counted.`}>
        <RunsTable slug={slug} runs={rows} />
      </Card>
    </main>
  );
}
