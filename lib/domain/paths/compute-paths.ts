import { computeDeterministicDate } from "../compute-projection";
import type { Readiness, ReadinessInput } from "../compute-readiness";
import { roundTo } from "../format-number";
import { simulateLaunchDates } from "../simulate-launch-dates";
import { getEstimateRange, isOpenP1 } from "../summarize-blockers";
import type { DomainItem } from "../types";
import { listGateActions, type GateAction } from "./gate-actions";
import { solveMinHours, KNAPSACK_ALGORITHM } from "./solve-min-hours";

export interface PathItem { id: string; title: string; hours: number; owner: string | null }

export interface GoPath {
  items: PathItem[];
  hours: number;
  /** Deterministic date from the team's hours per day; null without capacity. "If the gates pass." */
  date: string | null;
  p85Date: string | null;
  gates: GateAction[];
}

export interface ConditionalGoPath extends GoPath {
  /** Every other open P1 item, to accept as a risk. */
  acceptRisks: string[];
  /** False when even closing every open P1 item does not reach the conditional threshold. */
  reachable: boolean;
  algorithm: "exact" | "greedy";
}

export interface FastestPaths {
  go: GoPath;
  conditionalGo: ConditionalGoPath;
  algorithm: string;
}

function dates(items: readonly DomainItem[], input: ReadinessInput) {
  const ranges = items.map((i) => ({ id: i.id, ...getEstimateRange(i) }));
  const hours = roundTo(ranges.reduce((s, r) => s + r.mode, 0), 4);
  const { settings, asOf } = input;
  const p85 = simulateLaunchDates(ranges, { hoursPerDay: settings.teamHoursPerDay, workingDays: settings.workingDays, asOf })?.p85 ?? null;
  return { hours, date: computeDeterministicDate(hours, settings, asOf)?.date ?? null, p85Date: p85 };
}

/**
 * The fastest honest paths (DESIGN "Fastest path to Go"). GO needs every open P1 item closed
 * (an accepted risk holds the verdict at CONDITIONAL GO) and every other gate passing on its
 * own. CONDITIONAL GO needs the score at the conditional threshold with every other open P1
 * item accepted as a risk and every failing gate waived: the fewest hours of items to close
 * is a knapsack over the categories' weights (KNAPSACK_ALGORITHM).
 */
export function computeFastestPaths(input: ReadinessInput, readiness: Readiness, owners: Readonly<Record<string, string | null>> = {}): FastestPaths {
  const open = input.items.filter(isOpenP1).sort((a, b) => getEstimateRange(a).mode - getEstimateRange(b).mode || a.title.localeCompare(b.title));
  const toPath = (i: DomainItem): PathItem => ({ id: i.id, title: i.title, hours: getEstimateRange(i).mode, owner: owners[i.id] ?? null });
  const go: GoPath = { items: open.map(toPath), ...dates(open, input), gates: listGateActions(readiness, input.settings, ["fail", "waived"]) };

  const weights = new Map(input.categories.map((c) => [c.id, c.weight]));
  let doneWeight = 0, totalWeight = 0;
  for (const c of input.categories) {
    const s = readiness.score.categories.find((x) => x.categoryId === c.id);
    if (!s || c.weight <= 0) continue;
    doneWeight += c.weight * s.criticalDone; totalWeight += c.weight * s.criticalTotal;
  }
  const threshold = input.settings.conditionalThresholdPercent;
  const reaches = (added: number) => totalWeight > 0 && roundTo(((doneWeight + added) / totalWeight) * 100, 1) >= threshold;
  const candidates = open.map((i) => ({ id: i.id, hours: getEstimateRange(i).mode, weight: Math.max(0, weights.get(i.categoryId) ?? 0) }));
  const solved = solveMinHours(candidates, reaches);
  const chosen = new Set(solved.ids ?? open.map((i) => i.id));
  const closing = open.filter((i) => chosen.has(i.id));
  const conditionalGo: ConditionalGoPath = {
    items: closing.map(toPath), ...dates(closing, input),
    acceptRisks: open.filter((i) => !chosen.has(i.id)).map((i) => i.id),
    gates: listGateActions(readiness, input.settings, ["fail"]).map((g) => ({ gate: g.gate, action: `accept the risk (a waiver), or ${g.action}` })),
    reachable: solved.ids !== null, algorithm: solved.algorithm,
  };
  return { go, conditionalGo, algorithm: KNAPSACK_ALGORITHM };
}
