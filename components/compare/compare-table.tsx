"use client";

import { useMemo } from "react";
import { useTable } from "@tanstack/react-table";
import type { EndpointComparison } from "@/lib/domain/compare/types";
import { compareFeatures, createCompareColumns } from "./compare-columns";

/** The per-endpoint comparison, worst first; each column header sorts (P95 change: largest first). */
export function CompareTable({ rows }: { rows: EndpointComparison[] }) {
  const columns = useMemo(() => createCompareColumns(), []);
  const table = useTable({ features: compareFeatures, columns, data: rows, getRowId: (r) => r.key });
  return (
    <div className="relative min-w-0 overflow-x-auto" data-testid="compare-table">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Endpoints of both runs, baseline → run; column headers sort the table.</caption>
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
            <tr key={row.id} className={row.original.status === "regressed" ? "bg-red-50/60" : "hover:bg-slate-50"} data-testid="compare-row">
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
