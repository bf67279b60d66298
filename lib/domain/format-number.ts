/**
 * Rounding and display helpers shared by the domain functions.
 *
 * `roundTo` rounds the exact binary value of a number (the semantics of
 * `Number.prototype.toFixed`), so 9.645 (stored as 9.64499…) rounds to 9.64. The
 * stability figures of the plan-a scenario depend on this convention.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const rounded = Number(value.toFixed(decimals));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Rounds, then drops trailing zeros: 89 -> "89", 88.5 -> "88.5". */
export function formatNumber(value: number, maxDecimals = 1): string {
  return String(roundTo(value, maxDecimals));
}

/** Hours for sentences: "89 h", "88.5 h". */
export function formatHours(hours: number): string {
  return `${formatNumber(hours, 1)} h`;
}

/**
 * A percentage for sentences: two decimals at most, and one significant figure
 * below 0.01 so that small rates stay visible (7.036 -> "7.04", 0.00696 -> "0.007").
 */
export function formatPercent(value: number): string {
  if (value === 0) return "0";
  if (Math.abs(value) >= 0.01) return formatNumber(value, 2);
  return String(Number(value.toPrecision(1)));
}

/** A ratio to two significant figures: 1010.6 -> "1000", 42.9 -> "43". */
export function formatRatio(ratio: number): string {
  return String(Number(ratio.toPrecision(2)));
}

/** "1 item", "21 items". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
