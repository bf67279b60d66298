import { formatDay, parseDay } from "../calendar";
import type { BurndownResult } from "../compute-burndown";

/** One row per x (a day number), with the series that have a value there; null = no point. */
export interface BurndownChartRow {
  x: number;
  date: string;
  remaining: number | null;
  ideal: number | null;
  deterministic: number | null;
  velocity: number | null;
  conditional: number | null;
  added: number | null;
}

export interface BurndownChart {
  rows: BurndownChartRow[];
  /** Which series have any point (the legend shows only these). */
  series: { ideal: boolean; deterministic: boolean; velocity: boolean; conditional: boolean; added: boolean };
  totalAddedHours: number;
  startHours: number;
  endHours: number;
  /** The x of asOf, for a "today" reference line. */
  asOfX: number | null;
}

const EMPTY_ROW = { remaining: null, ideal: null, deterministic: null, velocity: null, conditional: null, added: null };

/**
 * Merges the burndown days, the ideal line and the forecast lines into the rows of one chart over
 * a numeric day axis, so that lines ending after asOf are spaced by real time.
 * `conditional` is the date without deferrable items (a line from the last day's blocking hours).
 */
export function buildBurndownChart(
  burndown: BurndownResult,
  extra: { conditional?: { date: string; fromHours: number } | null } = {},
): BurndownChart {
  const rows = new Map<number, BurndownChartRow>();
  const at = (date: string): BurndownChartRow => {
    const x = parseDay(date);
    let row = rows.get(x);
    if (!row) {
      row = { x, date: formatDay(x), ...EMPTY_ROW };
      rows.set(x, row);
    }
    return row;
  };
  let totalAdded = 0;
  for (const day of burndown.days) {
    const row = at(day.date);
    row.remaining = day.remainingHours;
    row.added = day.addedScopeHours > 0 ? day.addedScopeHours : null;
    totalAdded += day.addedScopeHours;
  }
  if (burndown.ideal) {
    for (const day of burndown.days) if (day.idealHours !== null) at(day.date).ideal = day.idealHours;
    at(burndown.ideal[0].date).ideal = burndown.ideal[0].hours;
    at(burndown.ideal[1].date).ideal = burndown.ideal[1].hours;
  }
  const line = (key: "deterministic" | "velocity" | "conditional", points: readonly { date: string; hours: number }[] | null) => {
    if (!points) return;
    for (const p of points) at(p.date)[key] = p.hours;
  };
  line("deterministic", burndown.forecast.deterministic);
  line("velocity", burndown.forecast.velocity);
  const last = burndown.days[burndown.days.length - 1];
  if (extra.conditional && last) {
    line("conditional", [{ date: last.date, hours: extra.conditional.fromHours }, { date: extra.conditional.date, hours: 0 }]);
  }
  const sorted = [...rows.values()].sort((a, b) => a.x - b.x);
  const has = (k: keyof typeof EMPTY_ROW) => sorted.some((r) => r[k] !== null);
  return {
    rows: sorted,
    series: { ideal: has("ideal"), deterministic: has("deterministic"), velocity: has("velocity"), conditional: has("conditional"), added: has("added") },
    totalAddedHours: Math.round(totalAdded * 100) / 100,
    startHours: burndown.days[0]?.remainingHours ?? 0,
    endHours: last?.remainingHours ?? 0,
    asOfX: last ? parseDay(last.date) : null,
  };
}

/** Axis tick text for a day number: "Jan 18". */
export function formatDayTick(x: number): string {
  const d = formatDay(x);
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(d.slice(5, 7)) - 1];
  return `${month} ${Number(d.slice(8, 10))}`;
}
