import { describe, expect, it } from "vitest";
import { parseDay } from "../calendar";
import type { BurndownResult } from "../compute-burndown";
import { buildBurndownChart, formatDayTick } from "./burndown-chart";

const day = (date: string, remainingHours: number, addedScopeHours = 0, idealHours: number | null = null) => ({
  date, remainingHours, remainingCount: 1, addedScopeHours, cumulativeAddedHours: 0, idealHours,
});

describe("buildBurndownChart", () => {
  const burndown: BurndownResult = {
    days: [day("2026-01-18", 89, 0, 89), day("2026-01-19", 80, 0, 80.1), day("2026-01-20", 84, 12, 71.2)],
    ideal: [{ date: "2026-01-18", hours: 89 }, { date: "2026-01-28", hours: 0 }],
    forecast: {
      deterministic: [{ date: "2026-01-20", hours: 84 }, { date: "2026-01-31", hours: 0 }],
      velocity: null,
    },
  };

  it("merges days, the ideal line and forecasts on one numeric day axis, in order", () => {
    const chart = buildBurndownChart(burndown, { conditional: { date: "2026-01-25", fromHours: 60 } });
    expect(chart.rows.map((r) => r.date)).toEqual(["2026-01-18", "2026-01-19", "2026-01-20", "2026-01-25", "2026-01-28", "2026-01-31"]);
    expect(chart.rows.map((r) => r.x)).toEqual(chart.rows.map((r) => parseDay(r.date)));
    const byDate = Object.fromEntries(chart.rows.map((r) => [r.date, r]));
    expect(byDate["2026-01-20"]).toMatchObject({ remaining: 84, ideal: 71.2, deterministic: 84, conditional: 60, added: 12, velocity: null });
    expect(byDate["2026-01-28"]).toMatchObject({ remaining: null, ideal: 0 });
    expect(byDate["2026-01-31"]).toMatchObject({ deterministic: 0 });
    expect(byDate["2026-01-25"]).toMatchObject({ conditional: 0 });
    expect(chart.series).toEqual({ ideal: true, deterministic: true, velocity: false, conditional: true, added: true });
    expect(chart).toMatchObject({ totalAddedHours: 12, startHours: 89, endHours: 84, asOfX: parseDay("2026-01-20") });
  });

  it("is empty without days", () => {
    const chart = buildBurndownChart({ days: [], ideal: null, forecast: { deterministic: null, velocity: null } }, { conditional: { date: "2026-01-02", fromHours: 1 } });
    expect(chart.rows).toEqual([]);
    expect(chart.asOfX).toBeNull();
    expect(chart.series.conditional).toBe(false);
  });

  it("writes short tick labels", () => {
    expect(formatDayTick(parseDay("2026-01-08"))).toBe("Jan 8");
    expect(formatDayTick(parseDay("2026-12-31"))).toBe("Dec 31");
  });
});
