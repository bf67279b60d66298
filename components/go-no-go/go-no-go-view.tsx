import { ConfidenceLine } from "@/components/evidence/confidence-line";
import { WhatChanged } from "@/components/history/what-changed";
import { ProjectionCard } from "@/components/overview/projection-card";
import { Card } from "@/components/readiness/card";
import { GateList } from "@/components/readiness/gate-list";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import { formatScore, GATE_LABEL } from "@/lib/domain/view/readiness-view";
import type { DecisionDto } from "@/lib/server/decisions/decisions";
import type { getChangesPanel } from "@/lib/server/history/get-history";
import type { getFastestPaths } from "@/lib/server/paths/get-paths";
import type { ProjectSettingsDto } from "@/lib/server/projects/project-settings";
import type { ReadinessReport } from "@/lib/server/readiness/get-readiness";
import type { RiskAcceptanceDto } from "@/lib/server/risk/list-risk-acceptances";
import { DecisionHistory } from "./decision-history";
import { FastestPathsPanel } from "./fastest-paths";
import { GateRiskForm } from "./gate-risk-form";
import { PrintButton } from "./print-button";
import { SignDecisionForm } from "./sign-decision-form";
import { WhatIfPanel } from "./what-if-panel";
import { hours, WhatWouldChange } from "./what-would-change";

export interface GoNoGoViewProps {
  slug: string;
  readiness: ReadinessReport;
  settings: ProjectSettingsDto;
  decisions: DecisionDto[];
  acceptances: RiskAcceptanceDto[];
  paths: Awaited<ReturnType<typeof getFastestPaths>>;
  /** "What changed" between two days; omitted on a share link (its date form is a page of its own). */
  changes?: Awaited<ReturnType<typeof getChangesPanel>>;
  asOf: string;
  today: string;
  /** Where "Download report (Markdown)" points. */
  reportHref: string;
  /** Controls above the verdict (the as-of picker), beside the report and print buttons. */
  toolbar?: React.ReactNode;
  /** A notice above everything (e.g. an invalid asOf). */
  notice?: React.ReactNode;
  /** Signed-in lead: sign decisions, accept gate risks, withdraw waivers. */
  isLead: boolean;
  /** Read-only (a share link): no forms, no what-if, no links to other pages. */
  readOnly?: boolean;
}

/** The Go/No-Go content: verdict, why, what would change it, fastest paths, what if, what changed, dates, decisions. */
export function GoNoGoView({ slug, readiness: r, settings, decisions, acceptances, paths, changes, asOf, today, reportHref, toolbar, notice, isLead: lead, readOnly = false }: GoNoGoViewProps) {
  const isLead = lead && !readOnly;
  const query = asOf !== today ? `?asOf=${asOf}` : "";
  const titles = Object.fromEntries(paths.go.items.map((i) => [i.id, i.title]));

  return (
    <main className="space-y-5">
      {notice}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-lg font-semibold">Go/No-Go</h2>
        <div className="no-print flex flex-wrap items-end gap-2">
          {toolbar}
          <a href={reportHref} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
            Download report (Markdown)
          </a>
          <PrintButton />
        </div>
      </div>

      <section aria-labelledby="verdict-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm print:shadow-none sm:p-6">
        <p id="verdict-title" className="text-sm font-medium uppercase tracking-wide text-slate-500">Recommendation as of {asOf}</p>
        <div className="mt-2 flex flex-wrap items-center gap-4">
          <VerdictBadge value={r.verdict.value} size="lg" testId="verdict" />
          <p className="min-w-0 flex-1 basis-64 text-base text-slate-800">{r.verdict.summary}.</p>
        </div>
        <div className="mt-3"><ConfidenceLine confidence={r.confidence} /></div>
        <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div><dt className="text-xs text-slate-500">Readiness score</dt><dd className="text-lg font-semibold tabular-nums">{formatScore(r.score.overallPercent)}</dd></div>
          <div><dt className="text-xs text-slate-500">Open P1 blockers</dt><dd className="text-lg font-semibold tabular-nums">{r.blockers.open} · {hours(r.blockers.openHours)}</dd></div>
          <div><dt className="text-xs text-slate-500">Earliest launch</dt><dd className="text-lg font-semibold tabular-nums">{r.projection.deterministic?.date ?? "—"}</dd></div>
          <div><dt className="text-xs text-slate-500">P85 launch</dt><dd className="text-lg font-semibold tabular-nums">{r.projection.probabilistic?.p85 ?? "—"}</dd></div>
        </dl>
      </section>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card id="why" title="Why" description="Every gate must pass (or be waived) for a GO">
          <GateList gates={r.verdict.gates} renderAction={isLead && asOf >= today ? (g) =>
            g.status === "fail" && g.id !== "open-p1" ? <GateRiskForm slug={slug} gateId={g.id} gateLabel={GATE_LABEL[g.id]} today={today} /> : null
            : undefined} />
        </Card>
        <Card id="change" title="What would change it">
          <WhatWouldChange slug={slug} readiness={r} settings={settings} acceptances={acceptances} query={query} canRevoke={isLead} readOnly={readOnly} />
        </Card>
      </div>

      <Card id="paths" title="Fastest paths" description="The least work to each verdict, from the open P1 items and the gates">
        <FastestPathsPanel paths={paths} titles={titles} />
      </Card>

      {!readOnly && (
        <div className="grid gap-5 lg:grid-cols-2">
          <Card id="what-if" title="What if" description="Tick items or gates as done: the server recomputes, nothing is saved" className="no-print">
            <WhatIfPanel slug={slug} asOf={asOf}
              items={paths.go.items.map((i) => ({ id: i.id, label: i.title, hours: i.hours }))}
              gates={r.verdict.gates.filter((g) => g.id !== "open-p1" && g.status !== "pass").map((g) => ({ id: g.id, label: GATE_LABEL[g.id] }))}
              current={{
                scorePercent: r.score.overallPercent, verdict: r.verdict.value, summary: r.verdict.summary, openP1: r.blockers.open,
                remainingHours: r.projection.remainingHours, date: r.projection.deterministic?.date ?? null, p85Date: r.projection.probabilistic?.p85 ?? null,
              }} />
          </Card>
          {changes && (
            <Card id="what-changed" title="What changed" description="Why the score moved between two days">
              <WhatChanged report={changes.report} error={changes.error} names={changes.names} path={`/projects/${slug}/go-no-go`}
                hidden={asOf !== today ? { asOf } : {}} defaultRange={{ from: today, to: today }} />
            </Card>
          )}
        </div>
      )}

      <div className="grid gap-5 lg:grid-cols-2">
        <Card id="dates" title="Launch dates" description={`Working days (${settings.workingDays.join(", ")}) after ${asOf}`}>
          <ProjectionCard projection={r.projection} teamHoursPerDay={settings.teamHoursPerDay} targetLaunchDate={settings.targetLaunchDate} />
        </Card>
        <Card id="decisions" title="Decision history" description="Signed decisions, newest first">
          <div className="space-y-4">
            {isLead && <div className="no-print"><SignDecisionForm slug={slug} computed={r.verdict.value} asOf={asOf} /></div>}
            <DecisionHistory decisions={decisions} />
          </div>
        </Card>
      </div>
    </main>
  );
}
