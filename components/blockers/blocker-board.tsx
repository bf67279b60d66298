"use client";

import { useMemo, useState } from "react";
import type { Weekday } from "@/lib/domain";
import type { BlockerGroups, BlockerItem } from "@/lib/domain/view/readiness-blocker-groups";
import { computeWhatIf } from "@/lib/domain/view/burndown-what-if";
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

/**
 * Open P1 blockers by category with a what-if: marking items deferrable moves the conditional date.
 * Leads save the mark on the item; others try it locally (nothing is saved).
 */
export function BlockerBoard({ slug, blockers, settings, asOf, canPersist }: {
  slug: string; blockers: BlockerGroups; settings: { teamHoursPerDay: number; workingDays: string[] }; asOf: string; canPersist: boolean;
}) {
  const all = useMemo(() => blockers.groups.flatMap((g) => g.items), [blockers]);
  const persisted = useMemo(() => new Set(all.filter((i) => i.deferrable).map((i) => i.id)), [all]);
  const [local, setLocal] = useState<Set<string> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const deferred = local ?? persisted;
  const { run, pending, error } = useAction(setDeferrableAction);
  const whatIf = computeWhatIf(
    all.map((i) => ({ id: i.id, hours: i.estimateHours ?? 0, deferrable: i.deferrable })),
    deferred,
    { teamHoursPerDay: settings.teamHoursPerDay, workingDays: settings.workingDays as Weekday[] },
    asOf,
  );
  const full = computeWhatIf(all.map((i) => ({ id: i.id, hours: i.estimateHours ?? 0, deferrable: false })), new Set(), { teamHoursPerDay: settings.teamHoursPerDay, workingDays: settings.workingDays as Weekday[] }, asOf);

  async function toggle(id: string) {
    const next = new Set(deferred);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setLocal(next);
    if (!canPersist) return;
    setSaved(null);
    const item = all.find((i) => i.id === id)!;
    const res = await run(slug, { itemId: id, deferrable: next.has(id), version: item.version });
    if (res.ok) setSaved(`Saved: “${item.title}” is ${next.has(id) ? "" : "no longer "}deferrable.`);
    else setLocal(null); // back to what the server has
  }

  if (all.length === 0) {
    return <p className="text-sm text-slate-600">No open P1 item blocks launch{blockers.accepted.length ? " (the open ones are under risk acceptance)" : ""}.</p>;
  }

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
          {!canPersist && local && <button type="button" className="ml-2 text-blue-700 underline" onClick={() => setLocal(null)}>Reset</button>}
        </p>
      </div>
      <FormError error={error} />
      {canPersist && (pending || saved) && <p role="status" className="text-xs text-slate-600">{pending ? "Saving…" : saved}</p>}
      {blockers.groups.map((g) => (
        <section key={g.categoryId} aria-label={`${g.category} blockers`}>
          <h3 className="flex items-baseline justify-between border-b border-slate-200 pb-1 text-sm font-semibold">
            <span>{g.category} <span className="font-normal text-slate-500">({g.items.length})</span></span>
            <span className="tabular-nums">{h(g.hours)}</span>
          </h3>
          <ul className="divide-y divide-slate-100">
            {g.items.map((i) => (
              <ItemRow key={i.id} item={i} deferred={deferred.has(i.id)} onToggle={toggle} disabled={pending} canPersist={canPersist} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
