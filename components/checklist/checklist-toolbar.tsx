"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { buttonClass } from "@/components/readiness/form";
import {
  checklistSearch, DEFAULT_CHECKLIST_QUERY, EVIDENCE_QUERIES, isChecklistFiltered, ITEM_STATUSES, PRIORITIES, type ChecklistQuery,
  type EvidenceQuery,
} from "@/lib/domain/view/checklist-query";
import { STATUS_LABELS } from "@/lib/domain/view/checklist-format";
import type { ChecklistTableInstance } from "./checklist-columns";
import type { CategoryOption, ChecklistCaps } from "./checklist-types";

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm";

/** Search (debounced), the category / priority / status / evidence filters, CSV export and "New item". */
const EVIDENCE_LABELS: Record<EvidenceQuery, string> = { expiring: "Expires within 14 days", expired: "Expired" };

export function ChecklistToolbar({ table, slug, query, categories, caps, onCreate, total, onEvidenceChange }: {
  table: ChecklistTableInstance;
  slug: string;
  query: ChecklistQuery;
  categories: CategoryOption[];
  caps: ChecklistCaps;
  onCreate: () => void;
  total: number;
  onEvidenceChange: (value: EvidenceQuery | null) => void;
}) {
  const pathname = usePathname();
  const [text, setText] = useState(query.q);
  const [seenQ, setSeenQ] = useState(query.q);
  const [sentQ, setSentQ] = useState(query.q);
  // The URL changed under us (back button, a link): show its search, unless it is the one we sent.
  if (query.q !== seenQ) {
    setSeenQ(query.q);
    if (query.q !== sentQ) setText(query.q);
  }

  useEffect(() => {
    const wanted = text.trim();
    if (wanted === query.q) return;
    const t = setTimeout(() => {
      setSentQ(wanted);
      table.setGlobalFilter(wanted);
    }, 350);
    return () => clearTimeout(t);
  }, [text, query.q, table]);

  const filter = (id: "category" | "priority" | "status") => ({
    value: (table.getColumn(id)?.getFilterValue() as string | undefined) ?? "",
    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => table.getColumn(id)?.setFilterValue(e.target.value || undefined),
  });
  // All pages of the current filter, search and sort.
  const exportHref = `/api/v1/projects/${encodeURIComponent(slug)}/items.csv${checklistSearch({ ...query, page: 1, pageSize: DEFAULT_CHECKLIST_QUERY.pageSize })}`;
  const resetHref = pathname + checklistSearch({ ...DEFAULT_CHECKLIST_QUERY, sort: query.sort, dir: query.dir, pageSize: query.pageSize });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <form role="search" className="min-w-0 flex-1 basis-56" onSubmit={(e) => { e.preventDefault(); setSentQ(text.trim()); table.setGlobalFilter(text.trim()); }}>
          <label htmlFor="checklist-search" className="block text-xs font-medium text-slate-600">Search</label>
          <input id="checklist-search" type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={200}
            placeholder="Title, owner, source or description" className={control} />
        </form>
        <div className="grid min-w-0 flex-[2] basis-96 grid-cols-2 gap-2 sm:grid-cols-4">
          <label className="min-w-0 text-xs font-medium text-slate-600">
            Category
            <select className={control} {...filter("category")}>
              <option value="">All</option>
              {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <label className="min-w-0 text-xs font-medium text-slate-600">
            Priority
            <select className={control} {...filter("priority")}>
              <option value="">All</option>
              {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          <label className="min-w-0 text-xs font-medium text-slate-600">
            Status
            <select className={control} {...filter("status")}>
              <option value="">All</option>
              {ITEM_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
            </select>
          </label>
          <label className="min-w-0 text-xs font-medium text-slate-600">
            Evidence
            <select className={control} value={query.evidence ?? ""}
              onChange={(e) => onEvidenceChange((e.target.value || null) as EvidenceQuery | null)}>
              <option value="">Any</option>
              {EVIDENCE_QUERIES.map((v) => <option key={v} value={v}>{EVIDENCE_LABELS[v]}</option>)}
            </select>
          </label>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {total} item{total === 1 ? "" : "s"}{isChecklistFiltered(query) ? " match" : ""}
          {isChecklistFiltered(query) && (
            <>
              {" · "}
              <Link href={resetHref} className="text-blue-700 underline hover:text-blue-900">Clear filters</Link>
            </>
          )}
        </p>
        <div className="flex flex-wrap gap-2">
          <a href={exportHref} download className={buttonClass.secondary}>Export CSV</a>
          {caps.canManage && <button type="button" className={buttonClass.primary} onClick={onCreate}>New item</button>}
        </div>
      </div>
    </div>
  );
}
