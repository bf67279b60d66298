"use client";

import {
  Bar, BarChart, CartesianGrid, Cell, ComposedChart, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from "recharts";
import { axisTick, CHART_COLORS, ChartFigure, ZONE_COLORS } from "@/components/charts/chart-figure";
import { formatElapsed, type EndpointBar, type RunSeries, type StepRow } from "@/lib/domain/view/run-detail";

/** Error rate per endpoint, worst first. */
export function EndpointErrorChart({ bars }: { bars: EndpointBar[] }) {
  const height = Math.max(140, 36 * bars.length + 40);
  return (
    <ChartFigure title="Error rate by endpoint" testId="endpoint-chart" height={height}
      summary={bars.map((b) => `${b.label}: ${b.errorRatePercent}%`).join("; ")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={axisTick} tickFormatter={(v: number) => `${v}%`} domain={[0, "auto"]} />
          <YAxis type="category" dataKey="label" tick={{ ...axisTick, fontSize: 11 }} width="auto" />
          <Tooltip formatter={(v, _n, item) => [`${v}% (${(item.payload as EndpointBar).failures} of ${(item.payload as EndpointBar).requests})`, "Errors"]} />
          <Bar dataKey="errorRatePercent" name="Error rate" isAnimationActive={false} radius={[0, 3, 3, 0]}>
            {bars.map((b) => (
              <Cell key={b.label} fill={b.zone ? ZONE_COLORS[b.zone] : CHART_COLORS.errors} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** P95 and error rate per step of a stepped run. */
export function StepsChart({ steps }: { steps: StepRow[] }) {
  return (
    <ChartFigure title="Steps" testId="steps-chart" summary={steps.map((s) => `${s.users} users: P95 ${s.p95Ms ?? "?"} ms, ${s.errorRatePercent}% errors`).join("; ")}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={steps} margin={{ top: 8, right: 8, bottom: 16, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis dataKey="users" tick={axisTick} label={{ value: "Users", position: "insideBottom", offset: -10, fontSize: 12 }} />
          <YAxis yAxisId="ms" tick={axisTick} width={52} tickFormatter={(v: number) => `${v}ms`} />
          <YAxis yAxisId="err" orientation="right" tick={axisTick} width={40} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip />
          <Line yAxisId="ms" dataKey="p95Ms" name="P95 (ms)" stroke={CHART_COLORS.p95} strokeWidth={2} isAnimationActive={false} connectNulls />
          <Line yAxisId="err" dataKey="errorRatePercent" name="Errors (%)" stroke={CHART_COLORS.errors} strokeDasharray="5 3" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

const SERIES = [
  { key: "users", title: "Concurrent users", unit: "", color: CHART_COLORS.users },
  { key: "rps", title: "Requests per second", unit: "req/s", color: CHART_COLORS.throughput },
  { key: "latencyMs", title: "Latency", unit: "ms", color: CHART_COLORS.p95 },
  { key: "failuresPerSec", title: "Failures per second", unit: "/s", color: CHART_COLORS.errors },
] as const;

/** The run's time series: one small chart per measure, hovering one shows the same instant in all. */
export function RunTimeSeries({ series }: { series: RunSeries }) {
  const shown = SERIES.filter((s) => series.has[s.key === "latencyMs" ? "latency" : s.key === "failuresPerSec" ? "failures" : s.key]);
  return (
    <div className="grid min-w-0 gap-4 lg:grid-cols-2" data-testid="run-timeseries">
      {shown.map((s) => {
        const title = s.key === "latencyMs" ? `${series.latencyLabel}` : s.title;
        return (
          <div key={s.key} className="min-w-0">
            <h4 className="mb-1 text-sm font-medium text-slate-700">{title}{s.unit ? ` (${s.unit})` : ""}</h4>
            <ChartFigure title={title} height={200} summary={`${series.sampleCount} samples over ${formatElapsed(series.durationSeconds)}`}>
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={series.points} syncId="run-series" margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
                  <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
                  <XAxis dataKey="s" type="number" domain={["dataMin", "dataMax"]} tick={axisTick} tickFormatter={(v: number) => formatElapsed(v)} />
                  <YAxis tick={axisTick} width={44} />
                  <Tooltip labelFormatter={(v) => formatElapsed(Number(v))} formatter={(v) => [`${v}${s.unit ? ` ${s.unit}` : ""}`, title]} />
                  <Line dataKey={s.key} stroke={s.color} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls
                    type={s.key === "users" ? "stepAfter" : "linear"} />
                </LineChart>
              </ResponsiveContainer>
            </ChartFigure>
          </div>
        );
      })}
    </div>
  );
}
