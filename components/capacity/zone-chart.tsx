"use client";

import {
  CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis,
  type TooltipContentProps,
} from "recharts";
import { axisTick, CHART_COLORS, ChartFigure, ZONE_COLORS } from "@/components/charts/chart-figure";
import { ZONE_LABELS, type CapacityChartModel, type CapacityChartPoint } from "@/lib/domain/view/capacity-chart";

function ZoneTooltip({ active, payload }: TooltipContentProps) {
  const p = payload?.[0]?.payload as CapacityChartPoint | undefined;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow">
      <p className="font-semibold">{p.users} users · {ZONE_LABELS[p.zone]}{p.anomalous ? " · anomaly" : ""}</p>
      <p>P50 {p.p50Ms ?? "—"} ms · P95 {p.p95Ms ?? "—"} ms</p>
      <p>Errors {p.errorRatePercent}% · {p.throughputRps ?? "—"} req/s</p>
      <p className="text-slate-500">{p.runName}</p>
    </div>
  );
}

/** Zones as bands over the user axis, with P50/P95 (log scale, left) and the error rate (right). */
export function ZoneChart({ model }: { model: CapacityChartModel }) {
  const summary = model.bands.map((b) => `${ZONE_LABELS[b.zone]} ${b.label}`).join("; ")
    + (model.safeCapacityUsers !== null ? `. Safe capacity ${model.safeCapacityUsers} users` : "")
    + (model.breakingPointUsers !== null ? `, breaking point ${model.breakingPointUsers} users` : "");
  return (
    <ChartFigure title="Zones, latency and errors by concurrent users" summary={summary} height={320} testId="zone-chart"
      footer={
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {model.bands.map((b) => (
            <li key={b.zone} className="flex items-center gap-1.5">
              <span aria-hidden className="inline-block size-3 rounded-sm" style={{ background: ZONE_COLORS[b.zone], opacity: 0.5 }} />
              {ZONE_LABELS[b.zone]} {b.label}
            </li>
          ))}
          <li className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-0.5 w-4" style={{ background: CHART_COLORS.p95 }} />P95</li>
          <li className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-0.5 w-4" style={{ background: CHART_COLORS.p50 }} />P50</li>
          <li className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-0.5 w-4 border-t-2 border-dashed" style={{ borderColor: CHART_COLORS.errors }} />Error rate (right axis)</li>
        </ul>
      }>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={model.points} margin={{ top: 8, right: 8, bottom: 16, left: 0 }}>
          {model.bands.map((b) => (
            <ReferenceArea key={b.zone} yAxisId="ms" x1={b.x1} x2={b.x2} fill={ZONE_COLORS[b.zone]} fillOpacity={b.zone === "death" ? 0.14 : 0.12} ifOverflow="hidden" />
          ))}
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis type="number" dataKey="users" domain={[0, model.maxUsers]} ticks={[0, ...model.ticks]} tick={axisTick}
            label={{ value: "Concurrent users", position: "insideBottom", offset: -10, fontSize: 12, fill: CHART_COLORS.axis }} />
          <YAxis yAxisId="ms" scale="log" domain={model.latencyDomain} ticks={model.latencyTicks} allowDataOverflow tick={axisTick} width={56}
            tickFormatter={(v: number) => (v >= 1000 ? `${v / 1000}s` : `${v}ms`)} />
          <YAxis yAxisId="err" orientation="right" domain={[0, model.errorRateMax]} tick={axisTick} width={44} tickFormatter={(v: number) => `${v}%`} />
          {model.p95Bounds.map((b) => (
            <ReferenceLine key={b.zone} yAxisId="ms" y={b.ms} stroke={ZONE_COLORS[b.zone]} strokeDasharray="2 4" ifOverflow="hidden"
              label={{ value: b.ms >= 1000 ? `${b.ms / 1000} s` : `${b.ms} ms`, position: "insideLeft", fontSize: 10, fill: ZONE_COLORS[b.zone], dy: -7 }} />
          ))}
          <Tooltip content={ZoneTooltip} />
          <Line yAxisId="ms" dataKey="p95Ms" name="P95" stroke={CHART_COLORS.p95} strokeWidth={2} connectNulls isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; payload?: CapacityChartPoint; index?: number }) => (
              <circle key={props.index} cx={props.cx} cy={props.cy} r={props.payload?.anomalous ? 6 : 3.5}
                fill={props.payload?.anomalous ? "#fff" : CHART_COLORS.p95} stroke={props.payload?.anomalous ? CHART_COLORS.errors : CHART_COLORS.p95}
                strokeWidth={props.payload?.anomalous ? 3 : 1} />
            )} />
          <Line yAxisId="ms" dataKey="p50Ms" name="P50" stroke={CHART_COLORS.p50} strokeWidth={1.5} connectNulls isAnimationActive={false} dot={{ r: 2.5 }} />
          <Line yAxisId="err" dataKey="errorRatePercent" name="Error rate" stroke={CHART_COLORS.errors} strokeWidth={1.5} strokeDasharray="5 3"
            connectNulls isAnimationActive={false} dot={{ r: 2.5 }} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
