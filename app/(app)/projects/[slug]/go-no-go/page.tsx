import type { Metadata } from "next";
import { GoNoGoView } from "@/components/go-no-go/go-no-go-view";
import { AsOfPicker } from "@/components/readiness/as-of-picker";
import { listDecisions } from "@/lib/server/decisions/decisions";
import { getChangesPanel } from "@/lib/server/history/get-history";
import { getPageAccess } from "@/lib/server/page-access";
import { getFastestPaths } from "@/lib/server/paths/get-paths";
import { getProjectSettings } from "@/lib/server/projects/project-settings";
import { getReadiness } from "@/lib/server/readiness/get-readiness";
import { resolvePageAsOf } from "@/lib/server/readiness/page-as-of";
import { listRiskAcceptances } from "@/lib/server/risk/list-risk-acceptances";
import { roleAtLeast } from "@/lib/server/roles";

export const metadata: Metadata = { title: "Go/No-Go" };

export default async function GoNoGoPage({ params, searchParams }: {
  params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const sp = await searchParams;
  const { asOf, today, invalid } = resolvePageAsOf(sp.asOf);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;
  const [readiness, settings, decisions, acceptances, paths, changes] = await Promise.all([
    getReadiness(access.project, asOf), getProjectSettings(access.project.id), listDecisions(access.project.id), listRiskAcceptances(access.project.id, asOf),
    getFastestPaths(access.project, asOf), getChangesPanel(access.project, { from: one(sp.changesFrom), to: one(sp.changesTo) }),
  ]);
  const query = asOf !== today ? `?asOf=${asOf}` : "";
  return (
    <GoNoGoView
      slug={slug} readiness={readiness} settings={settings} decisions={decisions} acceptances={acceptances} paths={paths} changes={changes}
      asOf={asOf} today={today} isLead={roleAtLeast(access.role, "LEAD")} reportHref={`/api/v1/projects/${slug}/report.md${query}`}
      toolbar={<AsOfPicker asOf={asOf} today={today} path={`/projects/${slug}/go-no-go`} />}
      notice={invalid && <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">“{invalid}” is not a date (YYYY-MM-DD); showing today.</p>}
    />
  );
}
