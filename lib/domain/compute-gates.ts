import type { CapacityResult } from "./compute-capacity";
import type { StabilityResult } from "./compute-stability";
import type { ObjectiveResult } from "./evaluate-objectives";
import { formatHours, formatNumber, pluralize } from "./format-number";
import type { BlockerSummary } from "./summarize-blockers";
import type { DomainProjectSettings, GateId } from "./types";

/** A gate before gate waivers are applied. */
export interface GateCheck {
  id: GateId;
  status: "pass" | "fail" | "waived";
  reason: string;
}

export function checkOpenP1(blockers: BlockerSummary): GateCheck {
  const accepted = `${pluralize(blockers.waived, "open P1 item")} (${formatHours(blockers.waivedHours)}) under current risk acceptance`;
  if (blockers.open > 0) {
    const verb = blockers.open === 1 ? "blocks" : "block";
    let reason = `${pluralize(blockers.open, "open P1 item")} (${formatHours(blockers.openHours)}) ${verb} launch`;
    if (blockers.expiredAcceptances > 0) {
      reason += `, ${blockers.expiredAcceptances} of them with an expired risk acceptance`;
    }
    if (blockers.expiredEvidence > 0) {
      reason += `, ${blockers.expiredEvidence} of them done but with expired evidence`;
    }
    if (blockers.waived > 0) reason += `; ${accepted}`;
    return { id: "open-p1", status: "fail", reason };
  }
  if (blockers.waived > 0) return { id: "open-p1", status: "waived", reason: `No open P1 item blocks: ${accepted}` };
  return { id: "open-p1", status: "pass", reason: "No open P1 items" };
}

export function checkCapacity(capacity: CapacityResult, settings: DomainProjectSettings): GateCheck {
  const required = settings.requiredHeadroom * settings.expectedProductionUsers;
  const need = `${formatNumber(settings.requiredHeadroom, 2)} × ${formatNumber(settings.expectedProductionUsers, 0)} expected users = ${formatNumber(required, 0)}`;
  const safe = capacity.safeCapacityUsers;
  if (capacity.levels.length === 0) {
    return { id: "capacity", status: "fail", reason: `No load test results: safe capacity unknown (needed ${need})` };
  }
  if (safe === null) {
    const lowest = capacity.levels[0];
    return {
      id: "capacity", status: "fail",
      reason: `No measured level is yellow or better (the lowest, ${lowest.users} users, is ${lowest.zone}; needed ${need})`,
    };
  }
  return safe >= required
    ? { id: "capacity", status: "pass", reason: `Safe capacity ${safe} users covers ${need}` }
    : { id: "capacity", status: "fail", reason: `Safe capacity ${safe} users is below ${need}` };
}

export function checkAnomaly(capacity: CapacityResult): GateCheck {
  if (capacity.anomalies.length === 0) return { id: "anomaly", status: "pass", reason: "No unresolved capacity anomaly" };
  const label = capacity.anomalies.length === 1 ? "Unresolved capacity anomaly" : "Unresolved capacity anomalies";
  return { id: "anomaly", status: "fail", reason: `${label}: ${capacity.anomalies.map((a) => a.message).join("; ")}` };
}

export function checkStability(stability: StabilityResult | null): GateCheck {
  if (stability === null) return { id: "stability", status: "pass", reason: "No stability run recorded" };
  const kinds = stability.anomalies.map((a) => a.kind).join(", ");
  const detail = `score ${stability.score}, ${stability.health}${kinds ? `: ${kinds}` : ""}`;
  const reason = `Latest stability run: ${stability.verdict.replaceAll("_", " ")} (${detail})`;
  return { id: "stability", status: stability.verdict === "DO_NOT_PROCEED" ? "fail" : "pass", reason };
}

export function checkObjectives(results: readonly ObjectiveResult[]): GateCheck {
  if (results.length === 0) return { id: "objectives", status: "pass", reason: "No objectives defined" };
  const failing = results.filter((r) => !r.met);
  if (failing.length > 0) {
    return { id: "objectives", status: "fail", reason: failing.map((r) => r.reason).join("; ") };
  }
  const all = results.length === 1 ? "The objective is met" : `All ${results.length} objectives met`;
  return { id: "objectives", status: "pass", reason: `${all}: ${results.map((r) => r.reason).join("; ")}` };
}
