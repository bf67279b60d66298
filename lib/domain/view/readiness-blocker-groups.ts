import { roundTo } from "../format-number";

export interface BlockerItem {
  id: string;
  title: string;
  categoryId: string;
  category: string;
  categoryPosition: number;
  status: "OPEN" | "IN_PROGRESS";
  estimateHours: number | null;
  owner: string | null;
  dueDate: string | null;
  deferrable: boolean;
  version: number;
  /** A DONE item whose evidence expired: it blocks again; the day it expired. */
  evidenceExpiredOn?: string | null;
  /** The current (not revoked) acceptance, expired or not. */
  riskAcceptance: { id: string; mitigation: string; expiresOn: string; acceptedBy: string | null } | null;
}

export interface BlockerGroup {
  categoryId: string;
  category: string;
  items: BlockerItem[];
  hours: number;
}

export interface BlockerGroups {
  /** Blocking items (no acceptance, or an expired one) by category, in category order. */
  groups: BlockerGroup[];
  /** Items under an acceptance that holds on asOf: they do not block. */
  accepted: BlockerItem[];
  blockingCount: number;
  blockingHours: number;
  acceptedHours: number;
}

const hoursOf = (items: readonly BlockerItem[]) => roundTo(items.reduce((a, i) => a + (i.estimateHours ?? 0), 0), 4);

/** Splits open P1 items into blocking groups per category and accepted risks (DESIGN "Risk acceptance"). */
export function groupBlockers(items: readonly BlockerItem[], asOf: string): BlockerGroups {
  const accepted: BlockerItem[] = [];
  const byCategory = new Map<string, BlockerGroup & { position: number }>();
  for (const item of items) {
    if (item.riskAcceptance && item.riskAcceptance.expiresOn >= asOf) {
      accepted.push(item);
      continue;
    }
    let g = byCategory.get(item.categoryId);
    if (!g) {
      g = { categoryId: item.categoryId, category: item.category, items: [], hours: 0, position: item.categoryPosition };
      byCategory.set(item.categoryId, g);
    }
    g.items.push(item);
  }
  const byHours = (a: BlockerItem, b: BlockerItem) => (b.estimateHours ?? 0) - (a.estimateHours ?? 0) || a.title.localeCompare(b.title);
  const groups = [...byCategory.values()]
    .sort((a, b) => a.position - b.position || a.category.localeCompare(b.category))
    .map((g) => ({ categoryId: g.categoryId, category: g.category, items: [...g.items].sort(byHours), hours: hoursOf(g.items) }));
  const blocking = groups.flatMap((g) => g.items);
  return {
    groups,
    accepted: accepted.sort(byHours),
    blockingCount: blocking.length,
    blockingHours: hoursOf(blocking),
    acceptedHours: hoursOf(accepted),
  };
}
