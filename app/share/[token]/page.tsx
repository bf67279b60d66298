import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { GoNoGoView } from "@/components/go-no-go/go-no-go-view";
import { clientAddressOf } from "@/lib/server/client-address";
import { listDecisions } from "@/lib/server/decisions/decisions";
import { getFastestPaths } from "@/lib/server/paths/get-paths";
import { getProjectSettings } from "@/lib/server/projects/project-settings";
import { getReadiness } from "@/lib/server/readiness/get-readiness";
import { todayUtc } from "@/lib/server/readiness/load-readiness-input";
import { listRiskAcceptances } from "@/lib/server/risk/list-risk-acceptances";
import { recordShareView, resolveShareLink } from "@/lib/server/share-links/resolve-share-link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Go/No-Go (shared)", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** The Go/No-Go page through a share link: read-only, today's figures, no way to other pages. */
export default async function SharedGoNoGoPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveShareLink(token);
  if (!link) notFound();
  const h = await headers();
  await recordShareView(link.linkId, {
    clientIp: clientAddressOf((name) => h.get(name)),
    userAgent: h.get("user-agent"),
    path: "page",
  });
  const today = todayUtc();
  const [readiness, settings, decisions, acceptances, paths] = await Promise.all([
    getReadiness(link.project, today), getProjectSettings(link.project.id), listDecisions(link.project.id), listRiskAcceptances(link.project.id, today),
    getFastestPaths(link.project, today),
  ]);
  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <header className="mb-5 flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 pb-3">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Launchgate · read-only link</p>
          <h1 className="text-xl font-semibold" data-testid="shared-project">{link.project.name}</h1>
        </div>
        <p className="text-xs text-slate-600">This link expires {link.expiresAt.slice(0, 16).replace("T", " ")} UTC.</p>
      </header>
      <GoNoGoView
        slug={link.project.slug} readiness={readiness} settings={settings} decisions={decisions} acceptances={acceptances} paths={paths}
        asOf={today} today={today} isLead={false} readOnly reportHref={`/share/${token}/report.md`}
      />
    </div>
  );
}
