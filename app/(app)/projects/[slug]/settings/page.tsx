import type { Metadata } from "next";
import { Card } from "@/components/readiness/card";
import { CategoriesEditor } from "@/components/settings/categories-editor";
import { CompareTolerancesForm } from "@/components/settings/compare-tolerances-form";
import { ChecklistAsCode } from "@/components/settings/checklist-as-code";
import { MembersEditor } from "@/components/settings/members-editor";
import { ObjectivesEditor } from "@/components/settings/objectives-editor";
import { ProjectSettingsForm } from "@/components/settings/project-settings-form";
import { RunBlockersForm } from "@/components/settings/run-blockers-form";
import { SeriesEditor } from "@/components/settings/series-editor";
import { SettingsSummary } from "@/components/settings/settings-summary";
import { ShareLinksEditor } from "@/components/settings/share-links-editor";
import { TokensEditor } from "@/components/settings/tokens-editor";
import { getCompareTolerances } from "@/lib/server/compare/compare-tolerances";
import { isManagedByCode } from "@/lib/server/checklist-file/managed-by-code";
import { getDb } from "@/lib/server/db";
import { WebhooksEditor } from "@/components/settings/webhooks-editor";
import { getPageAccess } from "@/lib/server/page-access";
import { listCategories } from "@/lib/server/projects/manage-categories";
import { listMembers } from "@/lib/server/projects/manage-members";
import { listObjectives } from "@/lib/server/projects/manage-objectives";
import { getProjectSettings } from "@/lib/server/projects/project-settings";
import { roleAtLeast } from "@/lib/server/roles";
import { getRunBlockerSettings } from "@/lib/server/run-blockers/run-blocker-settings";
import { listSeries } from "@/lib/server/series/manage-series";
import { listShareLinks } from "@/lib/server/share-links/manage-share-links";
import { listTokens } from "@/lib/server/tokens/manage-tokens";
import { listWebhooks } from "@/lib/server/webhooks/manage-webhooks";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const isLead = roleAtLeast(access.role, "LEAD");
  const [settings, objectives, categories, members, tokens, series, runBlockers, tolerances, managedByCode, shareLinks, webhooks] = await Promise.all([
    getProjectSettings(access.project.id),
    listObjectives(access.project.id),
    listCategories(access.project.id),
    listMembers(access.project.id),
    isLead ? listTokens(access) : Promise.resolve(null),
    listSeries(access.project.id),
    getRunBlockerSettings(access.project.id),
    getCompareTolerances(access.project.id),
    isManagedByCode(getDb(), access.project.id),
    isLead ? listShareLinks(access) : Promise.resolve(null),
    isLead ? listWebhooks(access) : Promise.resolve(null),
  ]);

  return (
    <main className="space-y-5">
      <div>
        <h2 className="text-lg font-semibold">Settings</h2>
        {!isLead && (
          <p role="note" className="mt-2 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="leads-only">
            Leads only: you are {access.role} in this project, so you can read these settings but not change them.
          </p>
        )}
      </div>

      <Card id="project" title="Project and thresholds" description={isLead ? `Version ${settings.version}: a save made from an older version is refused.` : undefined}>
        {isLead ? <ProjectSettingsForm slug={slug} settings={settings} /> : <SettingsSummary settings={settings} />}
      </Card>

      <Card id="series" title="Series" description="A series is one repeatable test of one system in one environment; only launch-evidence series feed capacity, anomalies and gates 2–4.">
        <div className="space-y-4">
          <SeriesEditor slug={slug} series={series} canEdit={isLead} />
          <div className="border-t border-slate-200 pt-3">
            <h4 className="mb-2 text-sm font-semibold text-slate-800">Runs open and close blockers</h4>
            <p className="mb-2 text-xs text-slate-600">A launch-evidence run in red or death at or below the required load, or with an endpoint failing at or above the red error bound, opens a P1 item in Performance; a later passing run of the same series resolves it.</p>
            <RunBlockersForm slug={slug} enabled={runBlockers.enabled} estimateHours={runBlockers.estimateHours} canEdit={isLead} />
          </div>
        </div>
      </Card>

      <Card id="compare" title="Run comparison" description="A run is flagged against its baseline only beyond these tolerances and beyond what the sample sizes can tell apart.">
        <CompareTolerancesForm slug={slug} tolerances={tolerances} canEdit={isLead} />
      </Card>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card id="objectives" title="Objectives" description="Targets such as RTO < 4 h; unmeasured counts as failing">
          <ObjectivesEditor slug={slug} objectives={objectives} canEdit={isLead} />
        </Card>
        <Card id="categories" title="Categories and weights" description="In the order the pages list them">
          <CategoriesEditor slug={slug} categories={categories} canEdit={isLead} />
        </Card>
      </div>

      <Card id="checklist-as-code" title="Checklist as code"
        description="The checklist's definitions as a YAML or JSON file: review it in a pull request, apply it from CI (npx launchgate checklist apply). Progress is never touched by an apply.">
        <ChecklistAsCode slug={slug} canApply={isLead} managedByCode={managedByCode} />
      </Card>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card id="members" title="Members and roles">
          <MembersEditor slug={slug} members={members} canEdit={access.isAdmin} />
        </Card>
        <Card id="tokens" title="API tokens" description="For CI pipelines: Authorization: Bearer <token>">
          {tokens ? <TokensEditor slug={slug} tokens={tokens} /> : <p className="text-sm text-slate-600">Leads only: ask a lead of this project for a token.</p>}
        </Card>
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card id="share-links" title="Read-only links" description="The Go/No-Go page and Markdown report for people without an account; every view is logged">
          {shareLinks ? <ShareLinksEditor slug={slug} links={shareLinks} /> : <p className="text-sm text-slate-600">Leads only: ask a lead of this project for a link.</p>}
        </Card>
        <Card id="webhooks" title="Webhooks" description="Signed POSTs (or Slack messages) when the verdict, a gate, a risk or a decision changes">
          {webhooks ? <WebhooksEditor slug={slug} webhooks={webhooks} /> : <p className="text-sm text-slate-600">Leads only.</p>}
        </Card>
      </div>
    </main>
  );
}
