import { describe, expect, it } from "vitest";
import { formatHours, formatPercent, formatRatio, roundTo } from "./format-number";

describe("roundTo", () => {
  it("rounds the exact binary value, like toFixed", () => {
    expect(roundTo(9.645, 2)).toBe(9.64); // 9.645 is stored as 9.64499…
    expect(roundTo(85.71428, 1)).toBe(85.7);
    expect(roundTo(-60.2418, 1)).toBe(-60.2);
    expect(roundTo(-0.00001, 2)).toBe(0);
  });
});

describe("formatters", () => {
  it("formats hours without trailing zeros", () => {
    expect(formatHours(89)).toBe("89 h");
    expect(formatHours(88.5)).toBe("88.5 h");
  });

  it("keeps small percentages visible", () => {
    expect(formatPercent((3218 / 45734) * 100)).toBe("7.04");
    expect(formatPercent((3 / 43078) * 100)).toBe("0.007");
    expect(formatPercent(1)).toBe("1");
    expect(formatPercent(0)).toBe("0");
  });

  it("gives ratios two significant figures", () => {
    expect(formatRatio(1010.6)).toBe("1000");
    expect(formatRatio(42.9)).toBe("43");
    expect(formatRatio(10)).toBe("10");
  });
});
