import { describe, expect, it } from "vitest";
import stabilityJson from "../../../prisma/seed/plan-a-day3-stability.json";
import week9Json from "../../../prisma/seed/week9-day4.json";
import { addDays } from "../calendar";
import { computeCapacity } from "../compute-capacity";
import { computeReadiness, type ReadinessInput } from "../compute-readiness";
import { computeScore } from "../compute-score";
import { computeStability } from "../compute-stability";
import { computeVerdict } from "../compute-verdict";
import { summarizeBlockers } from "../summarize-blockers";
import { mapStabilityScenario, mapWeek9Scenario } from "../scenario-mapping";
import { computeHistory } from "./compute-history";
import { created, event, makeTimeline, randomTimeline, timelineItem } from "./history-fixtures";
import { readinessInputAsOf } from "./readiness-input-as-of";
import type { ProjectTimeline } from "./types";

/** computeReadiness without the Monte Carlo projection (what the history compares with). */
function quickReadiness(input: ReadinessInput) {
  const score = computeScore(input.categories, input.items, input.asOf);
  const capacity = computeCapacity(input.runs, input.settings.thresholds);
  const verdict = computeVerdict({
    settings: input.settings, items: input.items, scorePercent: score.overallPercent, capacity,
    stability: input.stabilityRun ? computeStability(input.stabilityRun) : null, objectives: input.objectives,
    gateWaivers: input.gateWaivers, asOf: input.asOf,
  });
  return { score, verdict, blockers: summarizeBlockers(input.items, input.asOf) };
}

function week9Timeline(): ProjectTimeline {
  const w = mapWeek9Scenario(week9Json);
  const s = mapStabilityScenario(stabilityJson);
  return makeTimeline({
    settings: w.settings, createdOn: w.asOf,
    categories: w.categories.map((c) => ({ ...c, weightChanges: [] })),
    items: w.items, events: w.events, runs: w.runs,
    stabilityRuns: [{ id: "stab", runDate: "2025-10-18", createdAt: "2025-10-18T00:50:00.000Z", run: s.stabilityRun }],
    objectives: w.objectives.map((o) => ({ ...o, createdAt: null, measuredChanges: [] })),
  });
}

describe("readinessInputAsOf", () => {
  it("reproduces the week9-day4 figures at 2026-01-18 and nothing the day before", () => {
    const t = week9Timeline();
    const r = computeReadiness(readinessInputAsOf(t, "2026-01-18"));
    expect([r.score.overallPercent, r.score.criticalDone, r.score.criticalTotal]).toEqual([58, 29, 50]);
    expect([r.blockers.open, r.blockers.openHours, r.verdict.value]).toEqual([21, 89, "NO_GO"]);
    expect(r.projection.deterministic?.date).toBe("2026-01-30");
    expect(r.capacity.safeCapacityUsers).toBe(200);
    expect(r.stability?.score).toBe(80);
    const before = computeReadiness(readinessInputAsOf(t, "2026-01-17"));
    expect(before.score.criticalTotal).toBe(0);
    expect(before.capacity.levels.map((l) => l.users)).toEqual([10, 50, 100, 200]);
  });

  it("as of today is today's live state: the current items, acceptances and runs", () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const t = randomTimeline(seed);
      const today = "2026-02-15";
      const live = computeReadiness({
        asOf: today, settings: t.settings, categories: t.categories, events: t.events, runs: t.runs, stabilityRun: null,
        objectives: [], gateWaivers: [],
        items: t.items.map((i) => {
          const a = t.acceptances.find((x) => x.itemId === i.id && x.revokedAt === null);
          return { ...i, riskAcceptance: a ? { mitigation: a.mitigation, expiresOn: a.expiresOn } : null };
        }),
      });
      expect(computeReadiness(readinessInputAsOf(t, today)), `seed ${seed}`).toEqual(live);
    }
  });
});

describe("computeHistory", () => {
  it("replays a reopen, a re-estimate and a risk that expires mid-range", () => {
    const a = timelineItem("a", { estimateHours: 6, status: "OPEN" });
    const b = timelineItem("b", { estimateHours: 3, categoryId: "ops" });
    const c = timelineItem("c", { status: "DONE", estimateHours: 2 });
    const t = makeTimeline({
      items: [a, b, c],
      events: [
        created({ ...a, estimateHours: 4 }, "2026-01-02T09:00:00Z"), created(b, "2026-01-02T09:00:00Z"), created({ ...c, status: "OPEN" }, "2026-01-02T09:00:00Z"),
        event("a", "2026-01-03T10:00:00Z", "estimateHours", "4", "6"),
        event("a", "2026-01-04T10:00:00Z", "status", "OPEN", "DONE"),
        event("c", "2026-01-04T11:00:00Z", "status", "OPEN", "DONE"),
        event("a", "2026-01-05T10:00:00Z", "status", "DONE", "OPEN"),
      ],
      acceptances: [{ id: "r", itemId: "b", gateId: null, mitigation: "m", expiresOn: "2026-01-05", createdAt: "2026-01-03T12:00:00Z", revokedAt: null, acceptedById: "lead" }],
    });
    const days = computeHistory(t, "2026-01-01", "2026-01-07").map((d) => [d.date, d.scorePercent, d.openP1, d.remainingHours, d.verdict]);
    expect(days).toEqual([
      ["2026-01-01", null, 0, 0, "NO_GO"],
      ["2026-01-02", 0, 3, 9, "NO_GO"],
      ["2026-01-03", 0, 2, 8, "NO_GO"],
      ["2026-01-04", 66.7, 0, 0, "NO_GO"],
      ["2026-01-05", 33.3, 1, 6, "NO_GO"],
      ["2026-01-06", 33.3, 2, 9, "NO_GO"],
      ["2026-01-07", 33.3, 2, 9, "NO_GO"],
    ]);
  });

  it("agrees with a full readiness on every day of random projects", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const t = randomTimeline(seed);
      const days = computeHistory(t, "2025-12-30", "2026-02-02");
      for (const d of days) {
        const r = quickReadiness(readinessInputAsOf(t, d.date));
        expect([d.scorePercent, d.verdict, d.openP1, d.remainingHours], `seed ${seed} ${d.date}`)
          .toEqual([r.score.overallPercent, r.verdict.value, r.blockers.open, r.blockers.openHours]);
      }
      expect(days).toHaveLength(35);
      expect(days.at(-1)!.date).toBe(addDays("2025-12-30", 34));
    }
  });
});
