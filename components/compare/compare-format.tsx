import type { EndpointStatus, MeasureVerdict } from "@/lib/domain/compare/types";

const STATUS_STYLE: Record<EndpointStatus, string> = {
  regressed: "bg-red-100 text-red-800 ring-red-200",
  improved: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  unchanged: "bg-slate-100 text-slate-700 ring-slate-200",
  new: "bg-blue-100 text-blue-800 ring-blue-200",
  gone: "bg-amber-100 text-amber-900 ring-amber-200",
};

/** regressed / improved / unchanged / new / gone as a coloured label (text, not colour alone). */
export function StatusBadge({ status }: { status: EndpointStatus }) {
  return (
    <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_STYLE[status]}`} data-status={status}>
      {status}
    </span>
  );
}

const NOTE: Partial<Record<MeasureVerdict, string>> = {
  "within-noise": "beyond tolerance, but within what the sample sizes can tell apart",
  "too-few-requests": "beyond tolerance, but too few requests to tell (P95 needs 100 on each side)",
};

/** A change (+12.5 %, −0.3 pt) coloured by its verdict; noise and small samples get a note. */
export function Change({ value, unit, verdict }: { value: number | null; unit: "%" | " pt"; verdict: MeasureVerdict }) {
  if (value === null) return <span className="text-slate-400">—</span>;
  const tone = verdict === "regressed" ? "font-semibold text-red-700" : verdict === "improved" ? "font-semibold text-emerald-700" : "text-slate-700";
  const note = NOTE[verdict];
  return (
    <span className={tone} title={note}>
      {value > 0 ? "+" : value < 0 ? "−" : "±"}{Math.abs(value)}{unit}
      {note && <span className="ml-1 text-xs font-normal text-slate-500">({verdict === "within-noise" ? "noise" : "few"})</span>}
    </span>
  );
}

export const fmt = (v: number | null, digits = 1) => (v === null ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: digits }));

/** "120 → 180" with the baseline first. */
export function Pair({ base, run, digits = 1 }: { base: number | null; run: number | null; digits?: number }) {
  return (
    <span className="whitespace-nowrap tabular-nums">
      <span className="text-slate-500">{fmt(base, digits)}</span> → {fmt(run, digits)}
    </span>
  );
}
