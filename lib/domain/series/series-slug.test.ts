import { describe, expect, it } from "vitest";
import { SERIES_SLUG_PATTERN, seriesForTestName, slugifySeriesName } from "./series-slug";

describe("series slugs", () => {
  it("turn a tool's test name into a slug the API accepts", () => {
    expect(slugifySeriesName("computerdatabase.BasicSimulation")).toBe("computerdatabase-basicsimulation");
    expect(slugifySeriesName("  Checkout API — Staging  ")).toBe("checkout-api-staging");
    expect(slugifySeriesName("Café load")).toBe("cafe-load");
    expect(slugifySeriesName("!!!")).toBe("");
    const long = slugifySeriesName(`${"a".repeat(63)} b`);
    expect(long).toBe("a".repeat(63));
    expect(SERIES_SLUG_PATTERN.test(long)).toBe(true);
    expect(SERIES_SLUG_PATTERN.test(slugifySeriesName("x".repeat(80)))).toBe(true);
  });

  it("derive a series from a test name, or none (the default series) without a usable one", () => {
    expect(seriesForTestName("BasicSimulation")).toEqual({ slug: "basicsimulation", name: "BasicSimulation" });
    expect(seriesForTestName(null)).toBeNull();
    expect(seriesForTestName("   ")).toBeNull();
    expect(seriesForTestName("***")).toBeNull();
    expect(seriesForTestName("Default")).toBeNull();
  });
});
