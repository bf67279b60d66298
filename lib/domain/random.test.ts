import { describe, expect, it } from "vitest";
import { createRandom, sampleTriangular } from "./random";

describe("random", () => {
  it("repeats the same stream for the same seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("samples the triangular distribution through its inverse CDF", () => {
    expect(sampleTriangular(0, 2, 4, 8)).toBe(2);
    expect(sampleTriangular(1 / 3, 2, 4, 8)).toBeCloseTo(4);
    expect(sampleTriangular(0.999999, 2, 4, 8)).toBeCloseTo(8, 2);
    expect(sampleTriangular(0.5, 5, 5, 5)).toBe(5);
    const random = createRandom(1);
    let sum = 0;
    for (let i = 0; i < 20_000; i += 1) sum += sampleTriangular(random(), 0, 3, 9);
    expect(sum / 20_000).toBeCloseTo(4, 1); // mean (a + m + b) / 3
  });
});
