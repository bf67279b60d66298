import type { Metadata } from "next";
import { ConfidenceLine } from "@/components/evidence/confidence-line";
import { DecisionHistory } from "@/components/go-no-go/decision-history";
import { FastestPathsPanel } from "@/components/go-no-go/fastest-paths";
import { WhatIfPanel } from "@/components/go-no-go/what-if-panel";
import { WhatChanged } from "@/components/history/what-changed";
import { GateRiskForm } from "@/components/go-no-go/gate-risk-form";
import { PrintButton } from "@/components/go-no-go/print-button";
import { RevokeButton } from "@/components/go-no-go/revoke-button";
import { SignDecisionForm } from "@/components/go-no-go/sign-decision-form";
import { ProjectionCard } from "@/components/overview/projection-card";
import { AsOfPicker } from "@/components/readiness/as-of-picker";
import { Card } from "@/components/readiness/card";
import { GateList } from "@/components/readiness/gate-list";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { GateId } from "@/lib/domain";
import { formatScore, GATE_LABEL } from "@/lib/domain/view/readiness-view";
import { listDecisions } from "@/lib/server/decisions/decisions";
import { getChangesPanel } from "@/lib/server/history/get-history";
import { getFastestPaths } from "@/lib/server/paths/get-paths";
import { getPageAccess } from "@/lib/server/page-access";
import { getProjectSettings } from "@/lib/server/projects/project-settings";
import { getReadiness } from "@/lib/server/readiness/get-readiness";
import { resolvePageAsOf } from "@/lib/server/readiness/page-as-of";
import { listRiskAcceptances } from "@/lib/server/risk/list-risk-acceptances";
import { roleAtLeast } from "@/lib/server/roles";

export const metadata: Metadata = { title: "Go/No-Go" };

function h(v: number) {
  return `${Number.isInteger(v) ? v : v.toFixed(1)} h`;
}

export default async function GoNoGoPage({ params, searchParams }: {
  params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const sp = await searchParams;
  const { asOf, today, invalid } = resolvePageAsOf(sp.asOf);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;
  const [r, settings, decisions, acceptances, paths, changes] = await Promise.all([
    getReadiness(access.project, asOf), getProjectSettings(access.project.id), listDecisions(access.project.id), listRiskAcceptances(access.project.id, asOf),
    getFastestPaths(access.project, asOf), getChangesPanel(access.project, { from: one(sp.changesFrom), to: one(sp.changesTo) }),
  ]);
  const titles = Object.fromEntries(paths.go.items.map((i) => [i.id, i.title]));
  const isLead = roleAtLeast(access.role, "LEAD");
  const query = asOf !== today ? `?asOf=${asOf}` : "";
  const gateAcceptances = acceptances.filter((a) => a.kind === "gate");
  const itemAcceptances = acceptances.filter((a) => a.kind === "item");

  return (
    <main className="space-y-5">
      {invalid && <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">“{invalid}” is not a date (YYYY-MM-DD); showing today.</p>}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-lg font-semibold">Go/No-Go</h2>
        <div className="no-print flex flex-wrap items-end gap-2">
          <AsOfPicker asOf={asOf} today={today} path={`/projects/${slug}/go-no-go`} />
          <a href={`/api/v1/projects/${slug}/report.md${query}`} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
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
          <div><dt className="text-xs text-slate-500">Open P1 blockers</dt><dd className="text-lg font-semibold tabular-nums">{r.blockers.open} · {h(r.blockers.openHours)}</dd></div>
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
          <div className="space-y-4 text-sm">
            <div>
              <h3 className="font-semibold">Open P1 work</h3>
              <p className="mt-0.5 text-slate-700">
                {r.blockers.open === 0 ? "No open P1 item blocks launch." : <>Close <strong>{r.blockers.open}</strong> open P1 item{r.blockers.open === 1 ? "" : "s"} (<strong>{h(r.blockers.openHours)}</strong>), or accept some as risks.</>}
                {" "}<a className="text-blue-700 underline hover:text-blue-900" href={`/projects/${slug}/blockers${query}`}>See the blockers</a>
              </p>
              {r.stale.length > 0 && (
                <p className="mt-0.5 text-slate-700" data-testid="stale-summary">
                  {r.stale.length} done item{r.stale.length === 1 ? "" : "s"} with expired evidence count{r.stale.length === 1 ? "s" : ""} as not done
                  ({r.stale.slice(0, 3).map((s) => `${s.title}: evidence expired on ${s.expiredOn}`).join("; ")}{r.stale.length > 3 ? "; …" : ""}).
                  {" "}<a className="text-blue-700 underline hover:text-blue-900" href={`/projects/${slug}/checklist?evidence=expired`}>Re-confirm</a>
                </p>
              )}
              <p className="mt-0.5 text-slate-700">Score {formatScore(r.score.overallPercent)}: GO needs {settings.goThresholdPercent}%, CONDITIONAL GO {settings.conditionalThresholdPercent}%.</p>
            </div>
            <div>
              <h3 className="font-semibold">Gate waivers</h3>
              {gateAcceptances.length === 0 ? <p className="mt-0.5 text-slate-600">No gate waived.</p> : (
                <ul className="mt-1 divide-y divide-slate-100" aria-label="Gate waivers">
                  {gateAcceptances.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                      <div className="min-w-0 flex-1 basis-48">
                        <p className="font-medium">{GATE_LABEL[a.gateId as GateId] ?? a.gateId}</p>
                        <p className="break-words text-slate-700">{a.mitigation}</p>
                        <p className={`text-xs ${a.expired ? "font-semibold text-nogo" : "text-slate-500"}`}>{a.expired ? "expired" : "until"} {a.expiresOn}{a.acceptedBy ? ` · accepted by ${a.acceptedBy}` : ""}</p>
                      </div>
                      {isLead && <RevokeButton slug={slug} id={a.id} label={GATE_LABEL[a.gateId as GateId] ?? a.gateId ?? "gate"} />}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3 className="font-semibold">Accepted risks (items)</h3>
              {itemAcceptances.length === 0 ? <p className="mt-0.5 text-slate-600">No open P1 item is accepted as a risk.</p> : (
                <ul className="mt-1 divide-y divide-slate-100" aria-label="Accepted item risks">
                  {itemAcceptances.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                      <div className="min-w-0 flex-1 basis-48">
                        <p className="break-words font-medium">{a.itemTitle}{a.itemHours !== null ? <span className="font-normal text-slate-500"> · {h(a.itemHours)}</span> : null}</p>
                        <p className="break-words text-slate-700">{a.mitigation}</p>
                        <p className={`text-xs ${a.expired ? "font-semibold text-nogo" : "text-slate-500"}`}>{a.expired ? "expired — blocks again" : "until"} {a.expiresOn}{a.acceptedBy ? ` · accepted by ${a.acceptedBy}` : ""}</p>
                      </div>
                      {isLead && <RevokeButton slug={slug} id={a.id} label={a.itemTitle ?? "item"} />}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </Card>
      </div>

      <Card id="paths" title="Fastest paths" description="The least work to each verdict, from the open P1 items and the gates">
        <FastestPathsPanel paths={paths} titles={titles} />
      </Card>

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
        <Card id="what-changed" title="What changed" description="Why the score moved between two days">
          <WhatChanged report={changes.report} error={changes.error} names={changes.names} path={`/projects/${slug}/go-no-go`}
            hidden={asOf !== today ? { asOf } : {}} defaultRange={{ from: today, to: today }} />
        </Card>
      </div>

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
