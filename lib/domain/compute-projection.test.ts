import { describe, expect, it } from "vitest";
import week9Json from "../../prisma/seed/week9-day4.json";
import { computeProjection, type ProjectionInput } from "./compute-projection";
import { createRandom } from "./random";
import { replayItemEvents } from "./replay-item-events";
import { mapWeek9Scenario } from "./scenario-mapping";
import { simulateLaunchDates } from "./simulate-launch-dates";
import { makeItem, makeSettings } from "./test-fixtures";
import type { DomainItemEvent } from "./types";

const asOf = "2026-01-18";
const settings = makeSettings();
const weekdays = makeSettings({ workingDays: ["Mon", "Tue", "Wed", "Thu", "Fri"] });
const project = (input: Partial<ProjectionInput>) => computeProjection({ settings, items: [], events: [], asOf, ...input });

describe("computeProjection", () => {
  it("reproduces week9: 89 h / 8 → 12 days → 2026-01-30", () => {
    const week9 = mapWeek9Scenario(week9Json);
    const projection = computeProjection(week9);
    expect(projection).toMatchObject({
      remainingHours: 89, remainingLowHours: 88.5, remainingHighHours: 93,
      deterministic: { date: "2026-01-30", workingDays: 12 },
      probabilistic: { p50: "2026-01-30", p85: "2026-01-30", p95: "2026-01-30" },
      velocity: null, conditional: null,
    });
  });

  it("skips non-working days", () => {
    const projection = project({ settings: weekdays, items: [makeItem({ estimateHours: 16 })], asOf: "2026-01-23" });
    expect(projection.deterministic).toEqual({ date: "2026-01-27", workingDays: 2 });
  });

  it("gives asOf with nothing remaining and null without team hours", () => {
    const none = project({ items: [makeItem({ status: "DONE" })] });
    expect(none.deterministic).toEqual({ date: asOf, workingDays: 0 });
    expect(none.probabilistic).toMatchObject({ p50: asOf, p95: asOf });
    const noTeam = project({ settings: makeSettings({ teamHoursPerDay: 0 }), items: [makeItem({ deferrable: true })] });
    expect(noTeam).toMatchObject({ remainingHours: 4, deterministic: null, probabilistic: null, conditional: null });
  });

  it("leaves risk-accepted items out and counts unestimated items as 0 h", () => {
    const items = [
      makeItem({ estimateHours: 10, riskAcceptance: { mitigation: "m", expiresOn: "2026-02-01" } }),
      makeItem({ estimateHours: 7, riskAcceptance: { mitigation: "m", expiresOn: "2026-01-01" } }),
      makeItem({ estimateHours: null, estimateLowHours: 1, estimateHighHours: 30 }),
    ];
    expect(project({ items })).toMatchObject({ remainingHours: 7, remainingLowHours: 7, remainingHighHours: 7 });
  });

  it("is reproducible and independent of item order", () => {
    const items = Array.from({ length: 30 }, (_, i) => makeItem({ estimateHours: 4, estimateLowHours: 2, estimateHighHours: 4 + i }));
    const a = project({ items });
    const b = project({ items: [...items].reverse() });
    expect(b.probabilistic).toEqual(a.probabilistic);
    const { p50, p85, p95 } = a.probabilistic!.workingDays;
    expect(p50).toBeGreaterThanOrEqual(a.deterministic!.workingDays);
    expect(p50 <= p85 && p85 <= p95).toBe(true);
  });

  it("matches the triangular distribution's quantiles", () => {
    const dates = simulateLaunchDates([{ id: "x", low: 0, mode: 0, high: 80 }], { hoursPerDay: 8, workingDays: settings.workingDays, asOf });
    // F⁻¹(p) = 80 (1 − √(1 − p)): 23.4 h, 49.0 h, 62.1 h → 3, 7, 8 days
    expect(dates!.workingDays).toEqual({ p50: 3, p85: 7, p95: 8 });
    expect(dates!.p85).toBe("2026-01-25");
  });

  it("uses the most likely value when the range is missing", () => {
    const projection = project({ items: [makeItem({ estimateHours: 20 }), makeItem({ estimateHours: 5, estimateLowHours: 5 })] });
    expect(projection.probabilistic).toMatchObject({ p50: "2026-01-22", p95: "2026-01-22" });
  });

  it("projects with the hours closed over the last 14 days", () => {
    const closed = [makeItem({ estimateHours: 8, status: "DONE" }), makeItem({ estimateHours: 20, status: "DONE" }), makeItem({ estimateHours: 6, status: "DONE" })];
    const open = makeItem({ estimateHours: 10 });
    const close = (itemId: string, day: string): DomainItemEvent => ({ itemId, at: `${day}T10:00:00Z`, field: "status", from: "IN_PROGRESS", to: "DONE" });
    const events = [close(closed[0].id, "2026-01-10"), close(closed[1].id, "2026-01-18"), close(closed[2].id, "2026-01-04")];
    const projection = project({ items: [...closed, open], events });
    expect(projection.velocity).toEqual({ hoursPerDay: 2, closedHours: 28, windowDays: 14, date: "2026-01-23", workingDays: 5 });
    const weekly = project({ settings: weekdays, items: [...closed, open], events });
    expect(weekly.velocity).toMatchObject({ hoursPerDay: 2.8, workingDays: 4, date: "2026-01-22" });
  });

  it("has no velocity without closed work, and nets out reopened work", () => {
    const item = makeItem({ estimateHours: 8 });
    const events: DomainItemEvent[] = [
      { itemId: item.id, at: "2026-01-10T10:00:00Z", field: "status", from: "OPEN", to: "DONE" },
      { itemId: item.id, at: "2026-01-12T10:00:00Z", field: "status", from: "DONE", to: "OPEN" },
    ];
    expect(project({ items: [item], events }).velocity).toBeNull();
    expect(project({ items: [item] }).velocity).toBeNull();
  });

  it("projects without deferrable items when some are deferrable", () => {
    const items = [makeItem({ estimateHours: 16 }), makeItem({ estimateHours: 40, estimateHighHours: 80, deferrable: true })];
    expect(project({ items }).conditional).toEqual({
      remainingHours: 16, date: "2026-01-20", workingDays: 2, p85: "2026-01-20", deferredItems: 1,
    });
    expect(project({ items: [makeItem()] }).conditional).toBeNull();
  });
});

