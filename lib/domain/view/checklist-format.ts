/** Labels and small formatting rules of the checklist, shared by the table, dialogs and tests. */
import { formatNumber } from "../format-number";
import type { ItemStatus, Priority } from "../types";

export const STATUS_LABELS: Record<ItemStatus, string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  NOT_APPLICABLE: "Not applicable",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  P1: "P1 · critical",
  P2: "P2 · important",
  P3: "P3 · nice to have",
};

/** "6 h", "4 h (4–8)", "3 h (2–?)", or "—" without an estimate. */
export function formatEstimate(item: { estimateHours: number | null; estimateLowHours: number | null; estimateHighHours: number | null }): string {
  const { estimateHours: ml, estimateLowHours: low, estimateHighHours: high } = item;
  if (ml === null && low === null && high === null) return "—";
  const main = ml === null ? "?" : `${formatNumber(ml, 1)} h`;
  if ((low === null || low === ml) && (high === null || high === ml)) return main;
  const lo = low === null ? "?" : formatNumber(low, 1);
  const hi = high === null ? "?" : formatNumber(high, 1);
  return `${main} (${lo}–${hi})`;
}

/** An open item whose due date has passed (`YYYY-MM-DD` compare). */
export function isOverdue(item: { dueDate: string | null; status: ItemStatus }, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && (item.status === "OPEN" || item.status === "IN_PROGRESS");
}

/** A risk acceptance that still holds on `today` (expiry day inclusive). */
export function isAcceptanceCurrent(acceptance: { expiresOn: string } | null, today: string): boolean {
  return acceptance !== null && acceptance.expiresOn >= today;
}

/** Whether the lead may accept this item as a risk: an open P1 item. */
export function canAcceptRisk(item: { priority: Priority; status: ItemStatus }): boolean {
  return item.priority === "P1" && (item.status === "OPEN" || item.status === "IN_PROGRESS");
}
