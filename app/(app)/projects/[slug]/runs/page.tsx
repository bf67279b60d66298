import type { Metadata } from "next";
import { ChangeMarkerForm } from "@/components/evidence/change-marker-form";
import { ChangeMarkerList } from "@/components/evidence/change-marker-list";
import { CompareRunsPicker } from "@/components/compare/compare-runs-picker";
import { ImportPanel } from "@/components/import/import-panel";
import { RunList } from "@/components/import/run-list";
import { Card } from "@/components/readiness/card";
import { listChangeMarkers } from "@/lib/server/change-markers/change-markers";
import { getPageAccess } from "@/lib/server/page-access";
import { getReadiness } from "@/lib/server/readiness/get-readiness";
import { todayUtc } from "@/lib/server/readiness/load-readiness-input";
import { roleAtLeast } from "@/lib/server/roles";
import { getMaxUploadBytes } from "@/lib/server/runs/import-run";
import { listRuns } from "@/lib/server/runs/run-queries";
import { listSeries } from "@/lib/server/series/manage-series";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const [runs, series, markers, readiness] = await Promise.all([
    listRuns(access.project.id), listSeries(access.project.id), listChangeMarkers(access.project.id), getReadiness(access.project, todayUtc()),
  ]);
  const canImport = roleAtLeast(access.role, "ENGINEER");
  return (
    <main className="space-y-5">
      <div>
        <h2 className="text-lg font-semibold">Runs</h2>
        <p className="text-sm text-slate-600">Load, stress and stability test results, by series; the runs of launch-evidence series feed the capacity analysis and the verdict.</p>
      </div>
      {canImport && (
        <Card id="import" title="Import a run" description="Real tool output, streamed to the server; several files of one run (e.g. Locust stats + stats_history + failures) together.">
          <ImportPanel slug={slug} maxBytes={getMaxUploadBytes()} series={series} />
        </Card>
      )}
      {runs.length > 0 && (
        <Card id="compare-runs" title="Compare two runs" description="Per endpoint and per step: what got faster or slower, where errors appeared.">
          <CompareRunsPicker slug={slug} runs={runs.map((r) => ({ id: r.id, name: r.name, runDate: r.runDate, users: r.users }))} />
        </Card>
      )}
      <Card id="runs" title={`All runs (${runs.length})`}>
        {readiness.staleRuns.length > 0 && (
          <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="stale-runs">
            {readiness.staleRuns.length} run{readiness.staleRuns.length === 1 ? " is" : "s are"} older than the Performance category&apos;s evidence validity and no longer count for capacity
            ({readiness.staleRuns.slice(0, 3).map((r) => `${r.name}: evidence expired on ${r.expiredOn}`).join("; ")}{readiness.staleRuns.length > 3 ? "; …" : ""}).
          </p>
        )}
        <RunList slug={slug} runs={runs} />
      </Card>
      <Card id="changes" title={`Change markers (${markers.length})`} description="Deploys and config changes. Load tests measured before the latest one count with less confidence; the burndown and stability charts draw them as vertical lines.">
        <div className="space-y-3">
          <ChangeMarkerList markers={markers} limit={20} />
          {canImport && <ChangeMarkerForm slug={slug} />}
        </div>
      </Card>
    </main>
  );
}
