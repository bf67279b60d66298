import { parseDay } from "../calendar";

const DAY_MS = 86_400_000;

/** Epoch ms of the start of a day (UTC). */
export function startOfDayMs(day: string): number {
  return parseDay(day) * DAY_MS;
}

/** Epoch ms just past the end of a day: "as of a day" means every instant before this. */
export function endOfDayMs(day: string): number {
  return (parseDay(day) + 1) * DAY_MS;
}

/** The value of a field at an instant, from its current value and its changes (any order). */
export function valueAt<T>(current: T, changes: readonly { at: string; from: T }[], atMs: number): T {
  let best: { at: number; from: T } | null = null;
  for (const c of changes) {
    const at = Date.parse(c.at);
    if (at >= atMs && (best === null || at < best.at)) best = { at, from: c.from };
  }
  return best ? best.from : current;
}
