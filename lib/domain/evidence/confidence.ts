import type { CapacityLevel, CapacityResult } from "../compute-capacity";
import { pluralize } from "../format-number";
import type { DomainChangeMarker, DomainConfidenceSettings, DomainRun } from "../types";

/**
 * Measurement confidence of the capacity verdict (DESIGN "What no peer has" 7).
 *
 * The **decisive level** is the safe-capacity level (the figure gate 2 compares with the required
 * load); without a safe capacity, the lowest measured level. Reasons:
 * - `no-measurement` (severe): no load-test level at all;
 * - `short-run` (severe): the decisive level was measured for less than `minRunSeconds`
 *   (a step's own duration for a stepped run; an unknown duration counts as short);
 * - `few-requests` (severe): fewer than `minRequests` requests at the decisive level;
 * - `before-change` (severe when the decisive level, else minor): levels measured before the
 *   last change marker at or before the as-of day (a run without a start time counts from its
 *   day's start);
 * - `single-run` (minor): every level comes from one run;
 * - `sparse-levels` (minor): the breaking point and the measured level below it are more than
 *   2× apart, or nothing was measured below the breaking point.
 * Level: **low** with any severe reason, **medium** with minor reasons only, **high** with none.
 */

export type ConfidenceLevel = "high" | "medium" | "low";
export type ConfidenceReasonCode =
  | "no-measurement" | "short-run" | "few-requests" | "before-change" | "single-run" | "sparse-levels";

export interface ConfidenceReason {
  code: ConfidenceReasonCode;
  severity: "severe" | "minor";
  message: string;
}

export interface Confidence {
  level: ConfidenceLevel;
  /** Severe reasons first, then minor, each in the order listed above. */
  reasons: ConfidenceReason[];
  /** Users at the decisive level; null without measurements. */
  decisiveUsers: number | null;
}

export interface ConfidenceInput {
  /** Exactly the runs the capacity computation received. */
  runs: readonly DomainRun[];
  capacity: CapacityResult;
  changeMarkers: readonly DomainChangeMarker[];
  settings: DomainConfidenceSettings;
  asOf: string;
}

export const DEFAULT_CONFIDENCE_SETTINGS: DomainConfidenceSettings = { minRunSeconds: 300, minRequests: 1000 };
const GAP_FACTOR = 2;

/** 45 s, 5 min, 4 min 59 s. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const rest = total % 60;
  return rest === 0 ? `${total / 60} min` : `${Math.floor(total / 60)} min ${rest} s`;
}

/** Duration and requests behind one capacity level: its step, or its single-level run. */
function measurementOf(level: CapacityLevel, runs: ReadonlyMap<string, DomainRun>) {
  const run = runs.get(level.runId);
  if (!run) return { durationSeconds: null, requests: 0, run: null };
  const step = level.stepIndex === null ? null : run.steps[level.stepIndex];
  if (step) return { durationSeconds: step.durationSeconds, requests: step.requests, run };
  return { durationSeconds: run.durationSeconds > 0 ? run.durationSeconds : null, requests: run.requests, run };
}

/** Epoch ms the run started; an undated run counts from its day's start (UTC). */
function measuredAt(run: DomainRun): number {
  return Date.parse(run.startedAt ?? `${run.runDate.slice(0, 10)}T00:00:00.000Z`);
}

/** The latest change at or before the end of the as-of day. */
export function findLastChange(markers: readonly DomainChangeMarker[], asOf: string): DomainChangeMarker | null {
  let last: DomainChangeMarker | null = null;
  for (const m of markers) if (m.at.slice(0, 10) <= asOf && (!last || Date.parse(m.at) > Date.parse(last.at))) last = m;
  return last;
}

function describeChange(m: DomainChangeMarker): string {
  const version = m.version ? ` ${m.version}` : "";
  return `the ${m.kind} "${m.label}"${version} on ${m.at.slice(0, 10)}`;
}

function gapReason(capacity: CapacityResult): ConfidenceReason | null {
  const breaking = capacity.breakingPointUsers;
  if (breaking === null) return null;
  const below = capacity.levels.filter((l) => l.users < breaking).at(-1);
  if (!below) {
    return { code: "sparse-levels", severity: "minor", message: `Nothing was measured below the breaking point (${breaking} users)` };
  }
  if (breaking <= GAP_FACTOR * below.users) return null;
  return {
    code: "sparse-levels", severity: "minor",
    message: `The levels around the breaking point are more than ${GAP_FACTOR}× apart (${below.users} and ${breaking} users): it lies somewhere between them`,
  };
}

export function computeConfidence(input: ConfidenceInput): Confidence {
  const { capacity, settings } = input;
  const levels = capacity.levels;
  if (levels.length === 0) {
    return {
      level: "low", decisiveUsers: null,
      reasons: [{ code: "no-measurement", severity: "severe", message: "No load-test result: the capacity verdict rests on no measurement" }],
    };
  }
  const runs = new Map(input.runs.map((r) => [r.id, r]));
  const decisive = levels.find((l) => l.users === capacity.safeCapacityUsers) ?? levels[0];
  const at = `The decisive level (${decisive.users} users)`;
  const m = measurementOf(decisive, runs);
  const reasons: ConfidenceReason[] = [];
  if (m.durationSeconds === null || m.durationSeconds < settings.minRunSeconds) {
    const measured = m.durationSeconds === null ? "for an unknown time" : `for ${formatDuration(m.durationSeconds)}`;
    reasons.push({ code: "short-run", severity: "severe", message: `${at} was measured ${measured}, less than the ${formatDuration(settings.minRunSeconds)} required` });
  }
  if (m.requests < settings.minRequests) {
    reasons.push({ code: "few-requests", severity: "severe", message: `${at} rests on ${m.requests.toLocaleString("en-US")} ${m.requests === 1 ? "request" : "requests"}, fewer than the ${settings.minRequests.toLocaleString("en-US")} required` });
  }
  const change = findLastChange(input.changeMarkers, input.asOf);
  if (change) {
    const changedAt = Date.parse(change.at);
    const before = levels.filter((l) => { const r = runs.get(l.runId); return r !== undefined && measuredAt(r) < changedAt; });
    if (m.run && measuredAt(m.run) < changedAt) {
      reasons.push({ code: "before-change", severity: "severe", message: `${at} was measured on ${m.run.runDate.slice(0, 10)}, before ${describeChange(change)}` });
    } else if (before.length > 0) {
      reasons.push({ code: "before-change", severity: "minor", message: `${before.length} of ${pluralize(levels.length, "measured level")} predate ${describeChange(change)}` });
    }
  }
  const distinctRuns = new Set(levels.map((l) => l.runId));
  if (distinctRuns.size === 1) {
    reasons.push({ code: "single-run", severity: "minor", message: `The capacity verdict rests on a single run ("${decisive.runName}")` });
  }
  const gap = gapReason(capacity);
  if (gap) reasons.push(gap);
  reasons.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "severe" ? -1 : 1));
  const level: ConfidenceLevel = reasons.some((r) => r.severity === "severe") ? "low" : reasons.length > 0 ? "medium" : "high";
  return { level, reasons, decisiveUsers: decisive.users };
}
