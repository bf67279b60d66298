import { computeScore } from "../compute-score";
import type { DomainCategory, DomainItem } from "../types";
import type { ChecklistWrites } from "./plan";

export interface PlannedScore {
  before: number | null;
  after: number | null;
}

/**
 * The readiness score now and the one the writes would give, both from the real score formula:
 * the project's categories and items with the plan laid over them (new items are OPEN).
 */
export function computePlannedScore(
  categories: readonly (DomainCategory & { key: string })[],
  items: readonly DomainItem[],
  writes: ChecklistWrites,
  asOf: string,
): PlannedScore {
  const before = computeScore(categories, items, asOf).overallPercent;
  const cats = new Map(categories.map((c) => [c.id, { ...c }]));
  for (const u of writes.categories.update) {
    const c = cats.get(u.id);
    if (c) Object.assign(c, { name: u.name, weight: u.weight, position: u.position });
  }
  for (const c of writes.categories.create) cats.set(`new:${c.key}`, { id: `new:${c.key}`, key: c.key, name: c.name, weight: c.weight, position: c.position });
  const catIdByKey = new Map([...cats.values()].map((c) => [c.key, c.id]));
  const updates = new Map(writes.updateItems.map((u) => [u.id, u]));
  const retired = new Set(writes.retireItems.map((r) => r.id));
  const after: DomainItem[] = items.map((i) => {
    const u = updates.get(i.id);
    if (retired.has(i.id)) return { ...i, status: "NOT_APPLICABLE" };
    if (!u) return i;
    const d = u.definition;
    return {
      ...i,
      title: d.title, priority: d.priority, estimateHours: d.estimateHours, estimateLowHours: d.estimateLowHours, estimateHighHours: d.estimateHighHours,
      deferrable: d.deferrable, categoryId: catIdByKey.get(u.categoryKey) ?? i.categoryId, status: u.restoreStatus ?? i.status,
    };
  });
  const now = `${asOf}T00:00:00.000Z`;
  for (const c of writes.createItems) {
    after.push({
      id: `new:${c.key}`, categoryId: catIdByKey.get(c.categoryKey)!, title: c.title, priority: c.priority, status: "OPEN",
      estimateHours: c.estimateHours, estimateLowHours: c.estimateLowHours, estimateHighHours: c.estimateHighHours,
      deferrable: c.deferrable, createdAt: now, riskAcceptance: null,
    });
  }
  return { before, after: computeScore([...cats.values()], after, asOf).overallPercent };
}
