import type { DecisionDto } from "@/lib/server/decisions/decisions";
import { VerdictBadge } from "../readiness/verdict-badge";

/** Signed decisions, newest first: verdict, computed verdict at the time, who, when, why. */
export function DecisionHistory({ decisions }: { decisions: DecisionDto[] }) {
  if (decisions.length === 0) return <p className="text-sm text-slate-600">No decision signed yet.</p>;
  return (
    <ol className="divide-y divide-slate-100" aria-label="Decision history" data-testid="decision-history">
      {decisions.map((d, i) => (
        <li key={d.id} className="py-3 first:pt-0">
          <div className="flex flex-wrap items-center gap-2">
            <VerdictBadge value={d.verdict} size="sm" />
            {i === 0 && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">current</span>}
            <span className="text-sm font-medium">{d.signedBy}</span>
            <span className="text-xs text-slate-500">
              signed <time dateTime={d.createdAt}>{d.createdAt.slice(0, 16).replace("T", " ")} UTC</time> · as of {d.asOf}
              {d.computedVerdict && d.computedVerdict !== d.verdict ? ` · computed was ${d.computedVerdict.replace("_", " ").replace("NO GO", "NO-GO")}` : ""}
            </span>
          </div>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800">{d.comment}</p>
        </li>
      ))}
    </ol>
  );
}
