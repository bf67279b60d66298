"use client";

import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, CHART_COLORS, ChartFigure } from "@/components/charts/chart-figure";
import type { CapacityChartModel } from "@/lib/domain/view/capacity-chart";

/** Throughput against users, the linear expectation from the safe level, and the ceiling. */
export function ThroughputChart({ model }: { model: CapacityChartModel }) {
  const summary = (model.throughputCeilingRps !== null ? `Ceiling ${model.throughputCeilingRps} req/s` : "No throughput measured")
    + (model.worstCapacityLoss ? `; ${model.worstCapacityLoss.percent}% below linear at ${model.worstCapacityLoss.users} users` : "");
  const hasExpected = model.throughput.some((p) => p.users > 0 && p.expectedLinearRps !== null);
  return (
    <ChartFigure title="Throughput by concurrent users" summary={summary} testId="throughput-chart"
      footer={
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-0.5 w-4" style={{ background: CHART_COLORS.throughput }} />Measured req/s</li>
          {hasExpected && <li className="flex items-center gap-1.5"><span aria-hidden className="inline-block w-4 border-t-2 border-dashed" style={{ borderColor: CHART_COLORS.expected }} />Expected if linear (from the safe level)</li>}
          {model.throughputCeilingRps !== null && <li className="flex items-center gap-1.5"><span aria-hidden className="inline-block w-4 border-t-2 border-dotted" style={{ borderColor: CHART_COLORS.ceiling }} />Ceiling {model.throughputCeilingRps} req/s</li>}
        </ul>
      }>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={model.throughput} margin={{ top: 8, right: 12, bottom: 16, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis type="number" dataKey="users" domain={[0, model.maxUsers]} ticks={[0, ...model.ticks]} tick={axisTick}
            label={{ value: "Concurrent users", position: "insideBottom", offset: -10, fontSize: 12, fill: CHART_COLORS.axis }} />
          <YAxis tick={axisTick} width={48} tickFormatter={(v: number) => `${v}`}
            label={{ value: "req/s", angle: -90, position: "insideLeft", offset: 12, fontSize: 12, fill: CHART_COLORS.axis }} />
          <Tooltip formatter={(v) => [`${v} req/s`]} labelFormatter={(u) => `${u} users`} />
          {model.throughputCeilingRps !== null && (
            <ReferenceLine y={model.throughputCeilingRps} stroke={CHART_COLORS.ceiling} strokeDasharray="2 3" />
          )}
          {model.safeCapacityUsers !== null && (
            <ReferenceLine x={model.safeCapacityUsers} stroke="#16a34a" strokeDasharray="4 4"
              label={{ value: "safe", position: "insideTopRight", fontSize: 11, fill: "#166534" }} />
          )}
          {hasExpected && (
            <Line dataKey="expectedLinearRps" name="Expected if linear" stroke={CHART_COLORS.expected} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls />
          )}
          <Line dataKey="throughputRps" name="Measured" stroke={CHART_COLORS.throughput} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
