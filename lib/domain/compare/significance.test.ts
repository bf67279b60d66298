import { describe, expect, it } from "vitest";
import { errorRateZ, MIN_REQUESTS_FOR_P95, p95Comparable, throughputZ } from "./significance";

describe("errorRateZ (two-proportion z-test, pooled)", () => {
  it("matches a hand computation: 5/209 against 0/203", () => {
    // p = 5/412; se = √(p(1−p)(1/209 + 1/203)) = 0.010790; z = (5/209) / se = 2.217
    expect(errorRateZ(5, 209, 0, 203)).toBeCloseTo(2.217, 3);
  });
  it("is symmetric and 0 for equal rates", () => {
    expect(errorRateZ(0, 203, 5, 209)).toBeCloseTo(-2.217, 3);
    expect(errorRateZ(10, 1000, 20, 2000)).toBe(0);
  });
  it("0 when both are error-free (nothing to tell apart), null without requests", () => {
    expect(errorRateZ(0, 500, 0, 800)).toBe(0);
    expect(errorRateZ(3, 0, 0, 10)).toBeNull();
  });
  it("a 1-point change is noise on 100 requests and a real change on 100 000", () => {
    expect(Math.abs(errorRateZ(2, 100, 1, 100)!)).toBeLessThan(1.96);
    expect(errorRateZ(2000, 100_000, 1000, 100_000)!).toBeGreaterThan(1.96);
  });
});

describe("throughputZ (Poisson rates)", () => {
  it("matches a hand computation", () => {
    // r1 = 9, t1 = 60 s; r0 = 10, t0 = 60 s: z = −1 / √(9/60 + 10/60) = −1 / 0.56273 = −1.7770
    expect(throughputZ(9, 60, 10, 60)).toBeCloseTo(-1.777, 3);
  });
  it("the same 10 % drop is significant over ten minutes", () => {
    expect(throughputZ(9, 600, 10, 600)!).toBeLessThan(-1.96);
  });
  it("null without a duration or rate", () => {
    expect(throughputZ(null, 60, 10, 60)).toBeNull();
    expect(throughputZ(9, 0, 10, 60)).toBeNull();
  });
});

describe("p95Comparable", () => {
  it(`needs ${MIN_REQUESTS_FOR_P95} requests on each side`, () => {
    expect(p95Comparable(100, 100)).toBe(true);
    expect(p95Comparable(99, 5000)).toBe(false);
    expect(p95Comparable(5000, 99)).toBe(false);
  });
});
