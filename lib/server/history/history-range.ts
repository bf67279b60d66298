import "server-only";
import { addDays, diffDays } from "@/lib/domain";
import { InvalidInputError } from "../errors";
import { parseAsOf } from "../readiness/get-readiness";
import { todayUtc } from "../readiness/load-readiness-input";

/** The longest range the history and changes endpoints answer. */
export const MAX_RANGE_DAYS = 366;

export interface DayRange { from: string; to: string }

function parseDay(name: string, raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === "") return null;
  try {
    return parseAsOf(raw);
  } catch {
    throw new InvalidInputError(`${name} must be a date YYYY-MM-DD, got '${raw.slice(0, 40)}'`, { field: name });
  }
}

/**
 * `from` and `to` of a query, validated: real dates, from ≤ to, to not after today, at most
 * MAX_RANGE_DAYS days, and not before the project existed (422 with a clear message). Missing
 * values default to `to` = today and `from` = `defaultFrom(to)`, clamped to the project's first day.
 */
export function resolveRange(
  raw: { from?: string | null; to?: string | null },
  createdOn: string,
  defaultFrom: (to: string) => string,
  /** The earliest `from` allowed: the project's first day, or the day before (an empty baseline). */
  earliest = createdOn,
): DayRange {
  const today = todayUtc();
  const to = parseDay("to", raw.to) ?? today;
  const given = parseDay("from", raw.from);
  const from = given ?? (defaultFrom(to) < earliest ? earliest : defaultFrom(to));
  if (to < earliest) throw new InvalidInputError(`to (${to}) is before the project existed: it was created on ${createdOn}`, { to, createdOn });
  if (from > to) throw new InvalidInputError(`from (${from}) must not be after to (${to})`, { from, to });
  if (to > today) throw new InvalidInputError(`to (${to}) is in the future; the history ends today (${today})`, { to, today });
  if (from < earliest) {
    throw new InvalidInputError(`from (${from}) is before the project existed: it was created on ${createdOn}, so from can be ${earliest} at the earliest`, { from, createdOn, earliest });
  }
  const days = diffDays(from, to) + 1;
  if (days > MAX_RANGE_DAYS) throw new InvalidInputError(`The range is ${days} days; at most ${MAX_RANGE_DAYS} days at a time`, { from, to });
  return { from, to };
}

export const lastDays = (n: number) => (to: string) => addDays(to, -(n - 1));
