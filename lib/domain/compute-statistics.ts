/** Descriptive statistics used by the stability analysis. */

export function computeMean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Percentile by linear interpolation between closest ranks (Hyndman–Fan type 7:
 * numpy's default, Excel PERCENTILE.INC). `sorted` must be ascending.
 */
export function computePercentile(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = ((sorted.length - 1) * Math.min(Math.max(percent, 0), 100)) / 100;
  const lower = Math.floor(rank);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
}

/** Population standard deviation (divides by n). */
export function computeStdDev(values: readonly number[]): number | null {
  const mean = computeMean(values);
  if (mean === null) return null;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return Math.sqrt(squares / values.length);
}

/** Least-squares line y = intercept + slope × x; null with fewer than two distinct x. */
export function computeLinearTrend(
  xs: readonly number[],
  ys: readonly number[],
): { slope: number; intercept: number } | null {
  const meanX = computeMean(xs);
  const meanY = computeMean(ys);
  if (meanX === null || meanY === null || xs.length !== ys.length) return null;
  let covariance = 0;
  let varianceX = 0;
  for (let i = 0; i < xs.length; i += 1) {
    covariance += (xs[i] - meanX) * (ys[i] - meanY);
    varianceX += (xs[i] - meanX) ** 2;
  }
  if (varianceX === 0) return null;
  const slope = covariance / varianceX;
  return { slope, intercept: meanY - slope * meanX };
}
