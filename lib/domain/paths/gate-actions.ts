import type { Readiness } from "../compute-readiness";
import type { Gate } from "../compute-verdict";
import { formatNumber } from "../format-number";
import type { DomainProjectSettings, GateId } from "../types";

export interface GateAction {
  gate: GateId;
  /** What it needs, in words: the work no checklist item clears. */
  action: string;
}

/** The action a gate other than open-p1 needs to pass (for one that fails, or is only waived). */
export function describeGateAction(gate: Gate, readiness: Readiness, settings: DomainProjectSettings): string {
  switch (gate.id) {
    case "capacity": {
      const required = settings.requiredHeadroom * settings.expectedProductionUsers;
      const now = readiness.capacity.safeCapacityUsers;
      return `a launch-evidence run at ≥ ${formatNumber(required, 0)} users in yellow or better (safe capacity now ${now === null ? "unknown" : `${now} users`})`;
    }
    case "anomaly":
      return readiness.capacity.anomalies.length === 0
        ? "a newer run at the anomalous load"
        : readiness.capacity.anomalies.map((a) => `a rerun at ${a.users} users to confirm or clear the non-monotonic error rate`).join("; ");
    case "stability":
      return readiness.stability
        ? `a stability run that is not DO NOT PROCEED (latest: score ${readiness.stability.score}, ${readiness.stability.health})`
        : "a stability run that is not DO NOT PROCEED";
    case "objectives": {
      const failing = readiness.objectives.filter((o) => !o.met);
      return failing.length === 0 ? "every objective measured and met"
        : failing.map((o) => (o.measured === null ? `measure ${o.name} (target ${o.target})` : `bring ${o.name} from ${o.measured} to ${o.target}`)).join("; ");
    }
    case "open-p1":
      return "close or accept every open P1 item";
  }
}

/** Every gate besides open-p1 that does not pass, with the action it needs. */
export function listGateActions(readiness: Readiness, settings: DomainProjectSettings, statuses: readonly Gate["status"][]): GateAction[] {
  return readiness.verdict.gates
    .filter((g) => g.id !== "open-p1" && statuses.includes(g.status))
    .map((g) => ({ gate: g.id, action: describeGateAction(g, readiness, settings) }));
}
