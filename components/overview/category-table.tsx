import type { CategoryBar } from "@/lib/domain/view/readiness-view";

function h(v: number) {
  return `${Number.isInteger(v) ? v : v.toFixed(1)} h`;
}

/** Blockers per category, with the score figures behind the chart. */
export function CategoryTable({ bars, slug }: { bars: CategoryBar[]; slug: string }) {
  const open = bars.reduce((a, b) => a + b.openBlockers, 0);
  const hours = bars.reduce((a, b) => a + b.openBlockerHours, 0);
  return (
    <div className="-mx-1 overflow-x-auto">
      <table className="w-full min-w-[320px] text-sm">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-1 py-1.5 font-medium">Category</th>
            <th scope="col" className="px-1 py-1.5 text-right font-medium">P1 done</th>
            <th scope="col" className="px-1 py-1.5 text-right font-medium">Score</th>
            <th scope="col" className="px-1 py-1.5 text-right font-medium">Blockers</th>
            <th scope="col" className="px-1 py-1.5 text-right font-medium">Hours</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {bars.map((b) => (
            <tr key={b.name}>
              <td className="px-1 py-1.5">{b.name}</td>
              <td className="px-1 py-1.5 text-right tabular-nums">{b.done}/{b.total}</td>
              <td className="px-1 py-1.5 text-right tabular-nums">{b.label}</td>
              <td className={`px-1 py-1.5 text-right tabular-nums ${b.openBlockers > 0 ? "font-semibold text-nogo" : ""}`}>{b.openBlockers}</td>
              <td className="px-1 py-1.5 text-right tabular-nums">{h(b.openBlockerHours)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200 font-semibold">
          <tr>
            <td className="px-1 py-1.5" colSpan={3}>
              <a href={`/projects/${slug}/blockers`} className="font-medium text-blue-700 underline hover:text-blue-900">All blockers</a>
            </td>
            <td className="px-1 py-1.5 text-right tabular-nums">{open}</td>
            <td className="px-1 py-1.5 text-right tabular-nums">{h(hours)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
