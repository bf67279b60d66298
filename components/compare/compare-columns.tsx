"use client";

import {
  createColumnHelper, createSortedRowModel, metaHelper, rowSortingFeature, sortFn_basic, sortFn_text, tableFeatures, type ReactTable,
} from "@tanstack/react-table";
import type { EndpointComparison, EndpointStatus } from "@/lib/domain/compare/types";
import { Change, Pair, StatusBadge } from "./compare-format";

/** Client-side sorting over the compared endpoints. */
export const compareFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
  columnMeta: metaHelper<{ className?: string }>(),
});

export type CompareTableInstance = ReactTable<typeof compareFeatures, EndpointComparison>;

const helper = createColumnHelper<typeof compareFeatures, EndpointComparison>();
const num = "whitespace-nowrap text-right tabular-nums";
const SEVERITY: Record<EndpointStatus, number> = { regressed: 5, new: 4, gone: 3, improved: 2, unchanged: 1 };

/** The per-endpoint comparison columns; every change column sorts (missing values last). */
export function createCompareColumns() {
  return helper.columns([
    helper.accessor((r) => SEVERITY[r.status], {
      id: "status", header: "Status", sortFn: "basic", meta: { className: "whitespace-nowrap" },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }),
    helper.accessor("key", {
      header: "Endpoint", sortFn: "text", meta: { className: "min-w-48 max-w-md" },
      cell: ({ row }) => (
        <span className="break-words">
          {row.original.method && <span className="mr-1.5 font-mono text-xs text-slate-500">{row.original.method}</span>}
          <span className="font-medium text-slate-900">{row.original.name}</span>
          {row.original.baselineName && <span className="block text-xs text-slate-500">baseline: {row.original.baselineName}</span>}
        </span>
      ),
    }),
    helper.accessor((r) => r.p95Ms ?? undefined, {
      id: "p95", header: "P95 ms", sortFn: "basic", sortUndefined: "last", meta: { className: num },
      cell: ({ row }) => <Pair base={row.original.baselineP95Ms} run={row.original.p95Ms} />,
    }),
    helper.accessor((r) => r.p95ChangePercent ?? undefined, {
      id: "p95Change", header: "P95 change", sortFn: "basic", sortUndefined: "last", sortDescFirst: true, meta: { className: num },
      cell: ({ row }) => <Change value={row.original.p95ChangePercent} unit="%" verdict={row.original.changes.p95} />,
    }),
    helper.accessor((r) => r.errorRatePercent ?? undefined, {
      id: "errorRate", header: "Errors %", sortFn: "basic", sortUndefined: "last", meta: { className: num },
      cell: ({ row }) => <Pair base={row.original.baselineErrorRatePercent} run={row.original.errorRatePercent} digits={2} />,
    }),
    helper.accessor((r) => r.errorRateChangePoints ?? undefined, {
      id: "errorChange", header: "Errors change", sortFn: "basic", sortUndefined: "last", sortDescFirst: true, meta: { className: num },
      cell: ({ row }) => <Change value={row.original.errorRateChangePoints} unit=" pt" verdict={row.original.changes.errorRate} />,
    }),
    helper.accessor((r) => r.throughputRps ?? undefined, {
      id: "throughput", header: "Req/s", sortFn: "basic", sortUndefined: "last", meta: { className: num },
      cell: ({ row }) => <Pair base={row.original.baselineThroughputRps} run={row.original.throughputRps} digits={2} />,
    }),
    helper.accessor((r) => r.throughputChangePercent ?? undefined, {
      id: "throughputChange", header: "Req/s change", sortFn: "basic", sortUndefined: "last", meta: { className: num },
      cell: ({ row }) => <Change value={row.original.throughputChangePercent} unit="%" verdict={row.original.changes.throughput} />,
    }),
    helper.accessor((r) => r.requests + r.baselineRequests, {
      id: "requests", header: "Requests", sortFn: "basic", meta: { className: num },
      cell: ({ row }) => <Pair base={row.original.baselineRequests} run={row.original.requests} digits={0} />,
    }),
  ]);
}
