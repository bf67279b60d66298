import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { computeChanges } from "./compute-changes";
import { computeHistory } from "./compute-history";
import { created, event, makeTimeline, randomTimeline, timelineItem } from "./history-fixtures";

describe("computeChanges", () => {
  it("lists resolved, re-estimated, reopened, risk and weight changes with deltas that sum to the difference", () => {
    const items = ["a", "b", "c", "d"].map((id) => timelineItem(id, { categoryId: id === "d" ? "ops" : "sec" }));
    const t = makeTimeline({
      items,
      categories: [
        { id: "sec", name: "Security", weight: 1, position: 0, weightChanges: [] },
        { id: "ops", name: "Operations", weight: 2, position: 1, weightChanges: [{ at: "2026-01-06T08:00:00Z", from: 1, to: 2, actorId: "lead" }] },
      ],
      events: [
        ...items.map((i) => created(i, "2026-01-02T09:00:00Z")),
        event("a", "2026-01-05T10:00:00Z", "status", "OPEN", "DONE", "eng"),
        event("b", "2026-01-05T11:00:00Z", "status", "OPEN", "IN_PROGRESS", "eng"),
        event("c", "2026-01-05T12:00:00Z", "estimateHours", "4", "7", "lead"),
        event("d", "2026-01-06T09:00:00Z", "status", "OPEN", "DONE", "eng"),
      ],
      acceptances: [{ id: "r", itemId: "b", gateId: null, mitigation: "m", expiresOn: "2026-01-06", createdAt: "2026-01-05T13:00:00Z", revokedAt: null, acceptedById: "lead" }],
    });
    const r = computeChanges(t, "2026-01-04", "2026-01-07");
    expect(r.from).toEqual({ date: "2026-01-04", scorePercent: 0, verdict: "NO_GO" });
    expect(r.to.scorePercent).toBe(60);
    expect(r.changes.map((c) => [c.itemId, c.kind, c.scoreDeltaPoints, c.byUserId])).toEqual([
      ["a", "resolved", 25, "eng"],
      ["c", "re-estimated", 0, "lead"],
      ["b", "risk-accepted", 0, "lead"],
      [null, "category-weight-changed", -5, "lead"],
      ["d", "resolved", 40, "eng"],
      ["b", "risk-expired", 0, null],
    ]);
    expect(r.changes[1].detail).toBe("4 h → 7 h");
    expect(r.changes.find((c) => c.kind === "risk-expired")!.at).toBe("2026-01-07T00:00:00.000Z");
  });

  it("lists a gate moved by a run with the run as its cause", () => {
    const run = { id: "r1", name: "Peak 200", kind: "LOAD" as const, users: 200, durationSeconds: 300, requests: 1000, failures: 0, p50Ms: 20, p95Ms: 50, p99Ms: 80, maxMs: 90, throughputRps: 10, runDate: "2026-01-05", createdAt: "2026-01-05T12:00:00Z", steps: [] };
    const r = computeChanges(makeTimeline({ runs: [run] }), "2026-01-03", "2026-01-06");
    expect(r.gateChanges.map((g) => [g.gate, g.from, g.to, g.cause])).toEqual([["capacity", "fail", "pass", "run “Peak 200” (2026-01-05)"]]);
    expect(r.changes).toEqual([]);
  });

  it("counts stale evidence as not done: evidence expired, then valid again", () => {
    const a = timelineItem("a", { status: "DONE" }), b = timelineItem("b");
    const t = makeTimeline({ items: [a, b], events: [created(a, "2026-01-02T09:00:00Z"), created(b, "2026-01-02T09:00:00Z")], staleItemIdsByDay: { "2026-01-05": ["a"], "2026-01-06": ["a"] } });
    const r = computeChanges(t, "2026-01-03", "2026-01-08");
    expect(r.changes.map((c) => [c.kind, c.scoreDeltaPoints, c.at.slice(0, 10)])).toEqual([["evidence-expired", -50, "2026-01-05"], ["resolved", 50, "2026-01-07"]]);
    expect(computeHistory(t, "2026-01-04", "2026-01-07").map((d) => [d.scorePercent, d.openP1])).toEqual([[50, 1], [0, 2], [0, 2], [50, 1]]);
  });

  it("a change written without an item event counts from the moment the rows were read", () => {
    const a = timelineItem("a", { status: "DONE" }), b = timelineItem("b"), gone = timelineItem("gone");
    const t = makeTimeline({
      items: [a, b], removedItems: [gone], loadedAt: "2026-01-09T15:00:00.000Z",
      events: [created({ ...a, status: "OPEN" }, "2026-01-02T09:00:00Z"), created(b, "2026-01-02T09:00:00Z"), created(gone, "2026-01-02T09:00:00Z")],
    });
    expect(computeHistory(t, "2026-01-08", "2026-01-09").map((d) => [d.scorePercent, d.openP1])).toEqual([[0, 3], [50, 1]]);
    const r = computeChanges(t, "2026-01-08", "2026-01-09");
    expect(r.changes.map((c) => [c.itemId, c.kind, c.scoreDeltaPoints, c.at])).toEqual([
      ["a", "resolved", 33.3, "2026-01-09T15:00:00.000Z"], ["gone", "removed", 16.7, "2026-01-09T15:00:00.000Z"],
    ]);
    expect(r.changes[0].detail).toContain("recorded without an item event");
  });

  it("attributes the score difference exactly, for random projects and random ranges (seeded)", () => {
    const rnd = createRandom(0x5eed);
    for (let seed = 1; seed <= 200; seed++) {
      const t = randomTimeline(seed * 7919);
      const d1 = 1 + Math.floor(rnd() * 20), d2 = d1 + Math.floor(rnd() * 12);
      const day = (d: number) => `2026-01-${String(d).padStart(2, "0")}`;
      const r = computeChanges(t, day(d1), day(d2));
      const [h1, h2] = [computeHistory(t, day(d1), day(d1))[0], computeHistory(t, day(d2), day(d2))[0]];
      expect([r.from.scorePercent, r.to.scorePercent, r.to.verdict], `seed ${seed}`).toEqual([h1.scorePercent, h2.scorePercent, h2.verdict]);
      const sumTenths = r.changes.reduce((s, c) => s + Math.round(c.scoreDeltaPoints * 10), 0);
      expect(sumTenths, `seed ${seed}`).toBe(Math.round((r.to.scorePercent ?? 0) * 10) - Math.round((r.from.scorePercent ?? 0) * 10));
      for (const c of r.changes) expect(Number.isInteger(Math.round(c.scoreDeltaPoints * 10)) && Math.abs(c.scoreDeltaPoints * 10 - Math.round(c.scoreDeltaPoints * 10)) < 1e-9).toBe(true);
    }
  });
});