describe("computeProjection's velocity replays only the items changed in its window", () => {
  it("equals the projection from the whole backlog's replay, on 300 random backlogs", () => {
    const r = createRandom(11);
    const statuses = ["OPEN", "IN_PROGRESS", "DONE"] as const;
    for (let k = 0; k < 300; k++) {
      const items = Array.from({ length: 1 + Math.floor(r() * 30) }, (_, i) => makeItem({
        id: `p${i}`, status: statuses[Math.floor(r() * 3)], priority: r() < 0.7 ? "P1" : "P2",
        estimateHours: Math.round(r() * 40) / 4, createdAt: `2025-12-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}T09:00:00.000Z`,
      }));
      const events: DomainItemEvent[] = Array.from({ length: Math.floor(r() * 60) }, () => {
        const day = 1 + Math.floor(r() * 40);
        const at = new Date(Date.parse("2025-12-10T00:00:00Z") + day * 86_400_000 + Math.floor(r() * 86_400_000)).toISOString();
        const field = r() < 0.7 ? "status" : "estimateHours";
        const to = field === "status" ? statuses[Math.floor(r() * 3)] : String(Math.round(r() * 20));
        return { itemId: `p${Math.floor(r() * 35)}`, at, field, from: null, to };
      });
      const input = { settings: weekdays, items, events, asOf };
      expect(computeProjection(input), `backlog ${k}`).toEqual(computeProjection({ ...input, changes: replayItemEvents(items, events) }));
    }
  });
});
