import { addDays, addWorkingDays, countWorkingDays, parseInstantMs } from "./calendar";
import { endOfDayMs, startOfDayMs } from "./history/day-bounds";
import { roundTo } from "./format-number";
import { replayItemEvents, type OpenP1Change } from "./replay-item-events";
import { simulateLaunchDates, type EstimateRange, type ProbabilisticDates } from "./simulate-launch-dates";
import { getEstimateRange, isBlocking } from "./summarize-blockers";
import type { DomainItem, DomainItemEvent, DomainProjectSettings } from "./types";

/** Days of history the velocity is measured over, ending on asOf. */
export const VELOCITY_WINDOW_DAYS = 14;

export interface DeterministicDate {
  date: string;
  workingDays: number;
}

export interface VelocityProjection {
  /** Net P1 hours closed per working day over the window (two decimals). */
  hoursPerDay: number;
  closedHours: number;
  windowDays: number;
  date: string;
  workingDays: number;
}

export interface ConditionalProjection {
  remainingHours: number;
  date: string;
  workingDays: number;
  p85: string | null;
  deferredItems: number;
}

export interface ProjectionResult {
  /** Most-likely hours of open P1 items without a current risk acceptance. */
  remainingHours: number;
  remainingLowHours: number;
  remainingHighHours: number;
  deterministic: DeterministicDate | null;
  probabilistic: ProbabilisticDates | null;
  velocity: VelocityProjection | null;
  conditional: ConditionalProjection | null;
}

export interface ProjectionInput {
  settings: Pick<DomainProjectSettings, "teamHoursPerDay" | "workingDays">;
  items: readonly DomainItem[];
  events: readonly DomainItemEvent[];
  asOf: string;
  /** Precomputed `replayItemEvents(items, events)`, to share with the burndown. */
  changes?: readonly OpenP1Change[];
}

/** ceil(hours / hoursPerDay) working days after asOf; null without capacity or working days. */
export function computeDeterministicDate(
  hours: number,
  settings: ProjectionInput["settings"],
  asOf: string,
): DeterministicDate | null {
  if (!(settings.teamHoursPerDay > 0) || settings.workingDays.length === 0) return null;
  const workingDays = Math.ceil(roundTo(hours, 6) / settings.teamHoursPerDay);
  return { date: addWorkingDays(asOf, workingDays, settings.workingDays)!, workingDays };
}

/** Net hours closed in the window (closing an open P1 item counts its estimate; reopening subtracts it). */
function computeVelocity(changes: readonly OpenP1Change[], remaining: number, input: ProjectionInput): VelocityProjection | null {
  const { asOf, settings } = input;
  const start = addDays(asOf, -(VELOCITY_WINDOW_DAYS - 1));
  let closed = 0;
  for (const change of changes) {
    if (change.day < start || change.day > asOf) continue;
    if (change.kind === "closed" || change.kind === "reopened") closed -= change.hoursDelta;
  }
  const days = countWorkingDays(start, asOf, settings.workingDays);
  if (!(closed > 0) || days === 0) return null;
  const hoursPerDay = closed / days;
  const workingDays = Math.ceil(roundTo(remaining / hoursPerDay, 6));
  return {
    hoursPerDay: roundTo(hoursPerDay, 2),
    closedHours: roundTo(closed, 4),
    windowDays: VELOCITY_WINDOW_DAYS,
    date: addWorkingDays(asOf, workingDays, settings.workingDays)!,
    workingDays,
  };
}

/**
 * The items (and their events) that had an event in the velocity window: only they can close or
 * reopen hours in it. Each item replays on its own, so their changes are exactly those of the
 * whole replay, in the same order, without replaying a backlog of thousands to read two weeks.
 */
function itemsChangedInWindow(input: ProjectionInput): [DomainItem[], DomainItemEvent[]] {
  const fromMs = startOfDayMs(addDays(input.asOf, -(VELOCITY_WINDOW_DAYS - 1)));
  const toMs = endOfDayMs(input.asOf);
  const changed = new Set<string>();
  for (const e of input.events) {
    const at = parseInstantMs(e.at);
    if (at >= fromMs && at < toMs) changed.add(e.itemId);
  }
  return [input.items.filter((item) => changed.has(item.id)), input.events.filter((e) => changed.has(e.itemId))];
}

function sumRanges(ranges: readonly EstimateRange[]) {
  let mode = 0, low = 0, high = 0;
  for (const r of ranges) { mode += r.mode; low += r.low; high += r.high; }
  return { mode: roundTo(mode, 4), low: roundTo(low, 4), high: roundTo(high, 4) };
}

/** Launch projection (DESIGN "Launch projection"). */
export function computeProjection(input: ProjectionInput): ProjectionResult {
  const { settings, asOf } = input;
  const blocking = input.items.filter((item) => isBlocking(item, asOf));
  const ranges = blocking.map((item) => ({ id: item.id, ...getEstimateRange(item) }));
  const sums = sumRanges(ranges);
  const options = { hoursPerDay: settings.teamHoursPerDay, workingDays: settings.workingDays, asOf };
  const changes = input.changes ?? replayItemEvents(...itemsChangedInWindow(input));

  let conditional: ConditionalProjection | null = null;
  const deferred = new Set(blocking.filter((item) => item.deferrable).map((item) => item.id));
  if (deferred.size > 0) {
    const kept = ranges.filter((r) => !deferred.has(r.id));
    const hours = sumRanges(kept).mode;
    const date = computeDeterministicDate(hours, settings, asOf);
    if (date) {
      conditional = {
        remainingHours: hours, ...date,
        p85: simulateLaunchDates(kept, options)?.p85 ?? null,
        deferredItems: deferred.size,
      };
    }
  }
  return {
    remainingHours: sums.mode,
    remainingLowHours: sums.low,
    remainingHighHours: sums.high,
    deterministic: computeDeterministicDate(sums.mode, settings, asOf),
    probabilistic: simulateLaunchDates(ranges, options),
    velocity: computeVelocity(changes, sums.mode, input),
    conditional,
  };
}
