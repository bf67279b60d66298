"use client";

import {
  columnFilteringFeature, createColumnHelper, globalFilteringFeature, metaHelper, rowPaginationFeature,
  rowSelectionFeature, rowSortingFeature, tableFeatures, type ReactTable,
} from "@tanstack/react-table";
import { canAcceptRisk, formatEstimate, isAcceptanceCurrent, isOverdue } from "@/lib/domain/view/checklist-format";
import { PriorityBadge } from "./checklist-badges";
import type { ChecklistCaps, ChecklistItem, ChecklistMeta } from "./checklist-types";
import { RowCheckbox } from "./row-checkbox";
import { StatusCell } from "./status-cell";

/** "Evidence expired on …" (counts as not done) or "expires on …", with Re-confirm for engineers. */
function EvidenceFreshness({ item, meta }: { item: ChecklistItem; meta: ChecklistMeta }) {
  if (!item.evidenceExpiresOn) return null;
  return (
    <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
      {item.evidenceExpired ? (
        <span className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-900" data-testid="evidence-expired"
          title="The evidence is older than its validity: the item counts as not done until it is re-confirmed">
          Evidence expired on {item.evidenceExpiresOn}
        </span>
      ) : (
        <span className="text-slate-600">Evidence expires on {item.evidenceExpiresOn}</span>
      )}
      {meta.caps.canChangeStatus && (
        <button type="button" className="rounded px-1.5 py-0.5 font-medium text-blue-800 underline hover:bg-slate-100"
          onClick={() => meta.reconfirm(item)} aria-label={`Re-confirm the evidence of "${item.title}"`}>
          Re-confirm
        </button>
      )}
    </p>
  );
}

/**
 * The checklist's TanStack Table v9 features: sorting, column filters, the global search,
 * pagination and row selection — all processed on the server (the table runs in manual mode and
 * only holds state, which lives in the URL).
 */
export const checklistFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  tableMeta: metaHelper<ChecklistMeta>(),
  columnMeta: metaHelper<{ className?: string; label?: string }>(),
});

export type ChecklistTableInstance = ReactTable<typeof checklistFeatures, ChecklistItem>;

const helper = createColumnHelper<typeof checklistFeatures, ChecklistItem>();

const smallButton = "rounded px-1.5 py-0.5 text-xs font-medium hover:bg-slate-100 focus-visible:bg-slate-100";

/** Column definitions for the caller's capabilities; column ids are the server's sort keys. */
export function createChecklistColumns(caps: ChecklistCaps) {
  const select = helper.display({
    id: "select",
    enableSorting: false,
    meta: { className: "w-8", label: "Select" },
    header: ({ table }) => (
      <RowCheckbox
        label="Select all items on this page"
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <RowCheckbox label={`Select "${row.original.title}"`} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
    ),
  });

  const data = helper.columns([
    helper.accessor("title", {
      header: "Item",
      meta: { className: "min-w-64 max-w-md" },
      cell: ({ row, table }) => {
        const item = row.original;
        const today = table.options.meta!.today;
        const ra = item.riskAcceptance;
        return (
          <div className="min-w-0">
            <p className="font-medium text-slate-900">{item.title}</p>
            <p className="mt-0.5 font-mono text-[11px] text-slate-500" data-testid="item-key">{item.key}</p>
            {item.retiredReason && <p className="mt-0.5 text-xs text-slate-600">Not applicable: {item.retiredReason}</p>}
            {item.description && <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">{item.description}</p>}
            {item.evidence && (
              <p className="mt-0.5 truncate text-xs text-emerald-800" title={item.evidence}>Evidence: {item.evidence}</p>
            )}
            <EvidenceFreshness item={item} meta={table.options.meta!} />
            {ra && (
              <p className={`mt-1 inline-block rounded px-1.5 py-0.5 text-xs ${isAcceptanceCurrent(ra, today) ? "bg-amber-100 text-amber-900" : "bg-red-100 text-red-900"}`}
                title={`Mitigation: ${ra.mitigation}`}>
                {isAcceptanceCurrent(ra, today) ? `Risk accepted until ${ra.expiresOn}` : `Risk acceptance expired ${ra.expiresOn}`}
              </p>
            )}
          </div>
        );
      },
    }),
    helper.accessor("category", { id: "category", header: "Category", meta: { className: "whitespace-nowrap" } }),
    helper.accessor("priority", {
      header: "Priority",
      meta: { className: "whitespace-nowrap" },
      cell: ({ getValue }) => <PriorityBadge priority={getValue()} />,
    }),
    helper.accessor("status", {
      header: "Status",
      meta: { className: "whitespace-nowrap" },
      cell: ({ row, table }) => <StatusCell item={row.original} meta={table.options.meta!} />,
    }),
    helper.accessor("estimateHours", {
      header: "Estimate",
      sortDescFirst: true,
      meta: { className: "whitespace-nowrap tabular-nums" },
      cell: ({ row }) => formatEstimate(row.original),
    }),
    helper.accessor("owner", {
      header: "Owner",
      meta: { className: "whitespace-nowrap" },
      cell: ({ getValue }) => getValue() ?? <span className="text-slate-400">—</span>,
    }),
    helper.accessor("dueDate", {
      header: "Due",
      meta: { className: "whitespace-nowrap tabular-nums" },
      cell: ({ row, table }) => {
        const item = row.original;
        if (!item.dueDate) return <span className="text-slate-400">—</span>;
        return isOverdue(item, table.options.meta!.today)
          ? <span className="font-medium text-red-700" title="Overdue">{item.dueDate} · overdue</span>
          : item.dueDate;
      },
    }),
    helper.accessor("source", {
      header: "Source",
      meta: { className: "min-w-32" },
      cell: ({ getValue, row, table }) => {
        const item = row.original;
        const source = getValue() ?? <span className="text-slate-400">—</span>;
        if (!item.runId) return source;
        return (
          <span className="flex flex-col">
            <span>{source}</span>
            <a href={`/projects/${encodeURIComponent(table.options.meta!.slug)}/runs/${encodeURIComponent(item.runId)}`}
              className="text-xs text-blue-700 underline-offset-2 hover:underline" aria-label={`The load-test run of "${item.title}"`}>
              its run
            </a>
          </span>
        );
      },
    }),
  ]);

  const actions = helper.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    enableSorting: false,
    meta: { className: "whitespace-nowrap text-right", label: "Actions" },
    cell: ({ row, table }) => {
      const item = row.original;
      const meta = table.options.meta!;
      return (
        <div className="grid grid-cols-[auto_2.75rem_auto] items-center justify-end gap-1">
          <button type="button" className={`${smallButton} text-blue-800`} onClick={() => meta.edit(item)} aria-label={`Edit "${item.title}"`}>
            Edit
          </button>
          {canAcceptRisk(item) || item.riskAcceptance ? (
            <button type="button" className={`${smallButton} text-amber-800`} onClick={() => meta.risk(item)} aria-label={`Risk acceptance of "${item.title}"`}>
              Risk
            </button>
          ) : <span />}
          <button type="button" className={`${smallButton} text-red-700`} onClick={() => meta.remove(item)} aria-label={`Delete "${item.title}"`}>
            Delete
          </button>
        </div>
      );
    },
  });

  return caps.canManage ? [select, ...data, actions] : [...data];
}
