"use client";

import { useHydrated } from "@/components/charts/use-hydrated";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDayTick, type BurndownChart as Chart, type BurndownChartRow } from "@/lib/domain/view/burndown-chart";
import type { AxisMarker } from "@/lib/domain/view/change-marker-axis";

const SERIES = [
  { key: "remaining", name: "Remaining P1 hours", color: "#0f172a", dash: undefined, width: 2.5 },
  { key: "ideal", name: "Ideal (to target date)", color: "#64748b", dash: "6 4", width: 1.5 },
  { key: "deterministic", name: "Forecast: deterministic", color: "#dc2626", dash: "4 3", width: 1.5 },
  { key: "velocity", name: "Forecast: velocity", color: "#2563eb", dash: "4 3", width: 1.5 },
  { key: "conditional", name: "Forecast: without deferrable", color: "#15803d", dash: "2 3", width: 1.5 },
] as const;

function TooltipBody({ active, payload }: { active?: boolean; payload?: readonly { payload?: BurndownChartRow }[] }) {
  const row = active ? payload?.[0]?.payload : undefined;
  if (!row) return null;
  const lines: [string, number | null][] = [
    ["Remaining", row.remaining], ["Ideal", row.ideal], ["Deterministic", row.deterministic], ["Velocity", row.velocity],
    ["Without deferrable", row.conditional], ["Added scope", row.added],
  ];
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow">
      <p className="font-semibold">{row.date}</p>
      {lines.filter(([, v]) => v !== null).map(([k, v]) => <p key={k}>{k}: {v} h</p>)}
    </div>
  );
}

export const MARKER_COLOR = "#7c3aed";

/** Remaining open P1 hours per day, the ideal line, forecast lines, added scope as bars, change markers as vertical lines. */
export function BurndownChart({ chart, markers = [] }: { chart: Chart; markers?: readonly AxisMarker[] }) {
  const hydrated = useHydrated();
  const shown = SERIES.filter((s) => s.key === "remaining" || chart.series[s.key]);
  const xs = chart.rows.map((r) => r.x);
  const domain: [number, number] = [Math.min(...xs), Math.max(...xs)];
  // Few measured days (e.g. a fresh project): dots keep a one-day line visible.
  const remainingDots = chart.rows.filter((r) => r.remaining !== null).length <= 45;
  return (
    <figure aria-label="Burndown of open P1 hours" className="min-w-0">
      {!hydrated ? <div style={{ height: 320 }} aria-hidden /> : <ResponsiveContainer width="100%" height={320} initialDimension={{ width: 700, height: 320 }}>
        <ComposedChart data={chart.rows} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="x" type="number" domain={domain} scale="linear" tickFormatter={formatDayTick} tick={{ fontSize: 11, fill: "#475569" }} minTickGap={24} />
          <YAxis tick={{ fontSize: 11, fill: "#475569" }} width={44} unit=" h" allowDecimals={false} />
          <Tooltip content={TooltipBody} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {chart.asOfX !== null && <ReferenceLine x={chart.asOfX} stroke="#94a3b8" label={{ value: "as of", position: "insideTopLeft", fontSize: 10, fill: "#475569" }} />}
          {markers.map((m, i) => (
            <ReferenceLine key={`${m.x}-${i}`} x={m.x} stroke={MARKER_COLOR} strokeDasharray="3 3"
              label={{ value: m.label, position: "insideTopRight", fontSize: 10, fill: MARKER_COLOR }} />
          ))}
          {chart.series.added && <Bar dataKey="added" name="Added scope (h)" fill="#f59e0b" barSize={6} isAnimationActive={false} />}
          {shown.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeDasharray={s.dash} strokeWidth={s.width}
              dot={s.key === "remaining" && remainingDots ? { r: 3, fill: s.color } : false} connectNulls type="linear" isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>}
    </figure>
  );
}
