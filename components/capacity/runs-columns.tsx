"use client";

import Link from "next/link";
import {
  createColumnHelper, createSortedRowModel, metaHelper, rowSortingFeature, sortFn_alphanumeric, sortFn_basic, sortFn_text,
  tableFeatures, type ReactTable,
} from "@tanstack/react-table";
import type { CapacityRunRow } from "@/lib/domain/view/capacity-chart";
import { formatDuration } from "@/lib/domain/view/run-detail";
import { SeriesLabel } from "../runs/series-label";
import { ZoneBadge } from "./zone-badge";

/** Client-side sorting over the (few) runs of a project. */
export const runsFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, text: sortFn_text },
  tableMeta: metaHelper<{ slug: string }>(),
  columnMeta: metaHelper<{ className?: string }>(),
});

export type RunsTableInstance = ReactTable<typeof runsFeatures, CapacityRunRow>;

const helper = createColumnHelper<typeof runsFeatures, CapacityRunRow>();
const num = "whitespace-nowrap text-right tabular-nums";
const dash = <span className="text-slate-400">—</span>;

export const runsColumns = helper.columns([
  helper.accessor("name", {
    header: "Run",
    sortFn: "text",
    meta: { className: "min-w-40" },
    cell: ({ row, table }) => (
      <span className="flex flex-col">
        <Link href={`/projects/${encodeURIComponent(table.options.meta!.slug)}/runs/${row.original.id}`}
          className="font-medium text-blue-800 underline-offset-2 hover:underline">
          {row.original.name}
        </Link>
        {row.original.series && <span className="text-xs"><SeriesLabel series={row.original.series} /></span>}
      </span>
    ),
  }),
  helper.accessor("kind", { header: "Kind", sortFn: "text", meta: { className: "whitespace-nowrap text-xs" } }),
  helper.accessor("runDate", { header: "Date", sortFn: "alphanumeric", meta: { className: "whitespace-nowrap tabular-nums" } }),
  helper.accessor((r) => r.users ?? undefined, {
    id: "users",
    header: "Users",
    sortFn: "basic",
    sortUndefined: "last",
    meta: { className: num },
    cell: ({ row }) => (row.original.stepCount > 0 ? `${row.original.stepCount} steps` : row.original.users ?? "—"),
  }),
  helper.accessor((r) => r.durationSeconds ?? undefined, {
    id: "duration", header: "Duration", sortFn: "basic", sortUndefined: "last", meta: { className: num },
    cell: ({ row }) => formatDuration(row.original.durationSeconds),
  }),
  helper.accessor("requests", { header: "Requests", sortFn: "basic", meta: { className: num }, cell: ({ getValue }) => getValue().toLocaleString("en-US") }),
  helper.accessor("errorRatePercent", {
    header: "Errors", sortFn: "basic", meta: { className: num },
    cell: ({ row }) => `${row.original.errorRatePercent}%`,
  }),
  helper.accessor((r) => r.p95Ms ?? undefined, {
    id: "p95", header: "P95", sortFn: "basic", sortUndefined: "last", meta: { className: num },
    cell: ({ row }) => (row.original.p95Ms === null ? dash : `${row.original.p95Ms} ms`),
  }),
  helper.accessor((r) => r.throughputRps ?? undefined, {
    id: "throughput", header: "Req/s", sortFn: "basic", sortUndefined: "last", meta: { className: num },
    cell: ({ row }) => (row.original.throughputRps === null ? dash : row.original.throughputRps),
  }),
  helper.accessor((r) => ["green", "yellow", "red", "death"].indexOf(r.zone ?? "") + 1 || undefined, {
    id: "zone", header: "Zone", sortFn: "basic", sortUndefined: "last", meta: { className: "whitespace-nowrap" },
    cell: ({ row }) => (
      <span className="inline-flex items-center gap-1">
        <ZoneBadge zone={row.original.zone} />
        {row.original.anomalous && <span className="text-xs font-medium text-red-700">anomaly</span>}
        {row.original.zone === null && row.original.kind !== "STABILITY" && (
          <span className="text-xs text-slate-500">{row.original.series && !row.original.series.launchEvidence ? "not counted" : "superseded"}</span>
        )}
      </span>
    ),
  }),
]);
