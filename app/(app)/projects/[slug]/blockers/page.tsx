import type { Metadata } from "next";
import { BlockerBoard } from "@/components/blockers/blocker-board";
import { BurndownChart } from "@/components/blockers/burndown-chart";
import { AsOfPicker } from "@/components/readiness/as-of-picker";
import { Card, Stat } from "@/components/readiness/card";
import { placeMarkersOnDays } from "@/lib/domain/view/change-marker-axis";
import { getBlockersPage } from "@/lib/server/blockers/get-blockers";
import { listChangeMarkers } from "@/lib/server/change-markers/change-markers";
import { getPageAccess } from "@/lib/server/page-access";
import { resolvePageAsOf } from "@/lib/server/readiness/page-as-of";
import { roleAtLeast } from "@/lib/server/roles";

export const metadata: Metadata = { title: "Blockers" };

function h(v: number) {
  return `${Number.isInteger(v) ? v : v.toFixed(1)} h`;
}

export default async function BlockersPage({ params, searchParams }: {
  params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const { asOf, today, invalid } = resolvePageAsOf((await searchParams).asOf);
  const [data, changes] = await Promise.all([getBlockersPage(access.project.id, asOf), listChangeMarkers(access.project.id)]);
  const { readiness: r, blockers, chart, settings } = data;
  const xs = chart.rows.map((row) => row.x);
  const markers = xs.length ? placeMarkersOnDays(changes, Math.min(...xs), Math.max(...xs)) : [];
  const p = r.projection;
  const canPersist = roleAtLeast(access.role, "LEAD") && asOf === today;

  return (
    <main className="space-y-5">
      {invalid && <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">“{invalid}” is not a date (YYYY-MM-DD); showing today.</p>}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Blockers and burndown</h2>
          <p className="text-sm text-slate-600">Open P1 items as of <time dateTime={asOf}>{asOf}</time>{asOf === today ? " (today)" : ""}.</p>
        </div>
        <AsOfPicker asOf={asOf} today={today} path={`/projects/${slug}/blockers`} />
      </div>

      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label="Blocking items" value={blockers.blockingCount} tone={blockers.blockingCount > 0 ? "bad" : "good"} />
          <Stat label="Blocking hours" value={h(blockers.blockingHours)} />
          <Stat label="Deterministic date" value={p.deterministic?.date ?? "—"} hint={p.deterministic ? `${p.deterministic.workingDays} working days` : undefined} />
          <Stat label="Without deferrable" value={p.conditional?.date ?? "—"} tone={p.conditional ? "good" : "default"}
            hint={p.conditional ? `${p.conditional.deferredItems} deferred, ${h(p.conditional.remainingHours)} left` : "nothing marked deferrable"} />
        </dl>
      </Card>

      <Card id="burndown" title="Burndown" description={
        chart.rows.length === 0 ? undefined
          : `From ${h(chart.startHours)} to ${h(chart.endHours)} of open P1 work (risk-accepted items included); ${chart.totalAddedHours > 0 ? `${h(chart.totalAddedHours)} of scope added after the first day, shown as bars` : "no scope added after the first day"}.${settings.targetLaunchDate ? ` Ideal line to the target ${settings.targetLaunchDate}.` : " Set a target launch date in Settings for an ideal line."}`
      }>
        {chart.rows.length === 0 ? (
          <p className="text-sm text-slate-600">No history yet: the burndown starts with the first P1 item.</p>
        ) : (
          <>
            <BurndownChart chart={chart} markers={markers} />
            {markers.length > 0 && (
              <p className="mt-2 text-xs text-slate-600" data-testid="burndown-markers">Dashed violet lines: {markers.map((m) => m.title).join("; ")}.</p>
            )}
          </>
        )}
      </Card>

      <div className="grid gap-5 lg:grid-cols-3">
        <Card id="open" title="Open P1 blockers by category" className="lg:col-span-2"
          description={`${blockers.blockingCount} items, ${h(blockers.blockingHours)}${asOf !== today ? ". Marks are saved only when viewing today." : ""}`}>
          <BlockerBoard slug={slug} blockers={blockers} settings={settings} asOf={asOf} canPersist={canPersist} />
        </Card>
        <Card id="accepted" title="Under risk acceptance" description="Open, counted as not done, but not blocking until the acceptance expires">
          {blockers.accepted.length === 0 ? (
            <p className="text-sm text-slate-600">No item is under a current risk acceptance.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {blockers.accepted.map((i) => (
                <li key={i.id} className="py-2 text-sm">
                  <p className="break-words">{i.title}</p>
                  <p className="text-xs text-slate-600">{i.category} · {i.estimateHours ?? 0} h · until {i.riskAcceptance!.expiresOn}{i.riskAcceptance!.acceptedBy ? ` · by ${i.riskAcceptance!.acceptedBy}` : ""}</p>
                  <p className="text-xs italic text-slate-600">{i.riskAcceptance!.mitigation}</p>
                </li>
              ))}
              <li className="py-2 text-right text-sm font-semibold tabular-nums">{h(blockers.acceptedHours)}</li>
            </ul>
          )}
        </Card>
      </div>
    </main>
  );
}
