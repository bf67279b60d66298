import { describe, expect, it } from "vitest";
import week9Json from "../../prisma/seed/week9-day4.json";
import { computeScore } from "./compute-score";
import { mapWeek9Scenario } from "./scenario-mapping";
import { makeCategory, makeItem } from "./test-fixtures";

const asOf = "2026-01-18";

describe("computeScore", () => {
  it("reproduces the week9 score", () => {
    const week9 = mapWeek9Scenario(week9Json);
    const score = computeScore(week9.categories, week9.items, asOf);
    expect(score).toMatchObject({ overallPercent: 58, criticalDone: 29, criticalTotal: 50 });
    expect(score.categories.find((c) => c.name === "Security")).toMatchObject({
      criticalDone: 12, criticalTotal: 14, scorePercent: 85.7, openBlockers: 2, openBlockerHours: 6,
    });
  });

  it("gives null scores without P1 items", () => {
    const score = computeScore([makeCategory("cat")], [makeItem({ priority: "P2" })], asOf);
    expect(score.overallPercent).toBeNull();
    expect(score.categories[0]).toMatchObject({ scorePercent: null, criticalTotal: 0, openBlockers: 0 });
    expect(computeScore([], [], asOf)).toEqual({ overallPercent: null, criticalDone: 0, criticalTotal: 0, categories: [] });
  });

  it("is 100 when everything is done, and ignores NOT_APPLICABLE P1 items", () => {
    const items = [makeItem({ status: "DONE" }), makeItem({ status: "NOT_APPLICABLE" }), makeItem({ status: "DONE" })];
    const score = computeScore([makeCategory("cat")], items, asOf);
    expect(score).toMatchObject({ overallPercent: 100, criticalDone: 2, criticalTotal: 2 });
    expect(score.categories[0].openBlockers).toBe(0);
  });

  it("counts accepted items as not done but not as blockers; expired acceptances block again", () => {
    const items = [
      makeItem({ status: "DONE" }),
      makeItem({ estimateHours: 3, riskAcceptance: { mitigation: "m", expiresOn: "2026-01-18" } }),
      makeItem({ estimateHours: 5, riskAcceptance: { mitigation: "m", expiresOn: "2026-01-17" } }),
    ];
    const [category] = computeScore([makeCategory("cat")], items, asOf).categories;
    expect(category).toMatchObject({ criticalDone: 1, criticalTotal: 3, scorePercent: 33.3, openBlockers: 1, openBlockerHours: 5 });
  });

  it("weights categories (Σ weight × done / Σ weight × counted) and orders them by position", () => {
    const categories = [makeCategory("b", { weight: 3, position: 2 }), makeCategory("a", { weight: 1, position: 1 })];
    const items = [
      makeItem({ categoryId: "a", status: "DONE" }), makeItem({ categoryId: "a" }),
      makeItem({ categoryId: "b", status: "DONE" }), makeItem({ categoryId: "b", status: "DONE" }),
      makeItem({ categoryId: "b" }), makeItem({ categoryId: "b" }),
    ];
    const score = computeScore(categories, items, asOf);
    expect(score.categories.map((c) => c.categoryId)).toEqual(["a", "b"]);
    // (1×1 + 3×2) / (1×2 + 3×4) = 7 / 14
    expect(score.overallPercent).toBe(50);
  });

  it("leaves weight-0 categories and unknown categories out of the overall figure", () => {
    const categories = [makeCategory("a"), makeCategory("z", { weight: 0, position: 1 })];
    const items = [makeItem({ categoryId: "a", status: "DONE" }), makeItem({ categoryId: "z" }), makeItem({ categoryId: "nope" })];
    const score = computeScore(categories, items, asOf);
    expect(score).toMatchObject({ overallPercent: 100, criticalDone: 1, criticalTotal: 1 });
    expect(score.categories[1]).toMatchObject({ scorePercent: 0, openBlockers: 1 });
  });
});
