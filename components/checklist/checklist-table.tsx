"use client";

import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import {
  functionalUpdate, useTable, type ColumnFiltersState, type PaginationState, type RowSelectionState, type SortingState, type Updater,
} from "@tanstack/react-table";
import {
  checklistSearch, DEFAULT_CHECKLIST_QUERY, isChecklistFiltered, updateChecklistQuery, type ChecklistQuery, type ChecklistSort,
} from "@/lib/domain/view/checklist-query";
import type { ItemStatus, Priority } from "@/lib/domain";
import { BulkEditBar } from "./bulk-edit-bar";
import { checklistFeatures, createChecklistColumns } from "./checklist-columns";
import { ChecklistDialogs, type DialogState } from "./checklist-dialogs";
import { ChecklistGrid } from "./checklist-grid";
import { ChecklistPagination } from "./checklist-pagination";
import { ChecklistToolbar } from "./checklist-toolbar";
import type { CategoryOption, ChecklistCaps, ChecklistItem, ChecklistMeta } from "./checklist-types";

export interface ChecklistPageData {
  items: ChecklistItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/**
 * The checklist table. Sorting, filters, search and paging are TanStack Table v9 state in manual
 * mode, owned by the URL: every change navigates (`?q=&category=&…`), the server queries the page,
 * and the new rows arrive as props. Selection is by item id, so it survives paging.
 */
export function ChecklistTable({ slug, data, query, categories, caps, today }: {
  slug: string;
  data: ChecklistPageData;
  query: ChecklistQuery;
  categories: CategoryOption[];
  caps: ChecklistCaps;
  today: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startNavigation] = useTransition();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<{ message: string; tone: "ok" | "error" } | null>(null);

  const navigate = (patch: Partial<ChecklistQuery>) => {
    const next = updateChecklistQuery(query, patch);
    startNavigation(() => router.push(pathname + checklistSearch(next), { scroll: false }));
  };

  const sorting = useMemo<SortingState>(() => [{ id: query.sort, desc: query.dir === "desc" }], [query.sort, query.dir]);
  const columnFilters = useMemo<ColumnFiltersState>(
    () => [
      ...(query.category ? [{ id: "category", value: query.category }] : []),
      ...(query.priority ? [{ id: "priority", value: query.priority }] : []),
      ...(query.status ? [{ id: "status", value: query.status }] : []),
    ],
    [query.category, query.priority, query.status],
  );
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: query.page - 1, pageSize: query.pageSize }), [query.page, query.pageSize]);
  const { canManage, canChangeStatus } = caps;
  const columns = useMemo(() => createChecklistColumns({ canManage, canChangeStatus }), [canManage, canChangeStatus]);

  const meta: ChecklistMeta = {
    slug,
    today,
    caps,
    requestDone: (item) => setDialog({ kind: "done", item }),
    conflict: (current, message) => setDialog({ kind: "conflict", current, message }),
    notify: (message, tone = "ok") => setNotice({ message, tone }),
    edit: (item) => setDialog({ kind: "edit", item }),
    remove: (item) => setDialog({ kind: "delete", item }),
    risk: (item) => setDialog({ kind: "risk", item }),
    reconfirm: (item) => setDialog({ kind: "reconfirm", item }),
  };

  const table = useTable({
    features: checklistFeatures,
    columns,
    data: data.items,
    getRowId: (row) => row.id,
    rowCount: data.total,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    autoResetPageIndex: false,
    enableMultiSort: false,
    enableSortingRemoval: false,
    enableRowSelection: caps.canManage,
    state: { sorting, columnFilters, globalFilter: query.q, pagination, rowSelection },
    onSortingChange: (updater: Updater<SortingState>) => {
      const s = functionalUpdate(updater, sorting)[0];
      navigate(s ? { sort: s.id as ChecklistSort, dir: s.desc ? "desc" : "asc" } : { sort: DEFAULT_CHECKLIST_QUERY.sort, dir: DEFAULT_CHECKLIST_QUERY.dir });
    },
    onColumnFiltersChange: (updater: Updater<ColumnFiltersState>) => {
      const next = functionalUpdate(updater, columnFilters);
      const value = (id: string) => (next.find((f) => f.id === id)?.value as string | undefined) || null;
      navigate({ category: value("category"), priority: value("priority") as Priority | null, status: value("status") as ItemStatus | null });
    },
    onGlobalFilterChange: (updater: Updater<string>) => navigate({ q: String(functionalUpdate(updater, query.q) ?? "").trim() }),
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      navigate(next.pageSize !== pagination.pageSize ? { pageSize: next.pageSize } : { page: next.pageIndex + 1 });
    },
    onRowSelectionChange: setRowSelection,
    meta,
  });

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const filtered = isChecklistFiltered(query);

  return (
    <div className="min-w-0 space-y-3">
      <ChecklistToolbar table={table} slug={slug} query={query} categories={categories} caps={caps}
        onCreate={() => setDialog({ kind: "create" })} total={data.total} onEvidenceChange={(evidence) => navigate({ evidence })} />
      <p role="status" aria-live="polite" className="min-h-0 empty:hidden">
        {notice && (
          <span className={`flex items-start justify-between gap-3 rounded-md px-3 py-2 text-sm ${notice.tone === "ok" ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}>
            <span>{notice.message}</span>
            <button type="button" className="text-xs underline" onClick={() => setNotice(null)}>Dismiss</button>
          </span>
        )}
      </p>
      {caps.canManage && selectedIds.length > 0 && (
        <BulkEditBar slug={slug} ids={selectedIds} categories={categories} onClear={() => setRowSelection({})}
          onDone={(message) => { setRowSelection({}); setNotice({ message, tone: "ok" }); }} />
      )}
      <ChecklistGrid table={table} busy={navigating} empty={
        filtered
          ? { title: "No items match", body: "Change the search or the filters to see more items." }
          : { title: "No checklist items yet", body: caps.canManage ? "Add the first item with “New item”." : "A lead adds the items of the readiness checklist." }
      } />
      <ChecklistPagination table={table} total={data.total} busy={navigating} />
      <ChecklistDialogs dialog={dialog} onClose={() => setDialog(null)} slug={slug} today={today} categories={categories}
        onConflict={meta.conflict}
        onConflictClosed={() => { setDialog(null); router.refresh(); }}
        onSaved={(message, removedId) => {
          setDialog(null);
          setNotice({ message, tone: "ok" });
          if (removedId) setRowSelection((sel) => Object.fromEntries(Object.entries(sel).filter(([id]) => id !== removedId)));
          router.refresh();
        }} />
    </div>
  );
}
