import { describe, expect, it } from "vitest";
import { evaluateObjective, parseQuantity } from "./evaluate-objectives";

describe("parseQuantity", () => {
  it("reads comparator, value and unit", () => {
    expect(parseQuantity("< 4 h")).toEqual({ comparator: "<", value: 4, unit: "h" });
    expect(parseQuantity(">=99.9%")).toEqual({ comparator: ">=", value: 99.9, unit: "%" });
    expect(parseQuantity("≤ 250 ms")).toEqual({ comparator: "<=", value: 250, unit: "ms" });
    expect(parseQuantity("24 h")).toEqual({ comparator: null, value: 24, unit: "h" });
    expect(parseQuantity("soon")).toBeNull();
    expect(parseQuantity("4 parsecs")).toBeNull();
  });
});

describe("evaluateObjective", () => {
  it("fails unmeasured and unmet objectives with a sentence", () => {
    expect(evaluateObjective({ name: "RTO", target: "< 4 h", measured: null }))
      .toMatchObject({ met: false, reason: "RTO not measured (target < 4 h)" });
    expect(evaluateObjective({ name: "RPO", target: "< 1 h", measured: "24 h" }))
      .toMatchObject({ met: false, reason: "RPO 24 h does not meet < 1 h" });
  });

  it("compares in the same unit", () => {
    expect(evaluateObjective({ name: "RPO", target: "< 1 h", measured: "45 min" }).met).toBe(true);
    expect(evaluateObjective({ name: "RTO", target: "<= 2 h", measured: "7200 s" }).met).toBe(true);
    expect(evaluateObjective({ name: "RTO", target: "< 2 h", measured: "7200 s" }).met).toBe(false);
    expect(evaluateObjective({ name: "Uptime", target: ">= 99.9 %", measured: "99.95%" }).met).toBe(true);
    expect(evaluateObjective({ name: "Uptime", target: "> 99.9%", measured: "99.9" }).met).toBe(false);
    expect(evaluateObjective({ name: "Latency", target: "< 1 d", measured: "2 d" }).reason).toBe("Latency 2 d does not meet < 1 d");
  });

  it("fails what it cannot read or compare", () => {
    expect(evaluateObjective({ name: "RTO", target: "4 h", measured: "1 h" }).reason)
      .toBe('RTO target "4 h" cannot be read: expected a comparator and a value, e.g. "< 4 h"');
    expect(evaluateObjective({ name: "RTO", target: "< 4 h", measured: "fast" }))
      .toMatchObject({ met: false, reason: 'RTO measured value "fast" cannot be read (target < 4 h)' });
    expect(evaluateObjective({ name: "RTO", target: "< 4 h", measured: "50 %" }))
      .toMatchObject({ met: false, reason: "RTO measured 50 % cannot be compared with target < 4 h" });
  });
});
