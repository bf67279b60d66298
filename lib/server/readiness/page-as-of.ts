import "server-only";
import { InvalidInputError } from "../errors";
import { parseAsOf } from "./get-readiness";
import { todayUtc } from "./load-readiness-input";

/** `?asOf=` of a page: a bad value falls back to today and is reported, never a crash. */
export function resolvePageAsOf(raw: string | string[] | undefined): { asOf: string; today: string; invalid: string | null } {
  const today = todayUtc();
  const value = Array.isArray(raw) ? raw[0] : raw;
  try {
    return { asOf: parseAsOf(value), today, invalid: null };
  } catch (err) {
    if (err instanceof InvalidInputError) return { asOf: today, today, invalid: String(value).slice(0, 40) };
    throw err;
  }
}
