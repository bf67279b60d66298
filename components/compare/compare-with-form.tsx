import type { CompareChoice } from "@/lib/server/compare/get-compare-page";

/**
 * "Compare with": the other runs of the project, the default baseline preselected and marked.
 * A plain GET form to the compare page, so it works before scripts load and from the keyboard.
 */
export function CompareWithForm({ slug, runId, choices, selectedId, defaultBaselineId }: {
  slug: string; runId: string; choices: CompareChoice[]; selectedId: string | null; defaultBaselineId: string | null;
}) {
  if (choices.length === 0) return <p className="text-sm text-slate-600">No other run to compare with yet: import another run of this test.</p>;
  return (
    <form method="get" action={`/projects/${encodeURIComponent(slug)}/runs/${encodeURIComponent(runId)}/compare`} className="flex flex-wrap items-end gap-2" data-testid="compare-with">
      <div className="min-w-0 text-sm">
        <label htmlFor="compare-with-baseline" className="block font-medium text-slate-700">Compare with</label>
        <select id="compare-with-baseline" name="baseline" defaultValue={selectedId ?? defaultBaselineId ?? choices[0].id}
          className="mt-1 block w-full max-w-md rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} · {c.runDate}{c.users !== null ? ` · ${c.users} users` : ""}
              {c.isBaseline ? " · baseline" : ""}{c.id === defaultBaselineId ? " (default)" : ""}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">Compare</button>
    </form>
  );
}
