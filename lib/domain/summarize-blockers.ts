import { roundTo } from "./format-number";
import type { DomainItem, ItemStatus } from "./types";

/** Open P1 items (blockers), split by whether a current risk acceptance covers them. */
export interface BlockerSummary {
  /** Open P1 items without a current risk acceptance: they block launch. */
  open: number;
  openHours: number;
  openLowHours: number;
  openHighHours: number;
  /** Open P1 items under a current risk acceptance: they do not block. */
  waived: number;
  waivedHours: number;
  /** Blocking items whose acceptance has expired (included in `open`). */
  expiredAcceptances: number;
  /** Blocking items with no most-likely estimate (counted as 0 h). */
  unestimated: number;
  /** Blocking items that are DONE but whose evidence expired (included in `open`). */
  expiredEvidence: number;
}

export function isOpenStatus(status: ItemStatus): boolean {
  return status === "OPEN" || status === "IN_PROGRESS";
}

export function isOpenP1(item: Pick<DomainItem, "priority" | "status">): boolean {
  return item.priority === "P1" && isOpenStatus(item.status);
}

/** An acceptance holds through its `expiresOn` day; it has expired once expiresOn < asOf. */
export function hasCurrentAcceptance(item: Pick<DomainItem, "riskAcceptance">, asOf: string): boolean {
  return item.riskAcceptance !== null && item.riskAcceptance.expiresOn.slice(0, 10) >= asOf;
}

/** True for an open P1 item that blocks launch at `asOf`. */
export function isBlocking(item: DomainItem, asOf: string): boolean {
  return isOpenP1(item) && !hasCurrentAcceptance(item, asOf);
}

/**
 * Most likely hours, with low and high falling back to it when missing. An item
 * without a most-likely estimate counts 0 h everywhere (its range is ignored).
 */
export function getEstimateRange(item: DomainItem): { low: number; mode: number; high: number } {
  if (item.estimateHours === null) return { low: 0, mode: 0, high: 0 };
  const mode = item.estimateHours;
  const low = Math.min(item.estimateLowHours ?? mode, mode);
  const high = Math.max(item.estimateHighHours ?? mode, mode);
  return { low, mode, high };
}

export function summarizeBlockers(items: readonly DomainItem[], asOf: string): BlockerSummary {
  const summary: BlockerSummary = {
    open: 0, openHours: 0, openLowHours: 0, openHighHours: 0,
    waived: 0, waivedHours: 0, expiredAcceptances: 0, unestimated: 0, expiredEvidence: 0,
  };
  for (const item of items) {
    if (!isOpenP1(item)) continue;
    const range = getEstimateRange(item);
    if (hasCurrentAcceptance(item, asOf)) {
      summary.waived += 1;
      summary.waivedHours += range.mode;
      continue;
    }
    summary.open += 1;
    summary.openHours += range.mode;
    summary.openLowHours += range.low;
    summary.openHighHours += range.high;
    if (item.riskAcceptance !== null) summary.expiredAcceptances += 1;
    if (item.estimateHours === null) summary.unestimated += 1;
    if (item.evidenceExpiredOn) summary.expiredEvidence += 1;
  }
  summary.openHours = roundTo(summary.openHours, 4);
  summary.openLowHours = roundTo(summary.openLowHours, 4);
  summary.openHighHours = roundTo(summary.openHighHours, 4);
  summary.waivedHours = roundTo(summary.waivedHours, 4);
  return summary;
}
