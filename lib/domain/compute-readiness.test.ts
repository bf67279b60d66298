import { describe, expect, it } from "vitest";
import { computeBurndown } from "./compute-burndown";
import { computeReadiness, type ReadinessInput } from "./compute-readiness";
import { createRandom } from "./random";
import { makeCategory, makeItem, makeRun, makeSettings, makeStep } from "./test-fixtures";
import type { DomainItem, DomainItemEvent, DomainRun, ItemStatus, Priority } from "./types";

const asOf = "2026-01-18";

function buildLargeInput(): ReadinessInput {
  const random = createRandom(7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const categories = Array.from({ length: 7 }, (_, i) => makeCategory(`cat-${i}`, { position: i }));
  const items: DomainItem[] = Array.from({ length: 5_000 }, (_, i) => {
    const estimate = Math.round(random() * 16 * 2) / 2;
    return makeItem({
      id: `item-${i}`, categoryId: pick(categories).id,
      priority: pick<Priority>(["P1", "P1", "P2", "P3"]),
      status: pick<ItemStatus>(["OPEN", "IN_PROGRESS", "DONE", "DONE", "NOT_APPLICABLE"]),
      estimateHours: estimate, estimateLowHours: estimate * 0.8, estimateHighHours: estimate * 1.5,
      deferrable: random() < 0.1,
      riskAcceptance: random() < 0.05 ? { mitigation: "m", expiresOn: pick(["2026-01-10", "2026-02-10"]) } : null,
    });
  });
  const events: DomainItemEvent[] = [];
  for (let i = 0; i < 100_000; i += 1) {
    const item = items[i % items.length];
    const at = new Date(Date.UTC(2025, 9, 1) + Math.floor(random() * 110 * 86_400_000)).toISOString();
    const field = pick(["status", "priority", "estimateHours"]);
    const to = field === "status" ? pick(["OPEN", "IN_PROGRESS", "DONE"]) : field === "priority" ? pick(["P1", "P2"]) : String(pick([1, 2, 4, 8]));
    events.push({ itemId: item.id, at, field, from: null, to });
  }
  const runs: DomainRun[] = Array.from({ length: 1_000 }, (_, i) => {
    const users = 10 * (1 + (i % 80));
    const stepped = i % 50 === 0;
    return makeRun(users, {
      id: `run-${i}`, runDate: `2026-01-${String(1 + (i % 17)).padStart(2, "0")}`,
      p95Ms: users * (1 + random()), failures: Math.floor(users * users * random() * 0.01), requests: 100_000,
      throughputRps: pick([0, null, users * 0.6]),
      steps: stepped ? [makeStep(users), makeStep(users + 5, { failures: 100 })] : [],
    });
  });
  return {
    settings: makeSettings(), categories, items, events, runs, stabilityRun: null,
    objectives: [{ name: "RTO", target: "< 4 h", measured: "2 h" }], gateWaivers: [], asOf,
  };
}

describe("computeReadiness", () => {
  it("stays consistent on 5,000 items, 1,000 runs and 100,000 events", () => {
    const input = buildLargeInput();
    const readiness = computeReadiness(input);
    const { score, blockers, projection, capacity, verdict } = readiness;
    expect(score.categories.reduce((sum, c) => sum + c.criticalTotal, 0)).toBe(score.criticalTotal);
    expect(score.categories.reduce((sum, c) => sum + c.openBlockers, 0)).toBe(blockers.open);
    expect(projection.remainingHours).toBe(blockers.openHours);
    expect(projection.remainingLowHours).toBeLessThanOrEqual(projection.remainingHours);
    expect(projection.probabilistic!.workingDays.p95).toBeGreaterThanOrEqual(projection.probabilistic!.workingDays.p50);
    expect(projection.conditional!.remainingHours).toBeLessThan(projection.remainingHours);
    expect(capacity.levels.length).toBeLessThanOrEqual(160);
    expect(capacity.levels.every((l, i) => i === 0 || l.users > capacity.levels[i - 1].users)).toBe(true);
    expect(capacity.zones[0].fromUsers).toBe(0);
    expect(capacity.zones.at(-1)!.toUsers).toBeNull();
    expect(verdict.gates).toHaveLength(5);
    expect(verdict.value).toBe("NO_GO");
    const burndown = computeBurndown(input);
    expect(burndown.days.at(-1)!.date).toBe(asOf);
    expect(burndown.days.every((d) => d.remainingCount >= 0)).toBe(true);
  });

  it("gives a readiness object for an empty project", () => {
    const readiness = computeReadiness({
      settings: makeSettings(), categories: [], items: [], events: [], runs: [], stabilityRun: null,
      objectives: [], gateWaivers: [], asOf,
    });
    expect(readiness.score).toEqual({ overallPercent: null, criticalDone: 0, criticalTotal: 0, categories: [] });
    expect(readiness.blockers).toMatchObject({ open: 0, openHours: 0 });
    expect(readiness.projection.deterministic).toEqual({ date: asOf, workingDays: 0 });
    expect(readiness.stability).toBeNull();
    expect(readiness.verdict.value).toBe("NO_GO");
    expect(readiness.verdict.gates.map((g) => g.status)).toEqual(["pass", "fail", "pass", "pass", "pass"]);
  });

  it("is CONDITIONAL_GO when every open P1 item is waived and the other gates pass", () => {
    const items = [
      ...Array.from({ length: 9 }, () => makeItem({ categoryId: "cat", status: "DONE" })),
      makeItem({ categoryId: "cat", estimateHours: 5, riskAcceptance: { mitigation: "Restart by hand", expiresOn: "2026-03-01" } }),
    ];
    const readiness = computeReadiness({
      settings: makeSettings(), categories: [makeCategory("cat")], items, events: [],
      runs: [makeRun(250, { p95Ms: 200 })], stabilityRun: null, objectives: [], gateWaivers: [], asOf,
    });
    expect(readiness.score.overallPercent).toBe(90);
    expect(readiness.blockers).toMatchObject({ open: 0, waived: 1, waivedHours: 5 });
    expect(readiness.projection.remainingHours).toBe(0);
    expect(readiness.verdict.value).toBe("CONDITIONAL_GO");
  });
});
