import type { Metadata } from "next";
import { ImportPanel } from "@/components/import/import-panel";
import { RunList } from "@/components/import/run-list";
import { Card } from "@/components/readiness/card";
import { getPageAccess } from "@/lib/server/page-access";
import { roleAtLeast } from "@/lib/server/roles";
import { getMaxUploadBytes } from "@/lib/server/runs/import-run";
import { listRuns } from "@/lib/server/runs/run-queries";
import { listSeries } from "@/lib/server/series/manage-series";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const [runs, series] = await Promise.all([listRuns(access.project.id), listSeries(access.project.id)]);
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
      <Card id="runs" title={`All runs (${runs.length})`}>
        <RunList slug={slug} runs={runs} />
      </Card>
    </main>
  );
}
