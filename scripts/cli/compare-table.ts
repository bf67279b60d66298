import type { RunComparison } from "@/lib/server/compare/get-run-comparison";

const pct = (v: number | null, unit = "%") => (v === null ? "—" : `${v > 0 ? "+" : ""}${v}${unit}`);
const num = (v: number | null) => (v === null ? "—" : String(Math.round(v * 100) / 100));
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

interface Row {
  status: string;
  label: string;
  p95Ms: number | null; baselineP95Ms: number | null; p95ChangePercent: number | null;
  errorRatePercent: number | null; baselineErrorRatePercent: number | null; errorRateChangePoints: number | null;
  throughputRps: number | null; baselineThroughputRps: number | null; throughputChangePercent: number | null;
}

function line(r: Row, width: number): string {
  return [
    pad(r.status.toUpperCase(), 10), pad(r.label, width),
    lpad(`${num(r.baselineP95Ms)} → ${num(r.p95Ms)}`, 16), lpad(pct(r.p95ChangePercent), 9),
    lpad(`${num(r.baselineErrorRatePercent)} → ${num(r.errorRatePercent)}`, 15), lpad(pct(r.errorRateChangePoints, " pt"), 10),
    lpad(`${num(r.baselineThroughputRps)} → ${num(r.throughputRps)}`, 17), lpad(pct(r.throughputChangePercent), 9),
  ].join(" ");
}

/** The comparison as a text table (what `launchgate compare` prints); returns the exit code. */
export function printComparison(c: RunComparison, json: boolean): number {
  const code = c.regressed ? 2 : 0;
  if (json) {
    console.log(JSON.stringify(c, null, 2));
    return code;
  }
  const t = c.tolerances;
  console.log(`Run "${c.run.name}" (${c.run.id}, ${c.run.runDate}) against "${c.baseline.name}" (${c.baseline.id}, ${c.baseline.runDate}; ${c.baselineSource === "default" ? "default baseline" : "chosen baseline"})`);
  console.log(`  tolerances: P95 +${t.p95Percent}%, error rate +${t.errorRatePoints} points, throughput −${t.throughputPercent}%${c.sameLoad ? "" : `; loads differ (${c.baseline.users ?? "?"} → ${c.run.users ?? "?"} users)`}`);
  const n = c.counts;
  console.log(`  ${c.regressed ? "REGRESSION" : "no regression"}: ${n.regressed} regressed, ${n.improved} improved, ${n.unchanged} unchanged, ${n.new} new, ${n.gone} gone endpoints`);
  const rows: Row[] = [
    { ...c.summary, label: "(whole run)" },
    ...c.steps.map((s) => ({ ...s, label: `(${s.users} users)` })),
    ...c.endpoints.map((e) => ({ ...e, label: `${e.method ? `${e.method} ` : ""}${e.name}` })),
  ];
  const width = Math.min(60, Math.max(20, ...rows.map((r) => r.label.length)));
  console.log("");
  console.log([pad("STATUS", 10), pad("ENDPOINT", width), lpad("P95 ms", 16), lpad("", 9), lpad("ERRORS %", 15), lpad("", 10), lpad("REQ/S", 17), lpad("", 9)].join(" "));
  for (const r of rows) console.log(line({ ...r, label: r.label.length > width ? `${r.label.slice(0, width - 1)}…` : r.label }, width));
  return code;
}
