import { describe, expect, it } from "vitest";
import { buildHistoryChart, drawnHistoryRows } from "./history-chart";

const day = (date: string, scorePercent: number | null, verdict: "GO" | "CONDITIONAL_GO" | "NO_GO") => ({ date, scorePercent, verdict, openP1: 1, remainingHours: 2 });

describe("buildHistoryChart", () => {
  it("merges verdict spans, places decisions at that day's score and marks change days", () => {
    const chart = buildHistoryChart(
      [day("2026-01-01", 50, "NO_GO"), day("2026-01-02", 50, "NO_GO"), day("2026-01-03", 85, "CONDITIONAL_GO"), day("2026-01-04", 85, "CONDITIONAL_GO")],
      [{ date: "2026-01-03", verdict: "CONDITIONAL_GO", signedBy: "Lee" }, { date: "2025-12-01", verdict: "NO_GO", signedBy: "old" }],
    );
    expect(chart.spans.map((s) => [s.verdict, s.toX - s.fromX])).toEqual([["NO_GO", 2], ["CONDITIONAL_GO", 2]]);
    expect(chart.decisions).toEqual([{ x: chart.rows[2].x, date: "2026-01-03", score: 85, label: "CONDITIONAL GO signed by Lee" }]);
    expect(chart.changes.map((c) => [c.date, c.label])).toEqual([["2026-01-03", "score 50 → 85, CONDITIONAL GO"]]);
    expect(chart.summary).toContain("1 day(s) with a change, 1 signed decision(s)");
  });

  it("says so when there is no day", () => {
    expect(buildHistoryChart([], []).summary).toBe("No days to show.");
  });
});

describe("drawnHistoryRows", () => {
  it("keeps the first and last day, every change and every marker, and drops days like the one before", () => {
    const day = (date: string, scorePercent: number, openP1 = 3) => ({ date, scorePercent, verdict: "NO_GO" as const, openP1, remainingHours: openP1 * 4 });
    const chart = buildHistoryChart([
      day("2026-01-01", 50), day("2026-01-02", 50), day("2026-01-03", 50), day("2026-01-04", 60), day("2026-01-05", 60),
      day("2026-01-06", 60, 2), day("2026-01-07", 60, 2), day("2026-01-08", 60, 2),
    ], [{ date: "2026-01-07", verdict: "NO_GO", signedBy: "Lee" }]);
    expect(drawnHistoryRows(chart.rows).map((r) => r.date)).toEqual(["2026-01-01", "2026-01-04", "2026-01-06", "2026-01-07", "2026-01-08"]);
    expect(drawnHistoryRows(chart.rows.slice(0, 1))).toHaveLength(1);
    expect(drawnHistoryRows([])).toEqual([]);
  });
});
