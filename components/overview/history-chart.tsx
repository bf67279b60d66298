"use client";

import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { useHydrated } from "@/components/charts/use-hydrated";
import { formatDayTick } from "@/lib/domain/view/burndown-chart";
import type { HistoryChart as Chart, HistoryChartRow } from "@/lib/domain/view/history-chart";

const VERDICT_FILL = { GO: "#15803d", CONDITIONAL_GO: "#b45309", NO_GO: "#b91c1c" } as const;

function TooltipBody({ active, payload }: { active?: boolean; payload?: readonly { payload?: HistoryChartRow }[] }) {
  const row = active ? payload?.[0]?.payload : undefined;
  if (!row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow">
      <p className="font-semibold">{row.date}</p>
      <p>Score {row.score === null ? "—" : `${row.score}%`} · {row.verdict.replace("_", " ")}</p>
      <p>{row.openP1} open P1 · {row.remainingHours} h</p>
      {row.note && <p className="mt-1 text-slate-600">{row.note}</p>}
    </div>
  );
}

/** Score per day with the GO and CONDITIONAL thresholds, a verdict band, signed decisions and change days. */
export function HistoryChart({ chart, goThreshold, conditionalThreshold }: { chart: Chart; goThreshold: number; conditionalThreshold: number }) {
  const hydrated = useHydrated();
  const xs = chart.rows.map((r) => r.x);
  const domain: [number, number] = [Math.min(...xs), Math.max(...xs)];
  return (
    <ChartFigure title="Score history" summary={chart.summary} height={280} testId="history-chart"
      footer={<span className="flex flex-wrap gap-x-4 gap-y-1">
        <span><span className="inline-block h-0.5 w-4 bg-slate-900 align-middle" /> score</span>
        <span><span className="inline-block h-2.5 w-2.5 rounded-full bg-violet-700 align-middle" /> signed decision</span>
        <span><span className="inline-block h-2.5 w-2.5 rounded-full border-2 border-sky-600 align-middle" /> change</span>
        <span>band: <span className="text-go">GO</span> · <span className="text-cond">CONDITIONAL GO</span> · <span className="text-nogo">NO-GO</span></span>
      </span>}>
      {hydrated && <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 280 }}>
        <ComposedChart data={chart.rows} margin={{ top: 12, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="x" type="number" domain={domain} scale="linear" allowDecimals={false} tickFormatter={formatDayTick} tick={{ fontSize: 11, fill: "#475569" }} minTickGap={28} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 11, fill: "#475569" }} width={36} unit="%" />
          {chart.spans.map((s) => (
            <ReferenceArea key={s.fromX} x1={s.fromX} x2={s.toX} y1={0} y2={5} fill={VERDICT_FILL[s.verdict]} fillOpacity={0.85} stroke="none" ifOverflow="hidden" />
          ))}
          <ReferenceLine y={goThreshold} stroke="#15803d" strokeDasharray="5 4" label={{ value: `GO ${goThreshold}%`, position: "insideTopRight", fontSize: 10, fill: "#15803d" }} />
          <ReferenceLine y={conditionalThreshold} stroke="#b45309" strokeDasharray="5 4" label={{ value: `CONDITIONAL ${conditionalThreshold}%`, position: "insideBottomRight", fontSize: 10, fill: "#b45309" }} />
          <Tooltip content={TooltipBody} />
          <Line dataKey="score" name="Score" stroke="#0f172a" strokeWidth={2} dot={chart.rows.length <= 2 ? { r: 3 } : false} type="stepAfter" connectNulls isAnimationActive={false} />
          <Line dataKey="change" name="Change" stroke="none" dot={{ r: 4, fill: "#fff", stroke: "#0284c7", strokeWidth: 2 }} activeDot={false} isAnimationActive={false} legendType="none" />
          <Line dataKey="decision" name="Signed decision" stroke="none" dot={{ r: 5, fill: "#6d28d9", stroke: "#6d28d9" }} activeDot={false} isAnimationActive={false} legendType="none" />
        </ComposedChart>
      </ResponsiveContainer>}
    </ChartFigure>
  );
}
