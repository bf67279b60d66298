import { describe, expect, it } from "vitest";
import { replayItemEvents } from "./replay-item-events";
import { makeItem } from "./test-fixtures";
import type { DomainItemEvent } from "./types";

const ev = (itemId: string, at: string, field: string, from: string | null, to: string | null): DomainItemEvent =>
  ({ itemId, at, field, from, to });

describe("replayItemEvents", () => {
  it("follows an item from its created snapshot through re-estimates, closing and reopening", () => {
    const item = makeItem({ id: "a", estimateHours: 6, status: "OPEN" });
    const events: DomainItemEvent[] = [
      ev("a", "2026-01-05T12:00:00Z", "estimateHours", "4", "6"),
      { ...ev("a", "2026-01-02T09:00:00Z", "created", null, null), snapshot: { priority: "P1", status: "OPEN", estimateHours: 4 } },
      ev("a", "2026-01-06T12:00:00Z", "status", "OPEN", "DONE"),
      ev("a", "2026-01-07T12:00:00Z", "status", "DONE", "OPEN"),
      ev("a", "2026-01-07T13:00:00Z", "title", "x", "y"),
    ];
    expect(replayItemEvents([item], events).map((c) => [c.day, c.kind, c.hoursDelta, c.countDelta])).toEqual([
      ["2026-01-02", "added", 4, 1],
      ["2026-01-05", "reestimated", 2, 0],
      ["2026-01-06", "closed", -6, -1],
      ["2026-01-07", "reopened", 6, 1],
    ]);
  });

  it("tracks priority changes and deletions, including deleted items known only from events", () => {
    const events: DomainItemEvent[] = [
      { ...ev("gone", "2026-01-01T00:00:00Z", "created", null, null), snapshot: { priority: "P2", status: "OPEN", estimateHours: 3 } },
      ev("gone", "2026-01-02T00:00:00Z", "priority", "P2", "P1"),
      ev("gone", "2026-01-03T00:00:00Z", "priority", "P1", "P3"),
      ev("gone", "2026-01-03T01:00:00Z", "priority", "P3", "P1"),
      ev("gone", "2026-01-04T00:00:00Z", "deleted", null, null),
      ev("unknown", "2026-01-04T00:00:00Z", "status", "OPEN", "DONE"),
    ];
    expect(replayItemEvents([], events).map((c) => [c.day, c.kind, c.hoursDelta])).toEqual([
      ["2026-01-02", "added", 3],
      ["2026-01-03", "removed", -3],
      ["2026-01-03", "added", 3],
      ["2026-01-04", "removed", -3],
    ]);
  });

  it("without a snapshot, undoes the first recorded change of each field from the current item", () => {
    const item = makeItem({ id: "b", priority: "P1", status: "DONE", estimateHours: 5, createdAt: "2026-01-03T00:00:00Z" });
    const events = [ev("b", "2026-01-04T00:00:00Z", "estimateHours", "2", "5"), ev("b", "2026-01-05T00:00:00Z", "status", "IN_PROGRESS", "DONE")];
    expect(replayItemEvents([item], events).map((c) => [c.day, c.kind, c.hoursDelta])).toEqual([
      ["2026-01-03", "added", 2],
      ["2026-01-04", "reestimated", 3],
      ["2026-01-05", "closed", -5],
    ]);
  });

  it("treats an item without events as created at createdAt in its current state", () => {
    const changes = replayItemEvents([makeItem({ id: "c", estimateHours: null }), makeItem({ status: "DONE" })], []);
    expect(changes).toEqual([{ itemId: "c", at: Date.parse("2026-01-01T09:00:00.000Z"), day: "2026-01-01", kind: "added", hoursDelta: 0, countDelta: 1 }]);
  });
});
