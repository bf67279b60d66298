import { addWorkingDays } from "./calendar";
import { roundTo } from "./format-number";
import { sumTriangulars, type TriangularSum } from "./sum-triangular-distribution";
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

/**
 * Up to this many items with a range, the launch dates come from the per-item Monte Carlo (cheap
 * there: ≤ 640,000 draws, a few ms); above it, from the sum's computed distribution.
 */
export const MONTE_CARLO_MAX_ITEMS = 64;

export interface SimulationOptions {
  hoursPerDay: number;
  workingDays: readonly Weekday[];
  asOf: string;
  /** Monte Carlo only. */
  trials?: number;
  seed?: number;
  /** "auto" (default): Monte Carlo up to MONTE_CARLO_MAX_ITEMS items with a range, else "distribution". */
  method?: "auto" | "monte-carlo" | "distribution";
}

/** Nearest-rank percentile of an ascending integer array. */
function nearestRank(sorted: Int32Array, percent: number): number {
  return sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)];
}

function toDates(days: { p50: number; p85: number; p95: number }, options: SimulationOptions): ProbabilisticDates {
  const { asOf, workingDays } = options;
  return {
    p50: addWorkingDays(asOf, days.p50, workingDays)!,
    p85: addWorkingDays(asOf, days.p85, workingDays)!,
    p95: addWorkingDays(asOf, days.p95, workingDays)!,
    workingDays: { p50: days.p50, p85: days.p85, p95: days.p95 },
  };
}

/**
 * Launch dates at P50 / P85 / P95 of the open work's total hours, each item triangular(low, mode,
 * high), as ceil(hours / hoursPerDay) working days after asOf. With few items (≤
 * MONTE_CARLO_MAX_ITEMS with a range: every seed scenario) this is the seeded per-item Monte Carlo
 * of 10,000 trials (`simulateLaunchDatesMonteCarlo`), whose figures the scenarios pin. With more,
 * the sampling is replaced by the computed distribution of the sum (`sumTriangulars`): the
 * percentiles a Monte Carlo converges to, at a cost that grows with the number of distinct
 * ranges, not with items × trials. The two agree to the day except where a percentile falls
 * within the Monte Carlo's own sampling noise (≈ ±0.5 % of probability) of a day boundary.
 * Null when hoursPerDay ≤ 0 or no working day.
 */
export function simulateLaunchDates(ranges: readonly EstimateRange[], options: SimulationOptions): ProbabilisticDates | null {
  if (!(options.hoursPerDay > 0) || options.workingDays.length === 0) return null;
  const method = options.method ?? "auto";
  const variable = ranges.reduce((n, r) => n + (r.high > r.low ? 1 : 0), 0);
  if (method === "monte-carlo" || (method === "auto" && variable <= MONTE_CARLO_MAX_ITEMS)) return simulateLaunchDatesMonteCarlo(ranges, options);
  const sum = sumTriangulars(ranges);
  // A series that did not converge (a few items of very unequal widths, only by `method`): sample.
  if (!sum.exact) return simulateLaunchDatesMonteCarlo(ranges, options);
  return toDates(computePercentileDays(sum, options.hoursPerDay), options);
}

/**
 * The smallest whole number of working days d with P(total hours ≤ d × hoursPerDay) ≥ p, for p
 * = 50, 85, 95 %, from the sum's computed distribution: what the Monte Carlo's nearest-rank
 * percentile of ceil(hours / hoursPerDay) estimates.
 */
export function computePercentileDays(sum: TriangularSum, hoursPerDay: number): { p50: number; p85: number; p95: number } {
  const minDays = Math.max(0, Math.ceil(roundTo(sum.low, 6) / hoursPerDay));
  const maxDays = Math.ceil(roundTo(sum.high, 6) / hoursPerDay);
  const atLeast = (percent: number, z: number) => {
    const p = percent / 100;
    let d = Math.min(maxDays, Math.max(minDays, Math.ceil((sum.mean + z * sum.sd) / hoursPerDay)));
    while (d < maxDays && sum.cdf(d * hoursPerDay) < p) d += 1;
    while (d > minDays && sum.cdf((d - 1) * hoursPerDay) >= p) d -= 1;
    return d;
  };
  return { p50: atLeast(50, 0), p85: atLeast(85, 1.036), p95: atLeast(95, 1.645) };
}

/**
 * Monte Carlo launch dates: each trial draws every item from triangular(low,
 * mode, high), sums the hours and converts them to ceil(hours / hoursPerDay)
 * working days after asOf (the triangular inverse CDF of `sampleTriangular`,
 * with its per-item terms precomputed). Items are drawn in id order from a seeded mulberry32
 * stream, so the result does not depend on input order. Items with a zero-width
 * range are added as constants. Null when hoursPerDay ≤ 0 or no working day.
 */
export function simulateLaunchDatesMonteCarlo(ranges: readonly EstimateRange[], options: SimulationOptions): ProbabilisticDates | null {
  const { hoursPerDay, workingDays } = options;
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
  return toDates({ p50: nearestRank(days, 50), p85: nearestRank(days, 85), p95: nearestRank(days, 95) }, options);
}
