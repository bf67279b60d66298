import { addWorkingDays } from "./calendar";
import { roundTo } from "./format-number";
import type { Weekday } from "./types";

export const MONTE_CARLO_TRIALS = 10_000;
/** Fixed seed: the same input always gives the same dates. */
export const MONTE_CARLO_SEED = 0x4c61756e;

export interface EstimateRange {
  id: string;
  low: number;
  mode: number;
  high: number;
}

export interface ProbabilisticDates {
  p50: string;
  p85: string;
  p95: string;
  /** Working days after asOf for each percentile. */
  workingDays: { p50: number; p85: number; p95: number };
}

export interface SimulationOptions {
  hoursPerDay: number;
  workingDays: readonly Weekday[];
  asOf: string;
  trials?: number;
  seed?: number;
}

/** Nearest-rank percentile of an ascending integer array. */
function nearestRank(sorted: Int32Array, percent: number): number {
  return sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)];
}

/**
 * Monte Carlo launch dates: each trial draws every item from triangular(low,
 * mode, high), sums the hours and converts them to ceil(hours / hoursPerDay)
 * working days after asOf (the triangular inverse CDF of `sampleTriangular`,
 * with its per-item terms precomputed). Items are drawn in id order from a seeded mulberry32
 * stream, so the result does not depend on input order. Items with a zero-width
 * range are added as constants. Null when hoursPerDay ≤ 0 or no working day.
 */
export function simulateLaunchDates(ranges: readonly EstimateRange[], options: SimulationOptions): ProbabilisticDates | null {
  const { hoursPerDay, workingDays, asOf } = options;
  if (!(hoursPerDay > 0) || workingDays.length === 0) return null;
  const trials = options.trials ?? MONTE_CARLO_TRIALS;
  const ordered = [...ranges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let constant = 0;
  const variable = ordered.filter((r) => r.high > r.low);
  for (const range of ordered) if (!(range.high > range.low)) constant += range.mode;
  // Inverse CDF terms precomputed per item (see sampleTriangular).
  const count = variable.length;
  const low = new Float64Array(count), high = new Float64Array(count), split = new Float64Array(count);
  const rise = new Float64Array(count), fall = new Float64Array(count);
  variable.forEach((r, i) => {
    const span = r.high - r.low;
    low[i] = r.low; high[i] = r.high; split[i] = (r.mode - r.low) / span;
    rise[i] = Math.sqrt(span * (r.mode - r.low)); fall[i] = Math.sqrt(span * (r.high - r.mode));
  });
  const days = new Int32Array(trials);
  // The hot loop: mulberry32 inlined (the same stream as createRandom, seeded alike) — about
  // items × 10,000 draws, so a function call per draw matters at thousands of items.
  let state = (options.seed ?? MONTE_CARLO_SEED) >>> 0;
  for (let trial = 0; trial < trials; trial += 1) {
    let hours = constant;
    for (let i = 0; i < count; i += 1) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u = ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
      hours += u < split[i] ? low[i] + rise[i] * Math.sqrt(u) : high[i] - fall[i] * Math.sqrt(1 - u);
    }
    days[trial] = Math.ceil(roundTo(hours, 6) / hoursPerDay);
  }
  days.sort();
  const p50 = nearestRank(days, 50);
  const p85 = nearestRank(days, 85);
  const p95 = nearestRank(days, 95);
  return {
    p50: addWorkingDays(asOf, p50, workingDays)!,
    p85: addWorkingDays(asOf, p85, workingDays)!,
    p95: addWorkingDays(asOf, p95, workingDays)!,
    workingDays: { p50, p85, p95 },
  };
}
