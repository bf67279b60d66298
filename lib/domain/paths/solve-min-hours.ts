/** One item that may be closed: its hours and the weighted done it adds to the score. */
export interface KnapsackItem {
  id: string;
  hours: number;
  weight: number;
}

export interface KnapsackResult {
  /** Chosen ids, in input order; null when even closing every candidate does not reach the goal. */
  ids: string[] | null;
  hours: number;
  algorithm: "exact" | "greedy";
}

/** Above this many DP cells (items × hour units) the greedy approximation is used. */
export const KNAPSACK_CELL_LIMIT = 4_000_000;

export const KNAPSACK_ALGORITHM =
  "Exact 0/1 knapsack by dynamic programming over hours in the coarsest unit that holds every estimate exactly "
  + "(0.5 h, 0.25 h, 0.1 h or 0.01 h): the most weighted-done reachable for each total of hours, then the fewest hours "
  + `that reach the threshold; up to ${KNAPSACK_CELL_LIMIT.toLocaleString("en-US")} cells (items × units). Beyond that: greedy by weight per hour, `
  + "then dropping every chosen item the threshold does not need (an approximation, not always minimal).";

const UNITS = [0.5, 0.25, 0.1, 0.01];

function unitFor(items: readonly KnapsackItem[]): number {
  for (const unit of UNITS) {
    if (items.every((i) => Math.abs(i.hours / unit - Math.round(i.hours / unit)) < 1e-9)) return unit;
  }
  return 0.01;
}

function sumHours(items: readonly KnapsackItem[], ids: readonly string[]): number {
  const set = new Set(ids);
  return items.filter((i) => set.has(i.id)).reduce((s, i) => s + i.hours, 0);
}

function solveGreedy(items: readonly KnapsackItem[], reaches: (weight: number) => boolean): KnapsackResult {
  const order = [...items].sort((a, b) => (b.weight / Math.max(a.hours, 1e-9)) - (a.weight / Math.max(b.hours, 1e-9)) || a.hours - b.hours);
  const chosen: KnapsackItem[] = [];
  let weight = 0;
  for (const item of order) {
    if (reaches(weight)) break;
    chosen.push(item); weight += item.weight;
  }
  if (!reaches(weight)) return { ids: null, hours: 0, algorithm: "greedy" };
  for (const item of [...chosen].sort((a, b) => b.hours - a.hours)) {
    if (reaches(weight - item.weight)) { chosen.splice(chosen.indexOf(item), 1); weight -= item.weight; }
  }
  const ids = items.filter((i) => chosen.includes(i)).map((i) => i.id);
  return { ids, hours: sumHours(items, ids), algorithm: "greedy" };
}

/**
 * The set of items with the fewest total hours whose added weight satisfies `reaches`
 * (monotone: more weight never hurts). See KNAPSACK_ALGORITHM for the method and its limit.
 */
export function solveMinHours(items: readonly KnapsackItem[], reaches: (weight: number) => boolean): KnapsackResult {
  if (reaches(0)) return { ids: [], hours: 0, algorithm: "exact" };
  const useful = items.filter((i) => i.weight > 0);
  const unit = unitFor(useful);
  const costs = useful.map((i) => Math.round(i.hours / unit));
  const total = costs.reduce((s, c) => s + c, 0);
  if (useful.length * (total + 1) > KNAPSACK_CELL_LIMIT) return solveGreedy(useful, reaches);
  const best = new Float64Array(total + 1).fill(-Infinity);
  best[0] = 0;
  const take = new Uint8Array(useful.length * (total + 1));
  let reach = 0;
  useful.forEach((item, i) => {
    const c = costs[i];
    for (let j = reach; j >= 0; j--) {
      if (best[j] === -Infinity) continue;
      const w = best[j] + item.weight;
      if (w > best[j + c] + 1e-12) { best[j + c] = w; take[i * (total + 1) + j + c] = 1; }
    }
    reach += c;
  });
  let j = 0;
  while (j <= total && !(best[j] > -Infinity && reaches(best[j]))) j++;
  if (j > total) return { ids: null, hours: 0, algorithm: "exact" };
  const chosen = new Set<string>();
  for (let i = useful.length - 1; i >= 0; i--) {
    if (take[i * (total + 1) + j]) { chosen.add(useful[i].id); j -= costs[i]; }
  }
  const ids = items.filter((i) => chosen.has(i.id)).map((i) => i.id);
  return { ids, hours: sumHours(items, ids), algorithm: "exact" };
}
