import { STATUS_LABELS } from "@/lib/domain/view/checklist-format";
import type { ItemStatus, Priority } from "@/lib/domain";

const PRIORITY_STYLE: Record<Priority, string> = {
  P1: "bg-red-100 text-red-800 ring-red-200",
  P2: "bg-amber-50 text-amber-900 ring-amber-200",
  P3: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${PRIORITY_STYLE[priority]}`}
      title={priority === "P1" ? "Critical: a blocker while open" : undefined}>
      {priority}
    </span>
  );
}

export const STATUS_STYLE: Record<ItemStatus, string> = {
  OPEN: "bg-white text-slate-800 border-slate-300",
  IN_PROGRESS: "bg-blue-50 text-blue-900 border-blue-300",
  DONE: "bg-emerald-50 text-emerald-900 border-emerald-300",
  NOT_APPLICABLE: "bg-slate-100 text-slate-600 border-slate-300",
};

export function StatusBadge({ status }: { status: ItemStatus }) {
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>{STATUS_LABELS[status]}</span>;
}
