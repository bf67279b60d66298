import type { Confidence } from "@/lib/domain";

const LEVEL: Record<Confidence["level"], { text: string; className: string }> = {
  high: { text: "High", className: "bg-green-50 text-go ring-green-600/30" },
  medium: { text: "Medium", className: "bg-amber-50 text-cond ring-amber-600/30" },
  low: { text: "Low", className: "bg-red-50 text-nogo ring-red-600/30" },
};

/**
 * "Measurement confidence: Low — reasons": how far the capacity verdict can be trusted, shown next
 * to the verdict (lib/domain/evidence/confidence.ts defines the rule).
 */
export function ConfidenceLine({ confidence, compact = false }: { confidence: Confidence; compact?: boolean }) {
  const l = LEVEL[confidence.level];
  const at = confidence.decisiveUsers !== null ? ` (decisive level: ${confidence.decisiveUsers} users)` : "";
  return (
    <div className="text-sm" data-testid="confidence" data-level={confidence.level}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-700">Measurement confidence</span>
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${l.className}`}>{l.text}</span>
        {confidence.reasons.length === 0 && <span className="text-slate-600">several runs, long enough, enough requests, after the last change{at}</span>}
      </p>
      {confidence.reasons.length > 0 && (
        <ul className={`mt-1 list-disc space-y-0.5 pl-5 text-slate-700 ${compact ? "text-xs" : ""}`} aria-label="Why the confidence is not high">
          {confidence.reasons.map((r) => (
            <li key={`${r.code}-${r.message}`}>
              {r.message}{r.severity === "minor" ? <span className="text-slate-500"> (minor)</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
