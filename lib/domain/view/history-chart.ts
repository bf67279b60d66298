import { parseDay } from "../calendar";
import type { VerdictValue } from "../compute-verdict";
import type { HistoryDay } from "../history/compute-history";

export interface HistoryChartRow {
  x: number;
  date: string;
  score: number | null;
  verdict: VerdictValue;
  openP1: number;
  remainingHours: number;
  /** The score on a day it changed / a decision was signed (markers), else null. */
  change: number | null;
  decision: number | null;
  /** Tooltip text of the markers of that day. */
  note: string | null;
}

export interface VerdictSpan { fromX: number; toX: number; verdict: VerdictValue }
export interface ChartPoint { x: number; date: string; score: number; label: string }

export interface HistoryChart {
  rows: HistoryChartRow[];
  /** Consecutive days with the same verdict (the band under the line). */
  spans: VerdictSpan[];
  /** Signed decisions on the day they were signed, at that day's score. */
  decisions: ChartPoint[];
  /** Days the score or the verdict changed from the day before. */
  changes: ChartPoint[];
  summary: string;
}

/** The history chart's view model: one row per day, verdict spans, decision and change points. */
export function buildHistoryChart(days: readonly HistoryDay[], decisions: readonly { date: string; verdict: VerdictValue; signedBy: string }[]): HistoryChart {
  const rows: HistoryChartRow[] = days.map((d) => ({
    x: parseDay(d.date), date: d.date, score: d.scorePercent, verdict: d.verdict, openP1: d.openP1, remainingHours: d.remainingHours,
    change: null, decision: null, note: null,
  }));
  const spans: VerdictSpan[] = [];
  for (const r of rows) {
    const last = spans.at(-1);
    if (last && last.verdict === r.verdict) last.toX = r.x + 1;
    else spans.push({ fromX: r.x, toX: r.x + 1, verdict: r.verdict });
  }
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const points = decisions.flatMap((d) => {
    const r = byDate.get(d.date);
    return r ? [{ x: r.x, date: d.date, score: r.score ?? 0, label: `${d.verdict.replace("_", " ")} signed by ${d.signedBy}` }] : [];
  });
  const changes = rows.slice(1).flatMap((r, i) => {
    const prev = rows[i];
    return r.score !== prev.score || r.verdict !== prev.verdict
      ? [{ x: r.x, date: r.date, score: r.score ?? 0, label: `score ${prev.score ?? "—"} → ${r.score ?? "—"}${r.verdict !== prev.verdict ? `, ${r.verdict.replace("_", " ")}` : ""}` }]
      : [];
  });
  const byX = new Map(rows.map((r) => [r.x, r]));
  for (const p of changes) { const r = byX.get(p.x)!; r.change = p.score; r.note = p.label; }
  for (const p of points) { const r = byX.get(p.x)!; r.decision = p.score; r.note = r.note ? `${r.note}; ${p.label}` : p.label; }
  const first = rows[0], last = rows.at(-1);
  const summary = first && last
    ? `From ${first.date} (${first.score ?? "no"} %, ${first.verdict.replace("_", " ")}) to ${last.date} (${last.score ?? "no"} %, ${last.verdict.replace("_", " ")}); ${changes.length} day(s) with a change, ${points.length} signed decision(s).`
    : "No days to show.";
  return { rows, spans, decisions: points, changes, summary };
}

/**
 * The rows the chart draws: the score is a step line (held until the next point), so a day like
 * the one before it (same score, verdict, open P1 and hours, no marker) adds nothing to the
 * drawing; they are left out, the first and last day kept (the axis runs from one to the other).
 * The page sends these instead of one row per day.
 */
export function drawnHistoryRows(rows: readonly HistoryChartRow[]): HistoryChartRow[] {
  return rows.filter((r, i) => {
    if (i === 0 || i === rows.length - 1 || r.change !== null || r.decision !== null || r.note !== null) return true;
    const p = rows[i - 1];
    return r.score !== p.score || r.verdict !== p.verdict || r.openP1 !== p.openP1 || r.remainingHours !== p.remainingHours;
  });
}
