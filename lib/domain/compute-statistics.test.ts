import { describe, expect, it } from "vitest";
import { computeLinearTrend, computeMean, computePercentile, computeStdDev } from "./compute-statistics";

describe("statistics", () => {
  it("interpolates percentiles linearly between closest ranks (type 7)", () => {
    expect(computePercentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(computePercentile([1, 2, 3, 4], 100)).toBe(4);
    expect(computePercentile([1, 2, 3, 4], 0)).toBe(1);
    expect(computePercentile([10, 20, 30, 40, 50], 90)).toBeCloseTo(46);
    expect(computePercentile([7], 99)).toBe(7);
    expect(computePercentile([], 50)).toBeNull();
  });

  it("uses the population standard deviation", () => {
    expect(computeStdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(computeStdDev([])).toBeNull();
    expect(computeMean([1, 2, 3])).toBe(2);
  });

  it("fits a least-squares line", () => {
    expect(computeLinearTrend([0, 1, 2], [1, 3, 5])).toEqual({ slope: 2, intercept: 1 });
    expect(computeLinearTrend([1, 1], [1, 2])).toBeNull();
  });
});
