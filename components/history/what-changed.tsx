import { CHANGE_KIND_LABEL } from "@/lib/domain/history/change-kinds";
import { GATE_LABEL } from "@/lib/domain/view/readiness-view";
import type { ChangesReport } from "@/lib/server/history/get-history";

const fmt = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)}%`);
const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(1)}`;
const verdict = (v: string) => v.replace("_", " ").replace("NO GO", "NO-GO");
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/** "What changed": a GET form with two dates, then every change with its score delta, and the gate changes. */
export function WhatChanged({ report, error, names, path, hidden = {}, defaultRange }: {
  report: ChangesReport | null; error: string | null; names: Record<string, string>; path: string;
  hidden?: Record<string, string>; defaultRange: { from: string; to: string };
}) {
  const range = report ? { from: report.from.date, to: report.to.date } : defaultRange;
  const total = report ? Math.round(((report.to.scorePercent ?? 0) - (report.from.scorePercent ?? 0)) * 10) / 10 : 0;
  return (
    <div className="space-y-3 text-sm" data-testid="what-changed">
      <form method="get" action={`${path}#what-changed`} className="no-print flex flex-wrap items-end gap-2" aria-label="Pick the dates to compare">
        {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <div>
          <label htmlFor="changesFrom" className="block text-xs font-medium text-slate-600">From (end of day)</label>
          <input id="changesFrom" name="changesFrom" type="date" defaultValue={range.from} required className="mt-0.5 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm" />
        </div>
        <div>
          <label htmlFor="changesTo" className="block text-xs font-medium text-slate-600">To (end of day)</label>
          <input id="changesTo" name="changesTo" type="date" defaultValue={range.to} required className="mt-0.5 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm" />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">Compare</button>
      </form>
      {error && <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">{error}</p>}
      {report && (
        <>
          <p data-testid="changes-summary">
            <strong>{fmt(report.from.scorePercent)}</strong> {verdict(report.from.verdict)} on {report.from.date} → <strong>{fmt(report.to.scorePercent)}</strong> {verdict(report.to.verdict)} on {report.to.date}
            {" "}(<span data-testid="changes-total">{signed(total)}</span> points)
            {report.basis === "last-decision" && <span className="text-slate-500"> · since the last signed decision</span>}
            {report.basis === "7-days" && <span className="text-slate-500"> · the last 7 days</span>}
          </p>
          {report.changes.length === 0 ? <p className="text-slate-600">No item, risk or weight changed the figures in this range.</p> : (
            <div className="overflow-x-auto">
              <table className="w-full text-left" aria-label="Changes with their score deltas">
                <thead className="text-xs uppercase tracking-wide text-slate-500">
                  <tr><th className="py-1 pr-2">Item</th><th className="py-1 pr-2">Change</th><th className="py-1 text-right">Score</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {report.changes.map((c, i) => (
                    <tr key={i} data-testid="change-row" data-kind={c.kind} className="align-top">
                      <td className="min-w-0 break-words py-1.5 pr-2">
                        <span className="font-medium">{c.title}</span>{c.category && c.itemId ? <span className="text-slate-500"> · {c.category}</span> : null}
                        <span className="block text-xs tabular-nums text-slate-500">{when(c.at)} UTC{c.byUserId ? ` · ${names[c.byUserId] ?? "unknown user"}` : ""}</span>
                      </td>
                      <td className="py-1.5 pr-2">{CHANGE_KIND_LABEL[c.kind]}<span className="block text-xs text-slate-500">{c.detail}</span></td>
                      <td className="whitespace-nowrap py-1.5 text-right font-medium tabular-nums" data-testid="change-delta">{signed(c.scoreDeltaPoints)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot><tr className="border-t border-slate-300 font-semibold"><td colSpan={2} className="py-1.5">Total</td><td className="py-1.5 text-right tabular-nums">{signed(total)}</td></tr></tfoot>
              </table>
            </div>
          )}
          {report.gateChanges.length > 0 && (
            <div>
              <h3 className="font-semibold">Gates</h3>
              <ul className="mt-1 space-y-1" aria-label="Gate changes">
                {report.gateChanges.map((g, i) => (
                  <li key={i} className="break-words"><span className="tabular-nums text-slate-600">{when(g.at)}</span> · <strong>{GATE_LABEL[g.gate]}</strong>: {g.from} → {g.to} — {g.cause}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="text-xs text-slate-500">Each change is credited with what it did to the displayed score, in time order, so the deltas add up to the difference.</p>
        </>
      )}
    </div>
  );
}
