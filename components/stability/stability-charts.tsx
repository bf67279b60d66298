"use client";

import {
  CartesianGrid, ComposedChart, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis,
} from "recharts";
import { axisTick, CHART_COLORS, ChartFigure } from "@/components/charts/chart-figure";
import { formatElapsed } from "@/lib/domain/view/run-detail";
import type { AxisMarker } from "@/lib/domain/view/change-marker-axis";
import type { ResourceChart, StabilityChartModel } from "@/lib/domain/view/stability-chart";

const SERIES_COLORS = ["#1d4ed8", "#c2410c", "#0f766e", "#7c3aed"];

/** Response time over the run against the baseline mean, failing samples marked in red. */
export function StabilityLatencyChart({ model, baselineMs, markers = [] }: { model: StabilityChartModel; baselineMs: number | null; markers?: readonly AxisMarker[] }) {
  const summary = `${model.latency.length} samples over ${formatElapsed(model.durationSeconds)}; ${baselineMs === null ? "no baseline" : `baseline mean ${baselineMs} ms`}; ${model.errorMarkers.length} sample${model.errorMarkers.length === 1 ? "" : "s"} with failures`;
  return (
    <ChartFigure title="Latency over time" summary={summary} height={300} testId="stability-latency-chart"
      footer={
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-0.5 w-4" style={{ background: CHART_COLORS.p95 }} />Response time</li>
          {baselineMs !== null && <li className="flex items-center gap-1.5"><span aria-hidden className="inline-block w-4 border-t-2 border-dashed" style={{ borderColor: CHART_COLORS.baseline }} />Baseline mean {baselineMs} ms</li>}
          <li className="flex items-center gap-1.5"><span aria-hidden className="inline-block size-2.5 rounded-full" style={{ background: CHART_COLORS.errors }} />Samples with failures</li>
          {markers.map((m, i) => (
            <li key={`${m.x}-${i}`} className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-3 border-l-2 border-dashed" style={{ borderColor: "#7c3aed" }} />{m.title} (at {formatElapsed(m.x)})</li>
          ))}
        </ul>
      }>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={model.latency} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis dataKey="s" type="number" domain={[0, "dataMax"]} tick={axisTick} tickFormatter={(v: number) => formatElapsed(v)} />
          <YAxis tick={axisTick} width={48} tickFormatter={(v: number) => `${v}ms`} domain={[0, "auto"]} />
          <Tooltip labelFormatter={(v) => `at ${formatElapsed(Number(v))}`}
            formatter={(v, name) => [name === "Failures" ? `${v}` : `${v} ms`, String(name)]} />
          {baselineMs !== null && (
            <ReferenceLine y={baselineMs} stroke={CHART_COLORS.baseline} strokeDasharray="6 4"
              label={{ value: "baseline", position: "insideTopLeft", fontSize: 11, fill: CHART_COLORS.baseline }} />
          )}
          {markers.map((m, i) => (
            <ReferenceLine key={`${m.x}-${i}`} x={m.x} stroke="#7c3aed" strokeDasharray="3 3"
              label={{ value: m.label, position: "insideTopRight", fontSize: 10, fill: "#7c3aed" }} />
          ))}
          <Line dataKey="responseMs" name="Response time" stroke={CHART_COLORS.p95} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls />
          <Scatter data={model.errorMarkers} dataKey="responseMs" name="Failures" fill={CHART_COLORS.errors} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** One small chart per resource group (CPU, memory, database connections). */
export function ResourceCharts({ charts }: { charts: ResourceChart[] }) {
  return (
    <div className="grid min-w-0 gap-4 lg:grid-cols-3" data-testid="resource-charts">
      {charts.map((c) => (
        <div key={c.id} className="min-w-0">
          <h4 className="mb-1 text-sm font-medium text-slate-700">{c.title}{c.unit ? ` (${c.unit})` : ""}</h4>
          <ChartFigure title={c.title} height={180} summary={c.series.map((s) => s.label).join(", ")}
            footer={
              c.series.length > 1 && (
                <ul className="flex flex-wrap gap-x-3">
                  {c.series.map((s, i) => (
                    <li key={s.key} className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-0.5 w-4" style={{ background: SERIES_COLORS[i] }} />{s.label}</li>
                  ))}
                </ul>
              )
            }>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={c.points} syncId="stability" margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
                <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
                <XAxis dataKey="s" type="number" domain={[0, "dataMax"]} tick={axisTick} tickFormatter={(v: number) => formatElapsed(v)} />
                <YAxis tick={axisTick} width={36} domain={c.unit === "%" ? [0, 100] : [0, "auto"]} />
                <Tooltip labelFormatter={(v) => `at ${formatElapsed(Number(v))}`} formatter={(v, name) => [`${v}${c.unit}`, String(name)]} />
                {c.series.map((s, i) => (
                  <Line key={s.key} dataKey={s.key} name={s.label} stroke={SERIES_COLORS[i]} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </ChartFigure>
        </div>
      ))}
    </div>
  );
}
