import type { ApplyResult } from "@/lib/server/checklist-file/apply-checklist";

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function pct(v: number | null): string {
  return v === null ? "—" : `${v.toFixed(1)} %`;
}

function Diff({ fields }: { fields: Record<string, { from: unknown; to: unknown }> }) {
  return (
    <ul className="mt-0.5 space-y-0.5">
      {Object.entries(fields).map(([f, d]) => (
        <li key={f} className="text-xs">
          <span className="font-medium text-slate-700">{f}</span>{" "}
          <del className="bg-red-50 text-red-800">{show(d.from)}</del> → <ins className="bg-emerald-50 text-emerald-900 no-underline">{show(d.to)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** The plan of a checklist file: score before and after, creates, updates with field diffs, retires. */
export function ChecklistPlanView({ result }: { result: ApplyResult }) {
  const p = result.plan;
  const delta = result.score.before !== null && result.score.after !== null ? result.score.after - result.score.before : null;
  const empty = p.create.length + p.update.length + p.retire.length + p.categories.create.length + p.categories.update.length === 0;
  return (
    <div className="space-y-3" data-testid="checklist-plan">
      <p className="text-sm" data-testid="plan-score">
        Score <strong className="tabular-nums">{pct(result.score.before)}</strong> → <strong className="tabular-nums">{pct(result.score.after)}</strong>
        {delta !== null && delta !== 0 && <span className={delta < 0 ? "ml-1 text-red-700" : "ml-1 text-emerald-700"}>({delta > 0 ? "+" : ""}{delta.toFixed(1)} points)</span>}
      </p>
      <p className="text-sm text-slate-700" data-testid="plan-summary">
        {p.create.length} to create · {p.update.length} to update · {p.retire.length} {p.prune ? "to retire" : "not in the file"} · {p.unchanged} unchanged
        {p.categories.create.length + p.categories.update.length > 0 && ` · ${p.categories.create.length} new and ${p.categories.update.length} changed categories`}
      </p>
      {empty && <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">The project already matches this file: nothing to apply.</p>}
      {p.categories.create.length > 0 && (
        <section aria-label="New categories">
          <h4 className="text-sm font-semibold">New categories</h4>
          <ul className="mt-1 list-inside list-disc text-sm">{p.categories.create.map((c) => <li key={c.key}>{c.name} <code className="text-xs text-slate-500">{c.key}</code></li>)}</ul>
        </section>
      )}
      {p.categories.update.length > 0 && (
        <section aria-label="Changed categories">
          <h4 className="text-sm font-semibold">Changed categories</h4>
          <ul className="mt-1 space-y-1 text-sm">{p.categories.update.map((c) => <li key={c.key}><code className="text-xs">{c.key}</code><Diff fields={c.fields} /></li>)}</ul>
        </section>
      )}
      {p.create.length > 0 && (
        <section aria-label="Items to create">
          <h4 className="text-sm font-semibold">Create</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {p.create.map((c) => (
              <li key={c.key}><span className="mr-1 rounded bg-slate-100 px-1 text-xs">{c.priority}</span>{c.title} <code className="text-xs text-slate-500">{c.category}/{c.key}</code>{c.estimateHours !== null && <span className="text-xs text-slate-500"> · {c.estimateHours} h</span>}</li>
            ))}
          </ul>
        </section>
      )}
      {p.update.length > 0 && (
        <section aria-label="Items to update">
          <h4 className="text-sm font-semibold">Update</h4>
          <ul className="mt-1 space-y-1.5 text-sm">
            {p.update.map((u) => (
              <li key={u.key}>{u.title} <code className="text-xs text-slate-500">{u.key}</code>{u.restore && <span className="ml-1 text-xs text-emerald-700">back in the file</span>}<Diff fields={u.fields} /></li>
            ))}
          </ul>
        </section>
      )}
      {p.retire.length > 0 && (
        <section aria-label="Items not in the file">
          <h4 className="text-sm font-semibold">{p.prune ? "Retire (becomes NOT_APPLICABLE: removed from the checklist file)" : "Not in the file (left alone; tick “Retire” to make them NOT_APPLICABLE)"}</h4>
          <ul className="mt-1 list-inside list-disc text-sm">{p.retire.map((r) => <li key={r.key}>{r.title} <code className="text-xs text-slate-500">{r.key}</code></li>)}</ul>
        </section>
      )}
    </div>
  );
}
