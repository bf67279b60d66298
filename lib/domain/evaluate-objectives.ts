import type { DomainObjective } from "./types";

export type Comparator = "<" | "<=" | ">" | ">=";

export interface Quantity {
  comparator: Comparator | null;
  value: number;
  /** Unit as written (normalized), or null when none. */
  unit: string | null;
}

export interface ObjectiveResult {
  name: string;
  target: string;
  measured: string | null;
  met: boolean;
  reason: string;
}

/** Unit -> [dimension, factor to the dimension's base unit]. */
const UNITS: Record<string, [string, number]> = {
  ms: ["time", 1], s: ["time", 1_000], sec: ["time", 1_000], secs: ["time", 1_000],
  second: ["time", 1_000], seconds: ["time", 1_000], m: ["time", 60_000], min: ["time", 60_000],
  mins: ["time", 60_000], minute: ["time", 60_000], minutes: ["time", 60_000], h: ["time", 3_600_000],
  hr: ["time", 3_600_000], hrs: ["time", 3_600_000], hour: ["time", 3_600_000], hours: ["time", 3_600_000],
  d: ["time", 86_400_000], day: ["time", 86_400_000], days: ["time", 86_400_000], "%": ["percent", 1],
};

const QUANTITY = /^\s*(<=|>=|≤|≥|<|>)?\s*(-?\d+(?:[.,]\d+)?)\s*([a-zA-Z]+|%)?\s*$/;

/** Parses "< 4 h", "<= 250ms", ">= 99.9 %", "24 h". Null when unreadable or the unit is unknown. */
export function parseQuantity(text: string): Quantity | null {
  const match = QUANTITY.exec(text);
  if (!match) return null;
  const unit = match[3]?.toLowerCase() ?? null;
  if (unit !== null && !(unit in UNITS)) return null;
  const comparator = match[1] === "≤" ? "<=" : match[1] === "≥" ? ">=" : ((match[1] ?? null) as Comparator | null);
  return { comparator, value: Number(match[2].replace(",", ".")), unit };
}

function compare(measured: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case "<": return measured < target;
    case "<=": return measured <= target;
    case ">": return measured > target;
    case ">=": return measured >= target;
  }
}

/**
 * One objective: met when measured and the measured value satisfies the target's
 * comparator in the same unit. A side without a unit takes the other side's.
 */
export function evaluateObjective(objective: DomainObjective): ObjectiveResult {
  const { name, target, measured } = objective;
  const result = (met: boolean, reason: string): ObjectiveResult => ({ name, target, measured, met, reason });
  const goal = parseQuantity(target);
  if (goal === null || goal.comparator === null) {
    return result(false, `${name} target "${target}" cannot be read: expected a comparator and a value, e.g. "< 4 h"`);
  }
  if (measured === null || measured.trim() === "") return result(false, `${name} not measured (target ${target.trim()})`);
  const actual = parseQuantity(measured);
  if (actual === null || actual.comparator !== null) {
    return result(false, `${name} measured value "${measured}" cannot be read (target ${target.trim()})`);
  }
  const goalUnit = UNITS[goal.unit ?? actual.unit ?? ""] ?? ["none", 1];
  const actualUnit = UNITS[actual.unit ?? goal.unit ?? ""] ?? ["none", 1];
  if (goalUnit[0] !== actualUnit[0]) {
    return result(false, `${name} measured ${measured.trim()} cannot be compared with target ${target.trim()}`);
  }
  const met = compare(actual.value * actualUnit[1], goal.comparator, goal.value * goalUnit[1]);
  return result(met, `${name} ${measured.trim()} ${met ? "meets" : "does not meet"} ${target.trim()}`);
}

export function evaluateObjectives(objectives: readonly DomainObjective[]): ObjectiveResult[] {
  return objectives.map(evaluateObjective);
}
