import { roundTo } from "./format-number";
import { getEstimateRange, isBlocking } from "./summarize-blockers";
import type { DomainCategory, DomainItem } from "./types";

export interface CategoryScore {
  categoryId: string;
  name: string;
  criticalDone: number;
  /** P1 items minus NOT_APPLICABLE P1 items. */
  criticalTotal: number;
  /** One decimal; null when the category has no counted P1 item. */
  scorePercent: number | null;
  /** Open P1 items without a current risk acceptance. */
  openBlockers: number;
  openBlockerHours: number;
}

export interface ScoreResult {
  /** Σ weight × done / Σ weight × counted, one decimal; null = "no P1 items". */
  overallPercent: number | null;
  criticalDone: number;
  criticalTotal: number;
  /** In category `position` order. */
  categories: CategoryScore[];
}

function toPercent(done: number, total: number): number | null {
  return total > 0 ? roundTo((done / total) * 100, 1) : null;
}

/**
 * Readiness score (DESIGN "Readiness score"). Items whose category is not in
 * `categories` are ignored. A category with weight 0 is shown but does not count
 * towards the overall figure or the overall done/total.
 */
export function computeScore(
  categories: readonly DomainCategory[],
  items: readonly DomainItem[],
  asOf: string,
): ScoreResult {
  const byId = new Map<string, CategoryScore>();
  const ordered = [...categories].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  for (const category of ordered) {
    byId.set(category.id, {
      categoryId: category.id, name: category.name, criticalDone: 0, criticalTotal: 0,
      scorePercent: null, openBlockers: 0, openBlockerHours: 0,
    });
  }
  for (const item of items) {
    const score = byId.get(item.categoryId);
    if (!score || item.priority !== "P1" || item.status === "NOT_APPLICABLE") continue;
    score.criticalTotal += 1;
    if (item.status === "DONE") score.criticalDone += 1;
    if (isBlocking(item, asOf)) {
      score.openBlockers += 1;
      score.openBlockerHours += getEstimateRange(item).mode;
    }
  }
  let weightedDone = 0;
  let weightedTotal = 0;
  let criticalDone = 0;
  let criticalTotal = 0;
  for (const category of ordered) {
    const score = byId.get(category.id)!;
    score.scorePercent = toPercent(score.criticalDone, score.criticalTotal);
    score.openBlockerHours = roundTo(score.openBlockerHours, 4);
    if (category.weight <= 0) continue;
    weightedDone += category.weight * score.criticalDone;
    weightedTotal += category.weight * score.criticalTotal;
    criticalDone += score.criticalDone;
    criticalTotal += score.criticalTotal;
  }
  return {
    overallPercent: toPercent(weightedDone, weightedTotal),
    criticalDone,
    criticalTotal,
    categories: ordered.map((category) => byId.get(category.id)!),
  };
}
