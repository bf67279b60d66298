"use client";

import type { ChecklistTableInstance } from "./checklist-columns";

/** The table markup: sortable headers as buttons with aria-sort, rows by item id, scroll inside. */
export function ChecklistGrid({ table, busy, empty }: {
  table: ChecklistTableInstance; busy: boolean; empty: { title: string; body: string };
}) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getAllLeafColumns().length;
  return (
    <div className={`relative min-w-0 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm transition-opacity ${busy ? "opacity-60" : ""}`}
      aria-busy={busy} data-testid="checklist-table">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Checklist items; column headers sort the list.</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th key={header.id} scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined}
                    className={`px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 ${header.column.columnDef.meta?.className ?? ""}`}>
                    {header.isPlaceholder ? null : canSort ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900">
                        <table.FlexRender header={header} />
                        <span aria-hidden className="text-slate-400">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="px-3 py-10 text-center">
                <p className="font-medium text-slate-800">{empty.title}</p>
                <p className="mt-1 text-sm text-slate-600">{empty.body}</p>
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} data-item-id={row.id} data-testid="item-row" className={row.getIsSelected() ? "bg-blue-50" : "hover:bg-slate-50"}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-2 align-top ${cell.column.columnDef.meta?.className ?? ""}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
