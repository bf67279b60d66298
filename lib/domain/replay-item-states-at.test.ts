import { describe, expect, it } from "vitest";
import { createRandom } from "./random";
import { replayItemStates, replayItemStatesAt, type ReplayedItemState } from "./replay-item-events";
import { makeItem } from "./test-fixtures";
import type { DomainItem, DomainItemEvent } from "./types";

/** The reference: every transition replayed and sorted, the last one before `endMs` of each item. */
function referenceStatesAt(items: DomainItem[], events: DomainItemEvent[], removed: DomainItem[], reconcileAt: number | undefined, endMs: number) {
  const states = new Map<string, ReplayedItemState>();
  for (const t of replayItemStates(items, events, removed, reconcileAt)) {
    if (t.at >= endMs) break;
    states.set(t.itemId, t.after);
  }
  return states;
}

const DAY = 86_400_000;
const START = Date.parse("2026-01-01T00:00:00Z");
const FIELDS = ["status", "priority", "estimateHours", "estimateLowHours", "estimateHighHours", "categoryId", "deferrable", "deleted", "restored", "title", "created"];
const VALUES: Record<string, (r: () => number) => string | null> = {
  status: (r) => ["OPEN", "IN_PROGRESS", "DONE", "NOT_APPLICABLE", "bogus"][Math.floor(r() * 5)],
  priority: (r) => ["P1", "P2", "P3", null][Math.floor(r() * 4)],
  estimateHours: (r) => (r() < 0.2 ? null : String(Math.round(r() * 20))),
  estimateLowHours: (r) => (r() < 0.3 ? "" : String(Math.round(r() * 10))),
  estimateHighHours: (r) => String(Math.round(r() * 40)),
  categoryId: (r) => (r() < 0.2 ? null : `cat-${Math.floor(r() * 3)}`),
  deferrable: (r) => String(r() < 0.5),
};

/** A random project history: current items, deleted ones, events on shared instants, some unreadable. */
function randomTimeline(seed: number) {
  const r = createRandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  // Few distinct instants, so ties between items and within an item are common.
  const instant = () => new Date(START + Math.floor(r() * 12) * (DAY / 2)).toISOString();
  const items = Array.from({ length: 1 + Math.floor(r() * 12) }, (_, i) => makeItem({
    id: `i${i}`, priority: pick(["P1", "P2", "P3"] as const), status: pick(["OPEN", "DONE", "IN_PROGRESS"] as const),
    estimateHours: r() < 0.2 ? null : Math.round(r() * 10), createdAt: r() < 0.1 ? "not a date" : instant(), deferrable: r() < 0.3,
  }));
  const removed = Array.from({ length: Math.floor(r() * 3) }, (_, i) => makeItem({ id: `gone${i}`, createdAt: instant() }));
  const ids = [...items.map((i) => i.id), ...removed.map((i) => i.id), "orphan"];
  const events: DomainItemEvent[] = Array.from({ length: Math.floor(r() * 40) }, () => {
    const field = pick(FIELDS);
    const e: DomainItemEvent = { itemId: pick(ids), at: r() < 0.03 ? "garbage" : instant(), field, from: VALUES[field]?.(r) ?? null, to: VALUES[field]?.(r) ?? null };
    if (field === "created" && r() < 0.7) e.snapshot = { priority: pick(["P1", "P2"] as const), status: "OPEN", estimateHours: Math.round(r() * 8) };
    return e;
  });
  const reconcileAt = r() < 0.3 ? undefined : START + Math.floor(r() * 12) * (DAY / 2);
  return { items, events, removed, reconcileAt };
}

describe("replayItemStatesAt", () => {
  it("gives exactly the states and the order of the full replay cut at the instant, on 400 random histories", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { items, events, removed, reconcileAt } = randomTimeline(seed);
      for (const day of [0, 1, 2, 3, 5, 8]) {
        const endMs = START + day * DAY;
        const expected = [...referenceStatesAt(items, events, removed, reconcileAt, endMs)];
        const actual = [...replayItemStatesAt(items, events, removed, reconcileAt, endMs)];
        expect(actual, `seed ${seed}, day ${day}`).toEqual(expected);
      }
    }
  });

  it("applies a reconciliation only when it happened before the instant", () => {
    const item = makeItem({ id: "a", status: "DONE", createdAt: "2026-01-01T00:00:00.000Z" });
    const events: DomainItemEvent[] = [{ itemId: "a", at: "2026-01-01T00:00:00.000Z", field: "created", from: null, to: null, snapshot: { priority: "P1", status: "OPEN", estimateHours: 4 } }];
    const readAt = Date.parse("2026-01-03T12:00:00Z");
    expect(replayItemStatesAt([item], events, [], readAt, Date.parse("2026-01-03T00:00:00Z")).get("a")?.status).toBe("OPEN");
    expect(replayItemStatesAt([item], events, [], readAt, Date.parse("2026-01-04T00:00:00Z")).get("a")?.status).toBe("DONE");
  });
});
