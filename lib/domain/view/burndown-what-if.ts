import { computeDeterministicDate } from "../compute-projection";
import { roundTo } from "../format-number";
import type { Weekday } from "../types";

export interface WhatIfBlocker {
  id: string;
  hours: number;
  deferrable: boolean;
}

export interface WhatIfResult {
  keptHours: number;
  deferredHours: number;
  deferredCount: number;
  /** Deterministic date without the deferred items; null without capacity or working days. */
  date: string | null;
  workingDays: number | null;
  /** Working days saved against the date with every blocker. */
  daysSaved: number | null;
}

/**
 * The deterministic launch date with the given items left out (DESIGN "Conditional"), for the
 * blockers page's what-if: the same formula as the projection, on the blocking items only.
 */
export function computeWhatIf(
  blockers: readonly WhatIfBlocker[],
  deferred: ReadonlySet<string>,
  settings: { teamHoursPerDay: number; workingDays: readonly Weekday[] },
  asOf: string,
): WhatIfResult {
  let deferredHours = 0, deferredCount = 0, all = 0;
  for (const b of blockers) {
    all += b.hours;
    if (deferred.has(b.id)) {
      deferredHours += b.hours;
      deferredCount += 1;
    }
  }
  return computeWhatIfTotals({ allHours: all, deferredHours, deferredCount }, settings, asOf);
}

/**
 * The same from totals: every blocker's hours, and the hours and count of those left out. The
 * paginated blockers page uses it (the database sums the hours; the browser adds its marks).
 */
export function computeWhatIfTotals(
  totals: { allHours: number; deferredHours: number; deferredCount: number },
  settings: { teamHoursPerDay: number; workingDays: readonly Weekday[] },
  asOf: string,
): WhatIfResult {
  const kept = Math.max(0, roundTo(totals.allHours - totals.deferredHours, 4));
  const s = { teamHoursPerDay: settings.teamHoursPerDay, workingDays: [...settings.workingDays] };
  const date = computeDeterministicDate(kept, s, asOf);
  const full = computeDeterministicDate(totals.allHours, s, asOf);
  return {
    keptHours: kept,
    deferredHours: roundTo(totals.deferredHours, 4),
    deferredCount: totals.deferredCount,
    date: date?.date ?? null,
    workingDays: date?.workingDays ?? null,
    daysSaved: date && full ? full.workingDays - date.workingDays : null,
  };
}
