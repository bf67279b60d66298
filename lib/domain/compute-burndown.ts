import { diffDays, formatDay, parseDay } from "./calendar";
import { roundTo } from "./format-number";
import { computeProjection, type ProjectionResult } from "./compute-projection";
import { replayItemEvents, type OpenP1Change } from "./replay-item-events";
import type { DomainItem, DomainItemEvent, DomainProjectSettings } from "./types";

export interface BurndownDay {
  date: string;
  /** Open P1 hours and count at the end of the day (risk-accepted items included). */
  remainingHours: number;
  remainingCount: number;
  /** Hours of P1 items created, or raised to P1, that day (0 on the first, baseline, day). */
  addedScopeHours: number;
  cumulativeAddedHours: number;
  /** The ideal line at that day; null without a target after the first day. */
  idealHours: number | null;
}

export interface BurndownPoint {
  date: string;
  hours: number;
}

export interface BurndownResult {
  days: BurndownDay[];
  /** Straight line from the first day's remaining to 0 at the target launch date. */
  ideal: [BurndownPoint, BurndownPoint] | null;
  /** Lines from the last day's remaining to 0 at the projected dates. */
  forecast: {
    deterministic: [BurndownPoint, BurndownPoint] | null;
    velocity: [BurndownPoint, BurndownPoint] | null;
  };
}

export interface BurndownInput {
  settings: Pick<DomainProjectSettings, "targetLaunchDate" | "teamHoursPerDay" | "workingDays">;
  items: readonly DomainItem[];
  events: readonly DomainItemEvent[];
  asOf: string;
  /** Precomputed results, to avoid replaying twice. */
  changes?: readonly OpenP1Change[];
  projection?: ProjectionResult;
}

const round = (hours: number) => roundTo(hours, 4);

/**
 * Burndown (DESIGN "Burndown"), one point per calendar day from the first event
 * (or item creation) to asOf; later events are ignored. The first day is the
 * baseline: what exists at its end is the initial scope, not added scope.
 */
export function computeBurndown(input: BurndownInput): BurndownResult {
  const { asOf, settings } = input;
  const changes = input.changes ?? replayItemEvents(input.items, input.events);
  const projection = input.projection
    ?? computeProjection({ settings, items: input.items, events: input.events, asOf, changes });
  const days: BurndownDay[] = [];
  const first = changes.length > 0 && changes[0].day <= asOf ? changes[0].day : null;
  let hours = 0, count = 0, cumulative = 0, next = 0;
  const end = parseDay(asOf);
  for (let d = first === null ? end + 1 : parseDay(first); d <= end; d += 1) {
    const date = formatDay(d);
    let added = 0;
    while (next < changes.length && changes[next].day === date) {
      const change = changes[next++];
      hours += change.hoursDelta;
      count += change.countDelta;
      if (change.kind === "added" && date !== first) added += change.hoursDelta;
    }
    cumulative += added;
    days.push({
      date, remainingHours: round(hours), remainingCount: count,
      addedScopeHours: round(added), cumulativeAddedHours: round(cumulative), idealHours: null,
    });
  }

  let ideal: BurndownResult["ideal"] = null;
  const target = settings.targetLaunchDate;
  if (first !== null && target !== null && target > first) {
    const span = diffDays(first, target);
    const start = days[0].remainingHours;
    ideal = [{ date: first, hours: start }, { date: target, hours: 0 }];
    for (const day of days) day.idealHours = round(Math.max(0, start * (1 - diffDays(first, day.date) / span)));
  }
  const last = days[days.length - 1];
  const line = (date: string | undefined): [BurndownPoint, BurndownPoint] | null =>
    last && date ? [{ date: last.date, hours: last.remainingHours }, { date, hours: 0 }] : null;
  return {
    days,
    ideal,
    forecast: { deterministic: line(projection.deterministic?.date), velocity: line(projection.velocity?.date) },
  };
}
