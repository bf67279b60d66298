import { describe, expect, it } from "vitest";
import type { CapacityResult } from "../compute-capacity";
import type { ScoreResult } from "../compute-score";
import { buildCapacitySummary, buildCategoryBars, formatScore, humanize, scoreBand, VERDICT_LABEL } from "./readiness-view";

const thresholds = { goThresholdPercent: 90, conditionalThresholdPercent: 80 };

describe("readiness view", () => {
  it("formats the score with one decimal, or a dash when undefined", () => {
    expect(formatScore(58)).toBe("58.0%");
    expect(formatScore(85.71)).toBe("85.7%");
    expect(formatScore(null)).toBe("—");
  });

  it("bands a score against the GO and conditional thresholds (inclusive)", () => {
    expect(scoreBand(90, thresholds)).toBe("go");
    expect(scoreBand(80, thresholds)).toBe("conditional");
    expect(scoreBand(79.9, thresholds)).toBe("below");
    expect(scoreBand(null, thresholds)).toBe("none");
  });

  it("makes one bar per category in order, a category without P1 items at 0 with a dash", () => {
    const score: ScoreResult = {
      overallPercent: 50, criticalDone: 1, criticalTotal: 2,
      categories: [
        { categoryId: "a", name: "Security", criticalDone: 1, criticalTotal: 2, scorePercent: 50, openBlockers: 1, openBlockerHours: 4 },
        { categoryId: "b", name: "Docs", criticalDone: 0, criticalTotal: 0, scorePercent: null, openBlockers: 0, openBlockerHours: 0 },
      ],
    };
    expect(buildCategoryBars(score, thresholds)).toEqual([
      { name: "Security", scorePercent: 50, label: "50.0%", done: 1, total: 2, openBlockers: 1, openBlockerHours: 4, band: "below" },
      { name: "Docs", scorePercent: 0, label: "—", done: 0, total: 0, openBlockers: 0, openBlockerHours: 0, band: "none" },
    ]);
  });

  const capacity = (safe: number | null, levels = 3): CapacityResult => ({
    zones: [], safeCapacityUsers: safe, breakingPointUsers: 300, throughputCeilingRps: 154.2, anomalies: [],
    levels: Array.from({ length: levels }, () => ({}) as CapacityResult["levels"][number]),
  });

  it("compares safe capacity with headroom × expected users", () => {
    const ok = buildCapacitySummary(capacity(200), { expectedProductionUsers: 100, requiredHeadroom: 2 });
    expect(ok).toMatchObject({ requiredUsers: 200, marginUsers: 0, meetsRequired: true, breakingPointUsers: 300 });
    expect(ok.sentence).toBe("Safe capacity 200 users covers 2× headroom over 100 expected users = 200.");
    const short = buildCapacitySummary(capacity(150), { expectedProductionUsers: 100, requiredHeadroom: 2 });
    expect(short).toMatchObject({ marginUsers: -50, meetsRequired: false });
    expect(short.sentence).toContain("short of");
    expect(buildCapacitySummary(capacity(null, 0), { expectedProductionUsers: 50, requiredHeadroom: 1.5 }).sentence).toBe(
      "No load tests yet; 1.5× headroom over 50 expected users = 75 users are needed.",
    );
    expect(buildCapacitySummary(capacity(null), { expectedProductionUsers: 50, requiredHeadroom: 2 }).meetsRequired).toBe(false);
  });

  it("labels verdicts and enum values for people", () => {
    expect(VERDICT_LABEL.NO_GO).toBe("NO-GO");
    expect(VERDICT_LABEL.CONDITIONAL_GO).toBe("CONDITIONAL GO");
    expect(humanize("PROCEED_WITH_MONITORING")).toBe("PROCEED WITH MONITORING");
  });
});
