import type { Metadata } from "next";
import { CompareRunsPicker } from "@/components/compare/compare-runs-picker";
import { ImportPanel } from "@/components/import/import-panel";
import { RunList } from "@/components/import/run-list";
import { Card } from "@/components/readiness/card";
import { getPageAccess } from "@/lib/server/page-access";
import { roleAtLeast } from "@/lib/server/roles";
import { getMaxUploadBytes } from "@/lib/server/runs/import-run";
import { listRuns } from "@/lib/server/runs/run-queries";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const runs = await listRuns(access.project.id);
  const canImport = roleAtLeast(access.role, "ENGINEER");
  return (
    <main className="space-y-5">
      <div>
        <h2 className="text-lg font-semibold">Runs</h2>
        <p className="text-sm text-slate-600">Load, stress and stability test results; each feeds the capacity analysis and the verdict.</p>
      </div>
      {canImport && (
        <Card id="import" title="Import a run" description="Real tool output, streamed to the server; several files of one run (e.g. Locust stats + stats_history + failures) together.">
          <ImportPanel slug={slug} maxBytes={getMaxUploadBytes()} />
        </Card>
      )}
      {runs.length > 0 && (
        <Card id="compare-runs" title="Compare two runs" description="Per endpoint and per step: what got faster or slower, where errors appeared.">
          <CompareRunsPicker slug={slug} runs={runs.map((r) => ({ id: r.id, name: r.name, runDate: r.runDate, users: r.users }))} />
        </Card>
      )}
      <Card id="runs" title={`All runs (${runs.length})`}>
        <RunList slug={slug} runs={runs} />
      </Card>
    </main>
  );
}
