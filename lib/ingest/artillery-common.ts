/** Totals of one Artillery report entry (the aggregate or one intermediate period). */
export interface PeriodTotals {
  tMs: number | null;
  endMs: number | null;
  arrivals: number | null;
  requests: number;
  failures: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  meanMs: number | null;
  errors: [string, number][];
}

/** Artillery counts errors (no response) apart from HTTP codes; a code ≥ 400 is a failure too. */
export function failedCodes(codes: Record<string, number>): { count: number; kinds: [string, number][] } {
  const kinds = Object.entries(codes).filter(([code]) => Number(code) >= 400);
  return { count: kinds.reduce((n, [, c]) => n + c, 0), kinds: kinds.map(([c, n]) => [`HTTP ${c}`, n]) };
}
