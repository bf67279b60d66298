import type { Gate } from "@/lib/domain";
import { GATE_LABEL } from "@/lib/domain/view/readiness-view";

const STATUS: Record<Gate["status"], { text: string; className: string; icon: string }> = {
  pass: { text: "Pass", className: "bg-green-50 text-go ring-green-600/30", icon: "✓" },
  fail: { text: "Fail", className: "bg-red-50 text-nogo ring-red-600/30", icon: "✕" },
  waived: { text: "Waived", className: "bg-amber-50 text-cond ring-amber-600/30", icon: "!" },
};

/** The five gates in order, each with its status and the sentence of why. */
export function GateList({ gates, renderAction }: { gates: readonly Gate[]; renderAction?: (gate: Gate) => React.ReactNode }) {
  return (
    <ol className="divide-y divide-slate-100" aria-label="Gates">
      {gates.map((g, i) => {
        const s = STATUS[g.status];
        return (
          <li key={g.id} className="py-3 first:pt-0 last:pb-0" data-testid={`gate-${g.id}`} data-status={g.status}>
            <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
              <span className={`inline-flex w-20 shrink-0 items-center justify-center gap-1 rounded px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${s.className}`}>
                <span aria-hidden>{s.icon}</span> {s.text}
              </span>
              <div className="min-w-0 flex-1 basis-60">
                <p className="text-sm font-medium text-slate-900">{i + 1}. {GATE_LABEL[g.id]}</p>
                <p className="mt-0.5 break-words text-sm text-slate-700">{g.reason}</p>
              </div>
            </div>
            {renderAction?.(g)}
          </li>
        );
      })}
    </ol>
  );
}
