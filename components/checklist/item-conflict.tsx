import { formatEstimate, PRIORITY_LABELS, STATUS_LABELS } from "@/lib/domain/view/checklist-format";
import type { ChecklistItem } from "./checklist-types";

/** The item as it is now, after someone else's change: what the user sees instead of overwriting it. */
export function ItemCurrentValues({ current, changedKeys = [] }: { current: ChecklistItem; changedKeys?: string[] }) {
  const rows: [string, string, string[]][] = [
    ["Title", current.title, ["title"]],
    ["Category", current.category, ["categoryId"]],
    ["Priority", PRIORITY_LABELS[current.priority], ["priority"]],
    ["Status", STATUS_LABELS[current.status], ["status"]],
    ["Estimate", formatEstimate(current), ["estimateHours", "estimateLowHours", "estimateHighHours"]],
    ["Owner", current.owner ?? "—", ["owner"]],
    ["Due", current.dueDate ?? "—", ["dueDate"]],
    ["Source", current.source ?? "—", ["source"]],
    ["Evidence", current.evidence ?? "—", ["evidence"]],
  ];
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm" data-testid="current-values">
      {rows.map(([label, value, keys]) => {
        const mine = keys.some((k) => changedKeys.includes(k));
        return (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className={`break-words ${mine ? "font-medium text-amber-900" : "text-slate-900"}`}>
              {value}
              {mine && <span className="ml-1 text-xs font-normal text-amber-800">(you changed this too)</span>}
            </dd>
          </div>
        );
      })}
      <dt className="text-slate-500">Last change</dt>
      <dd className="text-slate-700">{new Date(current.updatedAt).toISOString().slice(0, 16).replace("T", " ")} UTC · version {current.version}</dd>
    </dl>
  );
}

/** "Changed by someone else": the fresh values and what to do next (the server's 409 says no more than this). */
export function ConflictNotice({ current, changedKeys, children }: {
  current: ChecklistItem | null; changedKeys?: string[]; children?: React.ReactNode;
}) {
  return (
    <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="conflict-notice">
      <div>
        <p className="font-semibold text-amber-950">Changed by someone else</p>
        <p className="text-sm text-amber-900">
          Someone saved this item after you opened it. Nothing of yours was saved{current ? "; these are its current values." : "."}
        </p>
      </div>
      {current ? <ItemCurrentValues current={current} changedKeys={changedKeys} /> : <p className="text-sm">The item no longer exists.</p>}
      {children}
    </div>
  );
}
