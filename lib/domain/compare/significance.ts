/**
 * "Beyond what the two runs' sample sizes can tell apart", one test per measure (README "Run
 * comparison"). Each answers whether the difference between run and baseline is larger than
 * sampling noise at the 5 % level (two-sided, |z| ≥ 1.96); the tolerance is checked separately.
 */

export const Z_CRITICAL = 1.96;

/**
 * Fewest requests per side for a P95 change to count. A summary has no other order statistics,
 * so no confidence interval of the P95 can be computed from it; the rule is distribution-free
 * instead: of n requests the P95 is the value of rank 0.95·n, and the 95 % interval of that
 * rank is 0.95·n ± 1.96·√(0.0475·n). From 100 requests on that is within ±4.3 % of n, so the
 * measured P95 lies between the true P90 and P99; below, a handful of slow requests moves it.
 */
export const MIN_REQUESTS_FOR_P95 = 100;

/**
 * Two-proportion z-test of the error rates f1/n1 (run) against f0/n0 (baseline), pooled
 * variance. Null when either side has no requests; 0 when both rates are 0 % or 100 %.
 */
export function errorRateZ(f1: number, n1: number, f0: number, n0: number): number | null {
  if (n1 <= 0 || n0 <= 0) return null;
  const p = (f1 + f0) / (n1 + n0);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n0));
  if (se === 0) return 0;
  return (f1 / n1 - f0 / n0) / se;
}

/**
 * z of the difference of two request rates, each a count over a duration read as a Poisson
 * process: rate r = n / t has variance n / t² = r / t. Null when a rate or duration is missing.
 */
export function throughputZ(r1: number | null, t1: number | null, r0: number | null, t0: number | null): number | null {
  if (r1 === null || r0 === null || !t1 || !t0 || t1 <= 0 || t0 <= 0) return null;
  const variance = r1 / t1 + r0 / t0;
  if (variance <= 0) return 0;
  return (r1 - r0) / Math.sqrt(variance);
}

/** True when both sides have enough requests for their P95 values to be compared. */
export function p95Comparable(n1: number, n0: number): boolean {
  return n1 >= MIN_REQUESTS_FOR_P95 && n0 >= MIN_REQUESTS_FOR_P95;
}
