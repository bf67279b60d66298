"use client";

import { useHydrated } from "@/components/charts/use-hydrated";
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import type { CategoryBar, ScoreBand } from "@/lib/domain/view/readiness-view";

const FILL: Record<ScoreBand, string> = { go: "#15803d", conditional: "#d97706", below: "#dc2626", none: "#cbd5e1" };

function TooltipBody({ active, payload }: { active?: boolean; payload?: readonly { payload?: CategoryBar }[] }) {
  const bar = active ? payload?.[0]?.payload : undefined;
  if (!bar) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow">
      <p className="font-semibold">{bar.name}</p>
      <p>{bar.label} · {bar.done}/{bar.total} P1 done</p>
      <p>{bar.openBlockers} open blockers · {bar.openBlockerHours} h</p>
    </div>
  );
}

/** Category scores as horizontal bars, with the GO and conditional thresholds as reference lines. */
export function ScoreChart({ bars, goThreshold, conditionalThreshold }: { bars: CategoryBar[]; goThreshold: number; conditionalThreshold: number }) {
  const hydrated = useHydrated();
  const height = 48 + bars.length * 40;
  return (
    <figure aria-label="Score per category" className="min-w-0">
      {!hydrated ? <div style={{ height }} aria-hidden /> : <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        <BarChart data={bars} layout="vertical" margin={{ top: 32, right: 44, bottom: 4, left: 4 }} barCategoryGap={8}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" tick={{ fontSize: 11, fill: "#475569" }} />
          <YAxis type="category" dataKey="name" width={118} tick={{ fontSize: 12, fill: "#0f172a" }} interval={0} />
          <Tooltip content={TooltipBody} cursor={{ fill: "#f1f5f9" }} />
          <ReferenceLine x={conditionalThreshold} stroke="#d97706" strokeDasharray="4 3"
            label={{ value: `COND ${conditionalThreshold}%`, position: "top", offset: 18, fontSize: 10, fill: "#b45309" }} />
          <ReferenceLine x={goThreshold} stroke="#15803d" strokeWidth={2}
            label={{ value: `GO ${goThreshold}%`, position: "top", offset: 5, fontSize: 10, fill: "#15803d" }} />
          <Bar dataKey="scorePercent" name="Score" isAnimationActive={false} radius={[0, 3, 3, 0]}
            shape={(props: BarShapeProps) => <Rectangle {...props} fill={FILL[(props.payload as CategoryBar).band]} />}>
            <LabelList dataKey="label" position="right" style={{ fontSize: 11, fill: "#0f172a" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>}
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <span><span aria-hidden className="mr-1 inline-block h-2 w-3 rounded-sm bg-[#15803d]" />≥ GO ({goThreshold}%)</span>
        <span><span aria-hidden className="mr-1 inline-block h-2 w-3 rounded-sm bg-[#d97706]" />≥ conditional ({conditionalThreshold}%)</span>
        <span><span aria-hidden className="mr-1 inline-block h-2 w-3 rounded-sm bg-[#dc2626]" />below</span>
        <span><span aria-hidden className="mr-1 inline-block h-2 w-3 rounded-sm bg-[#cbd5e1]" />no P1 items</span>
      </figcaption>
    </figure>
  );
}
