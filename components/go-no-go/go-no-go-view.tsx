import { ProjectionCard } from "@/components/overview/projection-card";
import { Card } from "@/components/readiness/card";
import { GateList } from "@/components/readiness/gate-list";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { GateId } from "@/lib/domain";
import { formatScore, GATE_LABEL } from "@/lib/domain/view/readiness-view";
import type { DecisionDto } from "@/lib/server/decisions/decisions";
import type { ProjectSettingsDto } from "@/lib/server/projects/project-settings";
import type { ReadinessReport } from "@/lib/server/readiness/get-readiness";
import type { RiskAcceptanceDto } from "@/lib/server/risk/list-risk-acceptances";
import { DecisionHistory } from "./decision-history";
import { GateRiskForm } from "./gate-risk-form";
import { PrintButton } from "./print-button";
import { RevokeButton } from "./revoke-button";
import { SignDecisionForm } from "./sign-decision-form";

function h(v: number) {
  return `${Number.isInteger(v) ? v : v.toFixed(1)} h`;
}

export interface GoNoGoViewProps {
  slug: string;
  readiness: ReadinessReport;
  settings: ProjectSettingsDto;
  decisions: DecisionDto[];
  acceptances: RiskAcceptanceDto[];
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
  /** Read-only (a share link): no forms, no links to other pages. */
  readOnly?: boolean;
}

/** The Go/No-Go content: verdict, why, what would change it, dates, decisions. */
export function GoNoGoView({ slug, readiness: r, settings, decisions, acceptances, asOf, today, reportHref, toolbar, notice, isLead: lead, readOnly = false }: GoNoGoViewProps) {
  const isLead = lead && !readOnly;
  const query = asOf !== today ? `?asOf=${asOf}` : "";
  const gateAcceptances = acceptances.filter((a) => a.kind === "gate");
  const itemAcceptances = acceptances.filter((a) => a.kind === "item");

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
                {!readOnly && <>{" "}<a className="text-blue-700 underline hover:text-blue-900" href={`/projects/${slug}/blockers${query}`}>See the blockers</a></>}
              </p>
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
