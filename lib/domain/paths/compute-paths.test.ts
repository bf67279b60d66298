import { describe, expect, it } from "vitest";
import stabilityJson from "../../../prisma/seed/plan-a-day3-stability.json";
import week9Json from "../../../prisma/seed/week9-day4.json";
import { computeReadiness, type ReadinessInput } from "../compute-readiness";
import { roundTo } from "../format-number";
import { createRandom } from "../random";
import { mapStabilityScenario, mapWeek9Scenario } from "../scenario-mapping";
import { makeCategory, makeItem, makeSettings } from "../test-fixtures";
import { computeFastestPaths } from "./compute-paths";
import { computeWhatIf } from "./compute-what-if";
import { solveMinHours, type KnapsackItem } from "./solve-min-hours";

/** Fewest hours over every subset (Gray code: one item in or out per step). */
function bruteForce(items: readonly KnapsackItem[], reaches: (w: number) => boolean): number | null {
  let best: number | null = null, weight = 0, hours = 0, mask = 0;
  const n = items.length;
  if (reaches(0)) return 0;
  for (let k = 1; k < 1 << n; k++) {
    const bit = 31 - Math.clz32(k & -k);
    mask ^= 1 << bit;
    const sign = mask & (1 << bit) ? 1 : -1;
    weight += sign * items[bit].weight; hours += sign * items[bit].hours;
    if ((best === null || hours < best - 1e-9) && reaches(weight)) best = hours;
  }
  return best === null ? null : roundTo(best, 6);
}

const week9 = mapWeek9Scenario(week9Json);
const input: ReadinessInput = { ...week9, stabilityRun: mapStabilityScenario(stabilityJson).stabilityRun };

describe("solveMinHours", () => {
  it("matches brute force on random small projects with weighted categories", () => {
    const rnd = createRandom(42);
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(rnd() * 11);
      const items = Array.from({ length: n }, (_, i) => ({ id: `i${i}`, hours: [0, 0.5, 1, 2, 3.5, 4, 6, 8, 12.5][Math.floor(rnd() * 9)], weight: [0, 0.5, 1, 1, 2, 3][Math.floor(rnd() * 6)] }));
      const done = rnd() * 5, total = done + items.reduce((s, i) => s + i.weight, 0) + rnd() * 3;
      const threshold = 50 + Math.floor(rnd() * 50);
      const reaches = (w: number) => roundTo(((done + w) / total) * 100, 1) >= threshold;
      const exact = solveMinHours(items, reaches);
      const brute = bruteForce(items, reaches);
      expect(exact.ids === null ? null : roundTo(exact.hours, 6), `case ${t}`).toBe(brute);
      if (exact.ids) expect(reaches(items.filter((i) => exact.ids!.includes(i.id)).reduce((s, i) => s + i.weight, 0))).toBe(true);
    }
  });

  it("falls back to the stated greedy approximation beyond its limit, still reaching the threshold", () => {
    const items = Array.from({ length: 400 }, (_, i) => ({ id: `i${i}`, hours: 10 + (i % 97) + 0.01 * (i % 7), weight: 1 + (i % 3) }));
    const r = solveMinHours(items, (w) => w >= 300);
    expect(r.algorithm).toBe("greedy");
    expect(items.filter((i) => r.ids!.includes(i.id)).reduce((s, i) => s + i.weight, 0)).toBeGreaterThanOrEqual(300);
  });
});

describe("computeFastestPaths on the week9-day4 data", () => {
  const readiness = computeReadiness(input);
  const paths = computeFastestPaths(input, readiness, { "item-001": "Ana" });

  it("GO: close all 21 open P1 items (89 h) and clear the anomaly and objectives gates", () => {
    expect(paths.go.items).toHaveLength(21);
    expect(paths.go.hours).toBe(89);
    expect(paths.go.date).toBe("2026-01-30");
    expect(paths.go.gates.map((g) => g.gate)).toEqual(["anomaly", "objectives"]);
    expect(paths.go.gates[1].action).toBe("measure RTO (target < 4 h); bring RPO from 24 h to < 1 h");
  });

  it("CONDITIONAL GO: the knapsack's set is the brute-force minimum, the rest accepted as risks", () => {
    const c = paths.conditionalGo;
    const open = input.items.filter((i) => i.priority === "P1" && i.status !== "DONE" && i.status !== "NOT_APPLICABLE");
    const reaches = (w: number) => roundTo(((29 + w) / 50) * 100, 1) >= 80;
    const brute = bruteForce(open.map((i) => ({ id: i.id, hours: i.estimateHours ?? 0, weight: 1 })), reaches);
    expect(c.reachable).toBe(true);
    expect(c.algorithm).toBe("exact");
    expect(c.items).toHaveLength(11);
    expect(c.hours).toBe(brute);
    expect(c.acceptRisks).toHaveLength(10);
    expect(c.gates.map((g) => g.gate)).toEqual(["anomaly", "objectives"]);
  });

  it("what if: every open item done and the failing gates passing turns NO-GO into GO, the input untouched", () => {
    const before = JSON.stringify(input);
    const all = computeWhatIf(input, { doneItemIds: paths.go.items.map((i) => i.id), passedGates: ["anomaly", "objectives"] });
    expect([all.verdict, all.scorePercent, all.openP1, all.remainingHours]).toEqual(["GO", 100, 0, 0]);
    const some = computeWhatIf(input, { doneItemIds: ["item-001", "nope"], passedGates: [] });
    expect(some.verdict).toBe("NO_GO");
    expect(some.ignoredItemIds).toContain("nope");
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("computeFastestPaths edge cases", () => {
  it("a weight-0 category's items can only be accepted; an unreachable threshold says so", () => {
    const items = [makeItem({ id: "a", categoryId: "zero", estimateHours: 1 }), makeItem({ id: "b", categoryId: "cat", status: "OPEN", estimateHours: 2 })];
    const inp: ReadinessInput = {
      settings: makeSettings({ conditionalThresholdPercent: 100 }), categories: [makeCategory("cat"), makeCategory("zero", { weight: 0, position: 1 })],
      items, events: [], runs: [], stabilityRun: null, objectives: [], gateWaivers: [], asOf: "2026-01-10",
    };
    const p = computeFastestPaths(inp, computeReadiness(inp));
    expect([p.conditionalGo.items.map((i) => i.id), p.conditionalGo.acceptRisks, p.conditionalGo.reachable]).toEqual([["b"], ["a"], true]);
    expect(p.go.gates.map((g) => g.gate)).toEqual(["capacity"]);
    const none = computeFastestPaths({ ...inp, items: [] }, computeReadiness({ ...inp, items: [] }));
    expect(none.conditionalGo.reachable).toBe(false);
  });
});
