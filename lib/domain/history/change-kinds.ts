import { formatNumber } from "../format-number";
import type { ItemTransition } from "../replay-item-events";
import type { Contribution } from "./timeline-state";

/** What happened to an item (or a category) that moved the readiness figures. */
export type ChangeKind =
  | "resolved" | "reopened" | "added" | "removed" | "re-estimated" | "re-prioritized" | "recategorized"
  | "marked-not-applicable" | "evidence-expired" | "risk-accepted" | "risk-expired" | "category-weight-changed";

export const CHANGE_KINDS: readonly ChangeKind[] = [
  "resolved", "reopened", "added", "removed", "re-estimated", "re-prioritized", "recategorized",
  "marked-not-applicable", "evidence-expired", "risk-accepted", "risk-expired", "category-weight-changed",
];

export const CHANGE_KIND_LABEL: Record<ChangeKind, string> = {
  "resolved": "resolved", "reopened": "reopened", "added": "added", "removed": "removed",
  "re-estimated": "re-estimated", "re-prioritized": "re-prioritized", "recategorized": "recategorized",
  "marked-not-applicable": "marked not applicable", "evidence-expired": "evidence expired",
  "risk-accepted": "risk accepted", "risk-expired": "risk expired", "category-weight-changed": "category weight changed",
};

/** True when the item's effect on score, open P1 blockers or remaining hours changed. */
export function contributionChanged(a: Contribution, b: Contribution): boolean {
  if (a.counted !== b.counted || a.done !== b.done || a.open !== b.open || a.waived !== b.waived) return true;
  if ((a.counted || a.open) && a.categoryId !== b.categoryId) return true;
  return a.open && a.hours !== b.hours;
}

const hours = (v: number | null) => (v === null ? "no estimate" : `${formatNumber(v, 2)} h`);

/** A change found only by comparing the current row with the replay (written without an event). */
function classifyReconciled(t: ItemTransition, categoryName: (id: string | null) => string): { kind: ChangeKind; detail: string } | null {
  const { before, after } = t;
  const note = " (recorded without an item event)";
  if (!before || !after.exists) return { kind: "removed", detail: `no longer in the checklist${note}` };
  const fields = ["status", "priority", "estimateHours", "categoryId"] as const;
  const field = fields.find((f) => before[f] !== after[f]);
  if (!field) return null;
  const k = classifyTransition({ ...t, field }, categoryName);
  return k && { ...k, detail: k.detail + note };
}

/** The kind of an item transition, with a short "from → to" detail; null when it is none of the kinds. */
export function classifyTransition(t: ItemTransition, categoryName: (id: string | null) => string): { kind: ChangeKind; detail: string } | null {
  const { before, after } = t;
  if (before === null || t.field === "restored") return { kind: "added", detail: `${after.priority}, ${after.status}` };
  switch (t.field) {
    case "deleted": return { kind: "removed", detail: `was ${before.priority}, ${before.status}` };
    case "status": {
      const detail = `${before.status} → ${after.status}`;
      if (after.status === "DONE") return { kind: "resolved", detail };
      if (after.status === "NOT_APPLICABLE") return { kind: "marked-not-applicable", detail };
      return { kind: "reopened", detail };
    }
    case "estimateHours": return { kind: "re-estimated", detail: `${hours(before.estimateHours)} → ${hours(after.estimateHours)}` };
    case "priority": return { kind: "re-prioritized", detail: `${before.priority} → ${after.priority}` };
    case "categoryId": return { kind: "recategorized", detail: `${categoryName(before.categoryId)} → ${categoryName(after.categoryId)}` };
    case "reconciled": return classifyReconciled(t, categoryName);
    default: return null;
  }
}
