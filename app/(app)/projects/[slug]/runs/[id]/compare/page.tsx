import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareCharts } from "@/components/compare/compare-charts";
import { StatusBadge } from "@/components/compare/compare-format";
import { CompareSteps, CompareSummary } from "@/components/compare/compare-summary";
import { CompareTable } from "@/components/compare/compare-table";
import { CompareWithForm } from "@/components/compare/compare-with-form";
import { Card, EmptyState } from "@/components/readiness/card";
import { NotFoundError } from "@/lib/server/errors";
import { getCompareChoices, getComparePage } from "@/lib/server/compare/get-compare-page";
import { getPageAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Compare runs" };

async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export default async function ComparePage({ params, searchParams }: {
  params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ baseline?: string | string[] }>;
}) {
  const [{ slug, id }, query] = await Promise.all([params, searchParams]);
  const requested = (Array.isArray(query.baseline) ? query.baseline[0] : query.baseline)?.trim() || null;
  const access = await getPageAccess(slug);
  const choices = await orNotFound(getCompareChoices(access.project.id, id));
  const page = await orNotFound(getComparePage(access.project.id, id, requested));
  const runHref = `/projects/${encodeURIComponent(slug)}/runs/${encodeURIComponent(id)}`;
  const c = page.ok ? page.comparison : null;

  return (
    <main className="min-w-0 space-y-4">
      <div>
        <nav aria-label="Breadcrumb" className="flex flex-wrap gap-x-3 text-sm">
          <Link href={runHref} className="text-blue-700 underline-offset-2 hover:underline">← The run</Link>
          <Link href={`/projects/${encodeURIComponent(slug)}/runs`} className="text-blue-700 underline-offset-2 hover:underline">All runs</Link>
        </nav>
        <h2 className="mt-1 break-words text-xl font-semibold">
          {c ? <>Compare: {c.run.name} <span className="font-normal text-slate-500">against</span> {c.baseline.name}</> : "Compare runs"}
        </h2>
        {c && (
          <p className="mt-1 text-sm text-slate-600">
            Run {c.run.runDate}{c.run.users !== null ? `, ${c.run.users} users` : ""} · baseline {c.baseline.runDate}
            {c.baseline.users !== null ? `, ${c.baseline.users} users` : ""}
            {c.baselineSource === "default" ? (c.baseline.isBaseline ? " (the marked baseline)" : " (default: the previous run at the same load)") : ""}
            {!c.sameLoad && <span className="ml-1 font-medium text-amber-800">· the loads differ: compare steps at equal users</span>}
          </p>
        )}
      </div>

      <Card>
        <CompareWithForm slug={slug} runId={id} choices={choices.choices} selectedId={c?.baseline.id ?? requested} defaultBaselineId={choices.defaultBaselineId} />
      </Card>

      {!page.ok && (
        <EmptyState title={page.status === 404 ? "That baseline is not a run of this project" : "These runs cannot be compared"}>
          <span data-testid="compare-error">{page.message}</span>
        </EmptyState>
      )}

      {c && page.ok && (
        <>
          <Card title="Summary" description={
            <>
              {c.regressed ? <strong className="text-red-700">Regression beyond tolerance.</strong> : "No regression beyond tolerance."}{" "}
              Flagged when P95 grows over {c.tolerances.p95Percent} %, the error rate over {c.tolerances.errorRatePoints} points or throughput
              drops over {c.tolerances.throughputPercent} %, and the sample sizes can tell the change from noise.{" "}
              <Link href={`/projects/${encodeURIComponent(slug)}/settings#compare`} className="text-blue-700 underline-offset-2 hover:underline">Tolerances</Link>
            </>
          }>
            <CompareSummary summary={c.summary} />
          </Card>
          {(page.overlay.has.latency || page.overlay.has.rps) && (
            <Card title="Over time" description="Both runs from their own start; the baseline dashed.">
              <CompareCharts series={page.overlay} runName={c.run.name} baselineName={c.baseline.name} />
            </Card>
          )}
          {c.steps.length > 0 && (
            <Card title="Steps" description="User levels both runs held.">
              <CompareSteps steps={c.steps} />
            </Card>
          )}
          <Card title="Endpoints" description={
            <span className="inline-flex flex-wrap items-center gap-1.5">
              {(["regressed", "improved", "unchanged", "new", "gone"] as const).map((s) => (
                <span key={s} className="inline-flex items-center gap-1"><StatusBadge status={s} /> {c.counts[s]}</span>
              ))}
              <span>· matched by method and name, ids in paths read as {"{id}"}</span>
            </span>
          }>
            {c.endpoints.length ? <CompareTable rows={c.endpoints} /> : <p className="text-sm text-slate-600">Neither run recorded endpoints.</p>}
          </Card>
        </>
      )}
    </main>
  );
}
