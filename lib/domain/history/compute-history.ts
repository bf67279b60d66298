import { addDays, parseDay } from "../calendar";
import type { VerdictValue } from "../compute-verdict";
import { endOfDayMs } from "./day-bounds";
import { buildTimelineEntries, type TimelineEntry } from "./timeline-entries";
import { TimelineState } from "./timeline-state";
import type { ProjectTimeline } from "./types";

export interface HistoryDay {
  date: string;
  scorePercent: number | null;
  verdict: VerdictValue;
  openP1: number;
  remainingHours: number;
}

/**
 * Score, verdict, open P1 blockers and their hours at the end of each day from `from` to `to`
 * (inclusive), as the project was that day. One pass over the sorted timeline entries; the
 * figures are maintained incrementally (O(entries + days × categories), capacity recomputed
 * only on days a run lands). Matches `computeReadiness(readinessInputAsOf(timeline, day))`.
 */
export function computeHistory(timeline: ProjectTimeline, from: string, to: string, entries?: readonly TimelineEntry[]): HistoryDay[] {
  const all = entries ?? buildTimelineEntries(timeline);
  const state = new TimelineState(timeline);
  const days: HistoryDay[] = [];
  let next = 0;
  for (let d = parseDay(from), end = parseDay(to), day = from; d <= end; d += 1, day = addDays(day, 1)) {
    const endMs = endOfDayMs(day);
    while (next < all.length && all[next].at < endMs) state.apply(all[next++]);
    const f = state.figures();
    days.push({ date: day, scorePercent: f.scorePercent, verdict: f.verdict, openP1: f.openP1, remainingHours: f.remainingHours });
  }
  return days;
}
