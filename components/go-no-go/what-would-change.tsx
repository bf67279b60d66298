import type { GateId } from "@/lib/domain";
import { formatScore, GATE_LABEL } from "@/lib/domain/view/readiness-view";
import type { ProjectSettingsDto } from "@/lib/server/projects/project-settings";
import type { ReadinessReport } from "@/lib/server/readiness/get-readiness";
import type { RiskAcceptanceDto } from "@/lib/server/risk/list-risk-acceptances";
import { RevokeButton } from "./revoke-button";

export function hours(v: number) {
  return `${Number.isInteger(v) ? v : v.toFixed(1)} h`;
}

const link = "text-blue-700 underline hover:text-blue-900";

/** "What would change it": open P1 work, expired evidence, gate waivers and accepted item risks. */
export function WhatWouldChange({ slug, readiness: r, settings, acceptances, query, canRevoke, readOnly }: {
  slug: string; readiness: ReadinessReport; settings: ProjectSettingsDto; acceptances: RiskAcceptanceDto[];
  /** `?asOf=…` when the page is not at today. */
  query: string; canRevoke: boolean; readOnly: boolean;
}) {
  const gateAcceptances = acceptances.filter((a) => a.kind === "gate");
  const itemAcceptances = acceptances.filter((a) => a.kind === "item");
  return (
    <div className="space-y-4 text-sm">
      <div>
        <h3 className="font-semibold">Open P1 work</h3>
        <p className="mt-0.5 text-slate-700">
          {r.blockers.open === 0 ? "No open P1 item blocks launch." : <>Close <strong>{r.blockers.open}</strong> open P1 item{r.blockers.open === 1 ? "" : "s"} (<strong>{hours(r.blockers.openHours)}</strong>), or accept some as risks.</>}
          {!readOnly && <>{" "}<a className={link} href={`/projects/${slug}/blockers${query}`}>See the blockers</a></>}
        </p>
        {r.stale.length > 0 && (
          <p className="mt-0.5 text-slate-700" data-testid="stale-summary">
            {r.stale.length} done item{r.stale.length === 1 ? "" : "s"} with expired evidence count{r.stale.length === 1 ? "s" : ""} as not done
            ({r.stale.slice(0, 3).map((s) => `${s.title}: evidence expired on ${s.expiredOn}`).join("; ")}{r.stale.length > 3 ? "; …" : ""}).
            {!readOnly && <>{" "}<a className={link} href={`/projects/${slug}/checklist?evidence=expired`}>Re-confirm</a></>}
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
                {canRevoke && <RevokeButton slug={slug} id={a.id} label={GATE_LABEL[a.gateId as GateId] ?? a.gateId ?? "gate"} />}
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
                  <p className="break-words font-medium">{a.itemTitle}{a.itemHours !== null ? <span className="font-normal text-slate-500"> · {hours(a.itemHours)}</span> : null}</p>
                  <p className="break-words text-slate-700">{a.mitigation}</p>
                  <p className={`text-xs ${a.expired ? "font-semibold text-nogo" : "text-slate-500"}`}>{a.expired ? "expired — blocks again" : "until"} {a.expiresOn}{a.acceptedBy ? ` · accepted by ${a.acceptedBy}` : ""}</p>
                </div>
                {canRevoke && <RevokeButton slug={slug} id={a.id} label={a.itemTitle ?? "item"} />}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
