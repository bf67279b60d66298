/**
 * How every benchmark reports against its targets: one line a figure — what was measured, the
 * figure (usually a ratio), the target as stated in bench/README.md, and met / NOT MET. The run's
 * exit code stays 0 (a benchmark measures; it does not gate), but the summary says what failed.
 */
export interface TargetCheck {
  /** What is compared, e.g. "cold readiness 100× / 1×". */
  name: string;
  /** The measured figure. */
  value: number;
  /** "≤" or "≥" the limit. */
  op: "≤" | "≥";
  limit: number;
  /** Shown after the figure and the limit: "×", " ms", " %", "" … */
  unit?: string;
  /** Extra context printed in parentheses, e.g. the raw figures behind a ratio. */
  detail?: string;
}

export function isMet(c: TargetCheck): boolean {
  return Number.isFinite(c.value) && (c.op === "≤" ? c.value <= c.limit : c.value >= c.limit);
}

function show(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  return abs >= 100 ? n.toFixed(0) : abs >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** Prints the checks as a table on stdout and returns how many were not met. */
export function printTargets(title: string, checks: readonly TargetCheck[]): number {
  console.log(`\n${title}: targets`);
  const width = Math.max(...checks.map((c) => c.name.length), 10);
  let missed = 0;
  for (const c of checks) {
    const met = isMet(c);
    if (!met) missed += 1;
    const u = c.unit ?? "";
    console.log(`  ${c.name.padEnd(width)}  ${(show(c.value) + u).padStart(10)}  target ${c.op} ${show(c.limit)}${u}  ${met ? "met" : "NOT MET"}${c.detail ? `  (${c.detail})` : ""}`);
  }
  console.log(`  ${checks.length - missed} of ${checks.length} met`);
  return missed;
}
