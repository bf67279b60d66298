import type { CapacityResult } from "./compute-capacity";
import { checkAnomaly, checkCapacity, checkObjectives, checkOpenP1, checkStability, type GateCheck } from "./compute-gates";
import type { StabilityResult } from "./compute-stability";
import { evaluateObjectives } from "./evaluate-objectives";
import { formatNumber } from "./format-number";
import { summarizeBlockers } from "./summarize-blockers";
import type { DomainGateWaiver, DomainItem, DomainObjective, DomainProjectSettings, GateId } from "./types";

export type VerdictValue = "GO" | "CONDITIONAL_GO" | "NO_GO";

export interface Gate extends GateCheck {
  /** The gate waiver that turned a failing gate into "waived". */
  waiver?: { mitigation: string; expiresOn: string };
}

export interface VerdictResult {
  value: VerdictValue;
  /** Always the five gates, in DESIGN order. */
  gates: Gate[];
  /** One sentence on why the verdict has this value. */
  summary: string;
}

export interface VerdictInput {
  settings: DomainProjectSettings;
  items: readonly DomainItem[];
  /** Overall readiness score; null = no P1 items. */
  scorePercent: number | null;
  capacity: CapacityResult;
  stability: StabilityResult | null;
  objectives: readonly DomainObjective[];
  gateWaivers: readonly DomainGateWaiver[];
  asOf: string;
}

/** The current waiver of a gate (latest expiry); expired when expiresOn < asOf. */
function findWaiver(waivers: readonly DomainGateWaiver[], id: GateId, asOf: string): DomainGateWaiver | null {
  let best: DomainGateWaiver | null = null;
  for (const w of waivers) {
    if (w.gateId === id && w.expiresOn.slice(0, 10) >= asOf && (!best || w.expiresOn > best.expiresOn)) best = w;
  }
  return best;
}

function applyWaiver(check: GateCheck, waivers: readonly DomainGateWaiver[], asOf: string): Gate {
  if (check.status !== "fail") return check;
  const waiver = findWaiver(waivers, check.id, asOf);
  if (!waiver) return check;
  return {
    ...check,
    status: "waived",
    reason: `${check.reason}; risk accepted until ${waiver.expiresOn.slice(0, 10)}: ${waiver.mitigation}`,
    waiver: { mitigation: waiver.mitigation, expiresOn: waiver.expiresOn.slice(0, 10) },
  };
}

/** The verdict from gates already waived where a waiver holds, and the rounded score. */
export function decideVerdict(gates: readonly Pick<Gate, "id" | "status">[], score: number | null, settings: DomainProjectSettings): Omit<VerdictResult, "gates"> {
  const failing = gates.filter((g) => g.status === "fail").map((g) => g.id);
  const waived = gates.filter((g) => g.status === "waived").map((g) => g.id);
  if (failing.length > 0) {
    return { value: "NO_GO", summary: `NO-GO: ${failing.length} of ${gates.length} gates fail (${failing.join(", ")})` };
  }
  if (score === null) return { value: "NO_GO", summary: "NO-GO: no P1 items, so the readiness score is undefined" };
  const shown = `${formatNumber(score, 1)}%`;
  if (waived.length > 0) {
    const needed = settings.conditionalThresholdPercent;
    return score >= needed
      ? { value: "CONDITIONAL_GO", summary: `CONDITIONAL GO: no gate fails, ${waived.length} waived (${waived.join(", ")}), score ${shown} ≥ ${needed}%` }
      : { value: "NO_GO", summary: `NO-GO: ${waived.length} gates waived and score ${shown} is below the ${needed}% needed for a conditional GO` };
  }
  const needed = settings.goThresholdPercent;
  return score >= needed
    ? { value: "GO", summary: `GO: all gates pass, score ${shown} ≥ ${needed}%` }
    : { value: "NO_GO", summary: `NO-GO: all gates pass but score ${shown} is below the ${needed}% needed for GO` };
}

/** Go/No-Go verdict (DESIGN "Verdict"): five gates in order, then the value. */
export function computeVerdict(input: VerdictInput): VerdictResult {
  const checks = [
    checkOpenP1(summarizeBlockers(input.items, input.asOf)),
    checkCapacity(input.capacity, input.settings),
    checkAnomaly(input.capacity),
    checkStability(input.stability),
    checkObjectives(evaluateObjectives(input.objectives)),
  ];
  const gates = checks.map((check) => applyWaiver(check, input.gateWaivers, input.asOf));
  return { gates, ...decideVerdict(gates, input.scorePercent, input.settings) };
}
