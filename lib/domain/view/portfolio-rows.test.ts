import { describe, expect, it } from "vitest";
import { nextSortDir, sortPortfolioRows, type PortfolioRow } from "./portfolio-rows";

const row = (slug: string, o: Partial<PortfolioRow>): PortfolioRow => ({
  slug, name: slug, description: null, role: "LEAD", scorePercent: 50, verdict: "NO_GO", openBlockers: 1, openBlockerHours: 1, launchDate: "2026-02-01", ...o,
});

const rows = [
  row("beta", { name: "Beta", scorePercent: 90, openBlockers: 0, openBlockerHours: 0, launchDate: "2026-01-01" }),
  row("alpha", { name: "alpha", scorePercent: null, openBlockers: 5, openBlockerHours: 20, launchDate: null }),
  row("gamma", { name: "Gamma", scorePercent: 58, openBlockers: 5, openBlockerHours: 30, launchDate: "2026-03-01" }),
];
const slugs = (r: PortfolioRow[]) => r.map((x) => x.slug);

describe("sortPortfolioRows", () => {
  it("sorts by name case-insensitively", () => {
    expect(slugs(sortPortfolioRows(rows, "name", "asc"))).toEqual(["alpha", "beta", "gamma"]);
    expect(slugs(sortPortfolioRows(rows, "name", "desc"))).toEqual(["gamma", "beta", "alpha"]);
  });
  it("keeps unknown scores and dates last in both directions", () => {
    expect(slugs(sortPortfolioRows(rows, "score", "desc"))).toEqual(["beta", "gamma", "alpha"]);
    expect(slugs(sortPortfolioRows(rows, "score", "asc"))).toEqual(["gamma", "beta", "alpha"]);
    expect(slugs(sortPortfolioRows(rows, "date", "asc"))).toEqual(["beta", "gamma", "alpha"]);
    expect(slugs(sortPortfolioRows(rows, "date", "desc"))).toEqual(["gamma", "beta", "alpha"]);
  });
  it("breaks blocker-count ties by hours, then by name", () => {
    expect(slugs(sortPortfolioRows(rows, "blockers", "desc"))).toEqual(["gamma", "alpha", "beta"]);
    const tied = [row("b", { name: "B" }), row("a", { name: "A" })];
    expect(slugs(sortPortfolioRows(tied, "blockers", "asc"))).toEqual(["a", "b"]);
  });
  it("does not mutate its input; an empty list stays empty", () => {
    const before = slugs(rows);
    sortPortfolioRows(rows, "score", "asc");
    expect(slugs(rows)).toEqual(before);
    expect(sortPortfolioRows([], "name", "asc")).toEqual([]);
  });
  it("toggles the direction on the same column; a new score column starts descending", () => {
    expect(nextSortDir({ key: "name", dir: "asc" }, "name")).toBe("desc");
    expect(nextSortDir({ key: "name", dir: "asc" }, "score")).toBe("desc");
    expect(nextSortDir({ key: "score", dir: "desc" }, "date")).toBe("asc");
  });
});
