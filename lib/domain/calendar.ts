import type { Weekday } from "./types";

/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC. */

const DAY_MS = 86_400_000;
const WEEKDAYS: readonly Weekday[] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function parseDay(day: string): number {
  const ms = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Not a calendar date: "${day}"`);
  return Math.floor(ms / DAY_MS);
}

export function formatDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return formatDay(parseDay(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function diffDays(from: string, to: string): number {
  return parseDay(to) - parseDay(from);
}

/** The UTC calendar day of an epoch-millisecond instant. */
export function dayOfEpochMs(ms: number): string {
  return formatDay(Math.floor(ms / DAY_MS));
}

/** The UTC calendar day of an ISO instant. */
export function dayOfInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: "${iso}"`);
  return formatDay(Math.floor(ms / DAY_MS));
}

export function weekdayOf(dayNumber: number): Weekday {
  return WEEKDAYS[(((dayNumber + 4) % 7) + 7) % 7];
}

/**
 * The day that is `count` working days after `from` (`from` itself not counted).
 * Returns `from` for count 0 and null when no weekday is a working day.
 */
export function addWorkingDays(from: string, count: number, workingDays: readonly Weekday[]): string | null {
  const working = new Set(workingDays);
  if (working.size === 0) return null;
  const start = parseDay(from);
  if (count <= 0) return from;
  const fullWeeks = Math.floor((count - 1) / working.size);
  let day = start + fullWeeks * 7;
  let left = count - fullWeeks * working.size;
  while (left > 0) {
    day += 1;
    if (working.has(weekdayOf(day))) left -= 1;
  }
  return formatDay(day);
}

/** Working days in the inclusive range [from, to]. */
export function countWorkingDays(from: string, to: string, workingDays: readonly Weekday[]): number {
  const working = new Set(workingDays);
  let count = 0;
  for (let d = parseDay(from), end = parseDay(to); d <= end; d += 1) {
    if (working.has(weekdayOf(d))) count += 1;
  }
  return count;
}
