"use client";

import { useState, type ReactNode } from "react";
import type { Weekday } from "@/lib/domain";
import type { BlockerItem } from "@/lib/domain/view/readiness-blocker-groups";
import { computeWhatIfTotals } from "@/lib/domain/view/burndown-what-if";
import type { BlockersList } from "@/lib/server/blockers/list-blockers";
import { setDeferrableAction } from "@/lib/server/actions/blockers-actions";
import { FormError, useAction } from "../readiness/form";

function h(v: number | null) {
  if (v === null) return "—";
  return `${Number.isInteger(v) ? v : v.toFixed(1)} h`;
}

function ItemRow({ item, deferred, onToggle, disabled, canPersist }: {
  item: BlockerItem; deferred: boolean; onToggle: (id: string) => void; disabled: boolean; canPersist: boolean;
}) {
  const id = `defer-${item.id}`;
  return (
    <li className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2">
      <div className="min-w-0 flex-1 basis-64">
        <p className={`break-words text-sm ${deferred ? "text-slate-500 line-through decoration-slate-400" : "text-slate-900"}`}>{item.title}</p>
        <p className="text-xs text-slate-500">
          {item.evidenceExpiredOn ? <span className="font-medium text-nogo">done, but evidence expired on {item.evidenceExpiredOn}</span> : item.status === "IN_PROGRESS" ? "in progress" : "open"}{item.owner ? ` · ${item.owner}` : ""}{item.dueDate ? ` · due ${item.dueDate}` : ""}
          {item.riskAcceptance && item.riskAcceptance.expiresOn ? ` · risk acceptance expired ${item.riskAcceptance.expiresOn}` : ""}
        </p>
      </div>
      <span className="w-14 shrink-0 text-right text-sm font-semibold tabular-nums">{h(item.estimateHours)}</span>
      <div className="ml-auto flex w-32 shrink-0 items-center justify-end gap-1.5">
        <input id={id} type="checkbox" checked={deferred} disabled={disabled} onChange={() => onToggle(item.id)}
          className="h-4 w-4 rounded border-slate-300" aria-describedby="defer-help" />
        <label htmlFor={id} className="text-xs text-slate-700">{canPersist ? "Deferrable" : "Defer (what-if)"}</label>
      </div>
    </li>
  );
}

interface Mark { deferrable: boolean; persisted: boolean; hours: number }

/**
 * One page of the open P1 blockers, by category, with a what-if: marking items deferrable moves
 * the conditional date. The totals (every blocker's hours, those already deferrable) come from the
 * server; the marks made here are added to them, across pages. Leads save the mark on the item;
 * others try it locally (nothing is saved).
 */
