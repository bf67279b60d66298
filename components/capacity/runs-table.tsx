"use client";

import { useTable } from "@tanstack/react-table";
import type { CapacityRunRow } from "@/lib/domain/view/capacity-chart";
import { runsColumns, runsFeatures } from "./runs-columns";

/** The load-test runs, sortable by any column, each linking to its page. */
export function RunsTable({ slug, runs }: { slug: string; runs: CapacityRunRow[] }) {
  const table = useTable({
    features: runsFeatures,
    columns: runsColumns,
    data: runs,
    getRowId: (r) => r.id,
    initialState: { sorting: [{ id: "runDate", desc: true }] },
    meta: { slug },
  });
  return (
    <div className="relative min-w-0 overflow-x-auto" data-testid="runs-table">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Load-test runs; column headers sort the table.</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const right = header.column.columnDef.meta?.className?.includes("text-right");
                return (
                  <th key={header.id} scope="col" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                    className={`px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 ${right ? "text-right" : "text-left"}`}>
                    <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                      <table.FlexRender header={header} />
                      <span aria-hidden className="text-slate-400">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`px-3 py-2 ${cell.column.columnDef.meta?.className ?? ""}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
