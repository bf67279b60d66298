import type { FastestPaths, PathItem } from "@/lib/domain/paths/compute-paths";
import { GATE_LABEL } from "@/lib/domain/view/readiness-view";

const h = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)} h`;

function ItemList({ items, label }: { items: readonly PathItem[]; label: string }) {
  if (items.length === 0) return <p className="text-slate-600">No item to close.</p>;
  return (
    <details className="group">
      <summary className="cursor-pointer text-blue-700 underline hover:text-blue-900">{label}</summary>
      <ul className="mt-1 divide-y divide-slate-100">
        {items.map((i) => (
          <li key={i.id} className="flex justify-between gap-2 py-1">
            <span className="min-w-0 break-words">{i.title}{i.owner ? <span className="text-slate-500"> · {i.owner}</span> : null}</span>
            <span className="shrink-0 tabular-nums text-slate-600">{h(i.hours)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The two honest paths: what GO needs, and the least CONDITIONAL GO needs. */
export function FastestPathsPanel({ paths, titles }: { paths: FastestPaths; titles: Record<string, string> }) {
  const { go, conditionalGo: c } = paths;
  return (
    <div className="grid gap-5 text-sm md:grid-cols-2">
      <section aria-labelledby="path-go" data-testid="path-go">
        <h3 id="path-go" className="font-semibold text-go">To GO</h3>
        <p className="mt-1">Close <strong>{go.items.length}</strong> open P1 item{go.items.length === 1 ? "" : "s"} (<strong>{h(go.hours)}</strong>): done by <strong>{go.date ?? "—"}</strong> at the team&apos;s hours per day, P85 <strong>{go.p85Date ?? "—"}</strong>{go.gates.length > 0 ? " — if these pass:" : "."}</p>
        {go.gates.length > 0 && (
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {go.gates.map((g) => <li key={g.gate}><strong>{GATE_LABEL[g.gate]}</strong>: {g.action}</li>)}
          </ul>
        )}
        <div className="mt-2"><ItemList items={go.items} label={`The ${go.items.length} items, cheapest first`} /></div>
      </section>
      <section aria-labelledby="path-cond" data-testid="path-conditional">
        <h3 id="path-cond" className="font-semibold text-cond">To CONDITIONAL GO</h3>
        {!c.reachable ? <p className="mt-1 text-slate-700">Not reachable by closing items: even with every open P1 item done the score stays below the conditional threshold.</p> : (
          <>
            <p className="mt-1">Close <strong>{c.items.length}</strong> item{c.items.length === 1 ? "" : "s"} (<strong>{h(c.hours)}</strong>, the fewest hours that reach the threshold): by <strong>{c.date ?? "—"}</strong>, P85 <strong>{c.p85Date ?? "—"}</strong>; accept <strong>{c.acceptRisks.length}</strong> other open P1 item{c.acceptRisks.length === 1 ? "" : "s"} as risks{c.gates.length > 0 ? ", and for these gates:" : "."}</p>
            {c.gates.length > 0 && (
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {c.gates.map((g) => <li key={g.gate}><strong>{GATE_LABEL[g.gate]}</strong>: {g.action}</li>)}
              </ul>
            )}
            <div className="mt-2"><ItemList items={c.items} label={`The ${c.items.length} items to close`} /></div>
            {c.acceptRisks.length > 0 && (
              <details className="mt-1">
                <summary className="cursor-pointer text-blue-700 underline hover:text-blue-900">The {c.acceptRisks.length} items to accept as risks</summary>
                <ul className="mt-1 list-disc pl-5">{c.acceptRisks.map((id) => <li key={id} className="break-words">{titles[id] ?? id}</li>)}</ul>
              </details>
            )}
            <p className="mt-2 text-xs text-slate-500">{c.algorithm === "exact" ? "Exact minimum (dynamic programming over hours)." : "Approximation (greedy): the project is beyond the exact solver's limit."}</p>
          </>
        )}
      </section>
    </div>
  );
}
