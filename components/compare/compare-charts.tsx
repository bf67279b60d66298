"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, CHART_COLORS, ChartFigure } from "@/components/charts/chart-figure";
import type { OverlaySeries } from "@/lib/domain/compare/overlay-series";
import { formatElapsed } from "@/lib/domain/view/run-detail";

const CHARTS = [
  { id: "latency", run: "runLatencyMs", base: "baselineLatencyMs", unit: "ms", color: CHART_COLORS.p95 },
  { id: "rps", run: "runRps", base: "baselineRps", unit: "req/s", color: CHART_COLORS.throughput },
] as const;

/** Latency and throughput of both runs over elapsed time, each from its own start; the baseline dashed. */
export function CompareCharts({ series, runName, baselineName }: { series: OverlaySeries; runName: string; baselineName: string }) {
  const shown = CHARTS.filter((c) => series.has[c.id]);
  const last = series.points.at(-1)?.s ?? 0;
  return (
    <div className="grid min-w-0 gap-4 lg:grid-cols-2" data-testid="compare-charts">
      {shown.map((c) => {
        const title = c.id === "latency" ? `${series.latencyLabel} (ms)` : "Requests per second";
        return (
          <div key={c.id} className="min-w-0">
            <h4 className="mb-1 text-sm font-medium text-slate-700">{title}</h4>
            <ChartFigure title={title} height={220}
              summary={`${runName} against ${baselineName}, ${series.points.length} points over ${formatElapsed(last)}${series.bucketSeconds > 1 ? `, ${series.bucketSeconds} s each` : ""}`}>
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={series.points} syncId="compare-series" margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
                  <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
                  <XAxis dataKey="s" type="number" domain={[0, "dataMax"]} tick={axisTick} tickFormatter={(v: number) => formatElapsed(v)} />
                  <YAxis tick={axisTick} width={48} />
                  <Tooltip labelFormatter={(v) => `${formatElapsed(Number(v))} from start`} formatter={(v, name) => [`${v} ${c.unit}`, name]} />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  <Line dataKey={c.base} name={`Baseline: ${baselineName}`} stroke={CHART_COLORS.baseline} strokeDasharray="5 3" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls />
                  <Line dataKey={c.run} name={`Run: ${runName}`} stroke={c.color} strokeWidth={1.75} dot={false} isAnimationActive={false} connectNulls />
                </LineChart>
              </ResponsiveContainer>
            </ChartFigure>
          </div>
        );
      })}
    </div>
  );
}