export function BlockerBoard({ slug, blockers, settings, asOf, canPersist, pagination }: {
  slug: string; blockers: BlockersList; settings: { teamHoursPerDay: number; workingDays: string[] }; asOf: string; canPersist: boolean;
  pagination?: ReactNode;
}) {
  const [marks, setMarks] = useState<ReadonlyMap<string, Mark> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, pending, error } = useAction(setDeferrableAction);
  const onPage = new Map(blockers.items.map((i) => [i.id, i]));
  const isDeferred = (i: BlockerItem) => marks?.get(i.id)?.deferrable ?? i.deferrable;
  // Marks differing from what the server has (the row's current value when it is on this page).
  let deferredCount = blockers.deferrable.count, deferredHours = blockers.deferrable.hours;
  for (const [id, m] of marks ?? []) {
    const persisted = onPage.get(id)?.deferrable ?? m.persisted;
    if (m.deferrable === persisted) continue;
    deferredCount += m.deferrable ? 1 : -1;
    deferredHours += m.deferrable ? m.hours : -m.hours;
  }
  const s = { teamHoursPerDay: settings.teamHoursPerDay, workingDays: settings.workingDays as Weekday[] };
  const whatIf = computeWhatIfTotals({ allHours: blockers.blockingHours, deferredHours, deferredCount }, s, asOf);
  const full = computeWhatIfTotals({ allHours: blockers.blockingHours, deferredHours: 0, deferredCount: 0 }, s, asOf);

  async function toggle(id: string) {
    const item = onPage.get(id)!;
    const next = !isDeferred(item);
    setMarks((m) => new Map(m ?? []).set(id, { deferrable: next, persisted: item.deferrable, hours: item.estimateHours ?? 0 }));
    if (!canPersist) return;
    setSaved(null);
    const res = await run(slug, { itemId: id, deferrable: next, version: item.version });
    if (res.ok) setSaved(`Saved: “${item.title}” is ${next ? "" : "no longer "}deferrable.`);
    else setMarks((m) => { const copy = new Map(m ?? []); copy.delete(id); return copy; }); // back to what the server has
  }

  if (blockers.blockingCount === 0) {
    return <p className="text-sm text-slate-600">No open P1 item blocks launch{blockers.accepted.length ? " (the open ones are under risk acceptance)" : ""}.</p>;
  }
  const groups: { categoryId: string; category: string; items: BlockerItem[] }[] = [];
  for (const i of blockers.items) {
    const last = groups.at(-1);
    if (last?.categoryId === i.categoryId) last.items.push(i);
    else groups.push({ categoryId: i.categoryId, category: i.category, items: [i] });
  }
  const totalOf = new Map(blockers.categories.map((c) => [c.categoryId, c]));

  return (
    <div className="space-y-4">
      <div className="rounded-md border border-green-200 bg-green-50 p-3 text-sm" aria-live="polite" data-testid="what-if">
        <p className="font-medium text-slate-900">
          {whatIf.deferredCount === 0
            ? <>Mark items deferrable to see the conditional date. With every blocker: <span className="tabular-nums">{full.date ?? "—"}</span>.</>
            : <>Without {whatIf.deferredCount} deferred item{whatIf.deferredCount === 1 ? "" : "s"} ({h(whatIf.deferredHours)}): {h(whatIf.keptHours)} left → <span className="tabular-nums" data-testid="what-if-date">{whatIf.date ?? "—"}</span>
              {whatIf.daysSaved ? `, ${whatIf.daysSaved} working day${whatIf.daysSaved === 1 ? "" : "s"} earlier than ${full.date}` : ""}.</>}
        </p>
        <p id="defer-help" className="mt-1 text-xs text-slate-600">
          {canPersist ? "As a lead, marking an item deferrable saves it: the conditional projection on every page uses it." : "What-if only: your marks are not saved (leads decide what is deferrable)."}
          {!canPersist && marks && <button type="button" className="ml-2 text-blue-700 underline" onClick={() => setMarks(null)}>Reset</button>}
        </p>
      </div>
      <FormError error={error} />
      {canPersist && (pending || saved) && <p role="status" className="text-xs text-slate-600">{pending ? "Saving…" : saved}</p>}
      {groups.length === 0 && <p className="text-sm text-slate-600">No blockers on this page.</p>}
      {groups.map((g) => {
        const t = totalOf.get(g.categoryId);
        return (
          <section key={g.categoryId} aria-label={`${g.category} blockers`}>
            <h3 className="flex items-baseline justify-between border-b border-slate-200 pb-1 text-sm font-semibold">
              <span>{g.category} <span className="font-normal text-slate-500">({t && t.count !== g.items.length ? `${g.items.length} of ${t.count} on this page` : g.items.length})</span></span>
              <span className="tabular-nums">{h(t?.hours ?? null)}</span>
            </h3>
            <ul className="divide-y divide-slate-100">
              {g.items.map((i) => (
                <ItemRow key={i.id} item={i} deferred={isDeferred(i)} onToggle={toggle} disabled={pending} canPersist={canPersist} />
              ))}
            </ul>
          </section>
        );
      })}
      {pagination}
    </div>
  );
}
