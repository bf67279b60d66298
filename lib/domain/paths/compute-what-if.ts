import { computeReadiness, type ReadinessInput } from "../compute-readiness";
import { decideVerdict, type Gate, type VerdictValue } from "../compute-verdict";
import type { GateId } from "../types";

export interface WhatIfAssumptions {
  /** Open items assumed DONE. */
  doneItemIds: readonly string[];
  /** Gates assumed to pass. */
  passedGates: readonly GateId[];
}

export interface WhatIfResult {
  scorePercent: number | null;
  verdict: VerdictValue;
  summary: string;
  gates: Gate[];
  openP1: number;
  remainingHours: number;
  date: string | null;
  p85Date: string | null;
  /** Ids given that are not open items (ignored). */
  ignoredItemIds: string[];
}

/** Readiness recomputed with some items assumed done and some gates assumed passing; nothing is stored. */
export function computeWhatIf(input: ReadinessInput, assume: WhatIfAssumptions): WhatIfResult {
  const done = new Set(assume.doneItemIds);
  const openIds = new Set(input.items.filter((i) => i.status !== "DONE" && i.status !== "NOT_APPLICABLE").map((i) => i.id));
  const items = input.items.map((i) => (done.has(i.id) && openIds.has(i.id) ? { ...i, status: "DONE" as const } : i));
  const r = computeReadiness({ ...input, items });
  const passed = new Set(assume.passedGates);
  const gates = r.verdict.gates.map((g): Gate => (passed.has(g.id) && g.status !== "pass"
    ? { id: g.id, status: "pass", reason: `Assumed to pass (what if); now: ${g.reason}` } : g));
  const decided = decideVerdict(gates, r.score.overallPercent, input.settings);
  return {
    scorePercent: r.score.overallPercent, verdict: decided.value, summary: decided.summary, gates,
    openP1: passed.has("open-p1") ? 0 : r.blockers.open,
    remainingHours: r.projection.remainingHours,
    date: r.projection.deterministic?.date ?? null,
    p85Date: r.projection.probabilistic?.p85 ?? null,
    ignoredItemIds: [...done].filter((id) => !openIds.has(id)),
  };
}
