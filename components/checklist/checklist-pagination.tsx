"use client";

import { CHECKLIST_PAGE_SIZES } from "@/lib/domain/view/checklist-query";
import type { ChecklistTableInstance } from "./checklist-columns";

const pageButton = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";

/** First / previous / next / last and the page size; the pages themselves come from the server. */
export function ChecklistPagination({ table, total, busy }: { table: ChecklistTableInstance; total: number; busy: boolean }) {
  const { pageIndex, pageSize } = table.state.pagination;
  const pageCount = Math.max(1, table.getPageCount());
  const from = total === 0 ? 0 : pageIndex * pageSize + 1;
  const to = Math.min(total, (pageIndex + 1) * pageSize);
  return (
    <nav aria-label="Checklist pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p className="tabular-nums">{total === 0 ? "No items" : `${from}–${to} of ${total} items`}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1.5">
          <span>Rows</span>
          <select value={pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))} disabled={busy}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
            {CHECKLIST_PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <button type="button" className={pageButton} onClick={() => table.firstPage()} disabled={busy || !table.getCanPreviousPage()} aria-label="First page">«</button>
        <button type="button" className={pageButton} onClick={() => table.previousPage()} disabled={busy || !table.getCanPreviousPage()}>Previous</button>
        <span className="tabular-nums">Page {pageIndex + 1} of {pageCount}</span>
        <button type="button" className={pageButton} onClick={() => table.nextPage()} disabled={busy || !table.getCanNextPage()}>Next</button>
        <button type="button" className={pageButton} onClick={() => table.lastPage()} disabled={busy || !table.getCanNextPage()} aria-label="Last page">»</button>
      </div>
    </nav>
  );
}
