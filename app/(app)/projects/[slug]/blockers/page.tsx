import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BlockerBoard } from "@/components/blockers/blocker-board";
import { BlockerPagination } from "@/components/blockers/blocker-pagination";
import { BurndownChart } from "@/components/blockers/burndown-chart";
import { AsOfPicker } from "@/components/readiness/as-of-picker";
import { Card, Stat } from "@/components/readiness/card";
import { blockersSearch, parseBlockersQuery } from "@/lib/domain/view/blockers-query";
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

/** Links to one category's blockers (or all), with each category's count. */
function CategoryFilter({ path, asOf, current, pageSize, categories }: {
  path: string; asOf: string | null; current: string | null; pageSize: number; categories: { categoryId: string; category: string; count: number }[];
}) {
  const item = (id: string | null, label: string) => {
    const active = id === current;
    return (
      <li key={id ?? "all"}>
        <Link href={path + blockersSearch({ category: id, page: 1, pageSize }, asOf) + "#open"} aria-current={active ? "page" : undefined}
          className={`rounded-full px-2 py-0.5 text-xs ${active ? "bg-slate-800 text-white" : "bg-slate-100 text-slate-800 underline-offset-2 hover:underline"}`}>{label}</Link>
      </li>
    );
  };
  return (
    <nav aria-label="Blockers by category" className="mb-3">
      <ul className="flex flex-wrap gap-1.5">
        {item(null, "All categories")}
        {categories.map((c) => item(c.categoryId, `${c.category} (${c.count})`))}
      </ul>
    </nav>
  );
}

export default async function BlockersPage({ params, searchParams }: {
  params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const sp = await searchParams;
  const { asOf, today, invalid } = resolvePageAsOf(sp.asOf);
  const query = parseBlockersQuery(sp);
  const [data, changes] = await Promise.all([getBlockersPage(access.project, asOf, query), listChangeMarkers(access.project.id)]);
  const { readiness: r, blockers, chart, settings } = data;
  const path = `/projects/${encodeURIComponent(slug)}/blockers`;
  const keptAsOf = asOf !== today ? asOf : null;
  if (blockers.items.length === 0 && blockers.total > 0 && query.page > blockers.pageCount) {
    redirect(path + blockersSearch({ ...query, page: blockers.pageCount }, keptAsOf));
  }
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
          <Stat label="Blocking items" value={r.blockers.open} tone={r.blockers.open > 0 ? "bad" : "good"} />
          <Stat label="Blocking hours" value={h(r.blockers.openHours)} />
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
          {blockers.categories.length > 1 && <CategoryFilter path={path} asOf={keptAsOf} current={query.category} pageSize={query.pageSize} categories={blockers.categories} />}
          <BlockerBoard slug={slug} blockers={blockers} settings={settings} asOf={asOf} canPersist={canPersist}
            pagination={blockers.total > blockers.pageSize || query.page > 1 ? <BlockerPagination path={path} query={query} total={blockers.total} asOf={keptAsOf} /> : null} />
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
