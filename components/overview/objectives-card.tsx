import type { ObjectiveResult } from "@/lib/domain";

export function ObjectivesList({ objectives }: { objectives: ObjectiveResult[] }) {
  if (objectives.length === 0) return <p className="text-sm text-slate-600">No objectives set (Settings → Objectives).</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {objectives.map((o) => (
        <li key={o.name} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2">
          <span className="font-medium">{o.name} <span className="font-normal text-slate-500">target {o.target}</span></span>
          <span className={o.met ? "text-go" : "font-medium text-nogo"}>{o.measured ?? "not measured"} {o.met ? "✓ met" : "✕ not met"}</span>
        </li>
      ))}
    </ul>
  );
}
