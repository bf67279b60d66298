import { describe, expect, it } from "vitest";
import { computeBurndown } from "./compute-burndown";
import { makeItem, makeSettings } from "./test-fixtures";
import type { DomainItemEvent } from "./types";

const created = (itemId: string, at: string, estimateHours: number, priority: "P1" | "P2" = "P1"): DomainItemEvent =>
  ({ itemId, at, field: "created", from: null, to: null, snapshot: { priority, status: "OPEN", estimateHours } });

describe("computeBurndown", () => {
  const items = [
    makeItem({ id: "a", estimateHours: 10, status: "DONE" }),
    makeItem({ id: "b", estimateHours: 6 }),
    makeItem({ id: "c", estimateHours: 4 }),
    makeItem({ id: "d", priority: "P1", estimateHours: 2 }),
  ];
  const events: DomainItemEvent[] = [
    created("a", "2026-01-10T09:00:00Z", 10),
    created("b", "2026-01-10T09:00:00Z", 6),
    created("c", "2026-01-11T09:00:00Z", 4),
    created("d", "2026-01-10T09:00:00Z", 2, "P2"),
    { itemId: "a", at: "2026-01-12T17:00:00Z", field: "status", from: "OPEN", to: "DONE" },
    { itemId: "d", at: "2026-01-12T18:00:00Z", field: "priority", from: "P2", to: "P1" },
    { itemId: "b", at: "2026-01-20T18:00:00Z", field: "status", from: "OPEN", to: "DONE" },
  ];
  const settings = makeSettings({ targetLaunchDate: "2026-01-20" });

  it("reconstructs remaining hours, counts and added scope per day up to asOf", () => {
    const burndown = computeBurndown({ settings, items, events, asOf: "2026-01-13" });
    expect(burndown.days).toEqual([
      { date: "2026-01-10", remainingHours: 16, remainingCount: 2, addedScopeHours: 0, cumulativeAddedHours: 0, idealHours: 16 },
      { date: "2026-01-11", remainingHours: 20, remainingCount: 3, addedScopeHours: 4, cumulativeAddedHours: 4, idealHours: 14.4 },
      { date: "2026-01-12", remainingHours: 12, remainingCount: 3, addedScopeHours: 2, cumulativeAddedHours: 6, idealHours: 12.8 },
      { date: "2026-01-13", remainingHours: 12, remainingCount: 3, addedScopeHours: 0, cumulativeAddedHours: 6, idealHours: 11.2 },
    ]);
    expect(burndown.ideal).toEqual([{ date: "2026-01-10", hours: 16 }, { date: "2026-01-20", hours: 0 }]);
  });

  it("draws forecast lines from the last day to the projected dates", () => {
    const burndown = computeBurndown({ settings, items, events, asOf: "2026-01-13" });
    // 12 h of current open P1 work (b 6 + c 4 + d 2) / 8 h → 2 days; velocity 10 h / 14 d.
    expect(burndown.forecast.deterministic).toEqual([{ date: "2026-01-13", hours: 12 }, { date: "2026-01-15", hours: 0 }]);
    expect(burndown.forecast.velocity).toEqual([{ date: "2026-01-13", hours: 12 }, { date: "2026-01-30", hours: 0 }]);
  });

  it("has no ideal line without a target and no days without history", () => {
    const burndown = computeBurndown({ settings: makeSettings(), items, events, asOf: "2026-01-11" });
    expect(burndown.ideal).toBeNull();
    expect(burndown.days.map((d) => d.idealHours)).toEqual([null, null]);
    expect(computeBurndown({ settings, items: [], events: [], asOf: "2026-01-11" }))
      .toEqual({ days: [], ideal: null, forecast: { deterministic: null, velocity: null } });
  });
});
