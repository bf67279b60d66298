import { describe, expect, it } from "vitest";
import { addWorkingDays } from "./calendar";
import { roundTo } from "./format-number";
import { createRandom, sampleTriangular } from "./random";
import { MONTE_CARLO_SEED, simulateLaunchDates, type EstimateRange } from "./simulate-launch-dates";
import type { Weekday } from "./types";

const week: Weekday[] = ["Mon", "Tue", "Wed", "Thu", "Fri"];

/** The plain reading of DESIGN: one createRandom stream, sampleTriangular per item per trial. */
function reference(ranges: EstimateRange[], trials: number) {
  const random = createRandom(MONTE_CARLO_SEED);
  const ordered = [...ranges].sort((a, b) => (a.id < b.id ? -1 : 1));
  const constant = ordered.filter((r) => !(r.high > r.low)).reduce((a, r) => a + r.mode, 0);
  const variable = ordered.filter((r) => r.high > r.low);
  const days: number[] = [];
  for (let t = 0; t < trials; t++) {
    let h = constant;
    for (const r of variable) h += sampleTriangular(random(), r.low, r.mode, r.high);
    days.push(Math.ceil(roundTo(h, 6) / 8));
  }
  days.sort((a, b) => a - b);
  const at = (p: number) => days[Math.max(0, Math.ceil((p / 100) * days.length) - 1)];
  return { p50: at(50), p85: at(85), p95: at(95) };
}

describe("simulateLaunchDates", () => {
  it("gives exactly what the plain sampleTriangular simulation gives (the fast loop changes no figure)", () => {
    const random = createRandom(3);
    const ranges: EstimateRange[] = Array.from({ length: 40 }, (_, i) => {
      const mode = 1 + Math.round(random() * 12);
      return { id: `i${String(i).padStart(2, "0")}`, low: i % 5 === 0 ? mode : mode * 0.5, mode, high: i % 5 === 0 ? mode : mode * 2.5 };
    });
    const fast = simulateLaunchDates(ranges, { hoursPerDay: 8, workingDays: week, asOf: "2026-01-16", trials: 2000 })!;
    const ref = reference(ranges, 2000);
    expect(fast.workingDays).toEqual(ref);
    expect(fast.p85).toBe(addWorkingDays("2026-01-16", ref.p85, week));
  });
});
