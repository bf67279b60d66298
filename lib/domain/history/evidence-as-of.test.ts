import { describe, expect, it } from "vitest";
import { computeReadiness } from "../compute-readiness";
import { computeChanges } from "./compute-changes";
import { computeHistory } from "./compute-history";
import { computeStaleItemIdsByDay, evidenceDater } from "./evidence-as-of";
import { created, event, makeTimeline, timelineItem } from "./history-fixtures";
import { readinessInputAsOf } from "./readiness-input-as-of";
import type { ProjectTimeline } from "./types";

/**
 * Two P1 items in Security (validity 30 days): `a` marked DONE on 2026-01-01, so current through
 * 2026-01-30 and stale from 2026-01-31; `b` stays open. Re-confirmed on 2026-02-03.
 */
function timeline(): ProjectTimeline {
  const a = timelineItem("a", { status: "DONE", evidenceAt: "2026-02-03T10:00:00.000Z" });
  const b = timelineItem("b");
  const base = makeTimeline({
    categories: [{ id: "sec", name: "Security", weight: 1, position: 0, weightChanges: [], evidenceValidDays: 30 }],
    items: [a, b],
    events: [
      created({ ...a, status: "OPEN" }, "2025-12-30T09:00:00.000Z"), created(b, "2025-12-30T09:00:00.000Z"),
      event("a", "2026-01-01T12:00:00.000Z", "status", "OPEN", "DONE"),
    ],
    evidenceDatings: [{ itemId: "a", at: "2026-01-01T12:00:00.000Z" }, { itemId: "a", at: "2026-02-03T10:00:00.000Z" }],
  });
  return { ...base, staleItemIdsByDay: computeStaleItemIdsByDay(base, "2026-01-28", "2026-02-05") };
}

describe("evidence freshness as of a day", () => {
  it("dates evidence by the latest dating event before the instant", () => {
    const date = evidenceDater(timeline());
    expect(date("a", Date.parse("2026-01-01T12:00:00.000Z"))).toBeNull();
    expect(date("a", Date.parse("2026-01-02T00:00:00.000Z"))).toBe("2026-01-01T12:00:00.000Z");
    expect(date("a", Date.parse("2026-02-04T00:00:00.000Z"))).toBe("2026-02-03T10:00:00.000Z");
  });

  it("stale exactly from the expiry day until re-confirmed", () => {
    const byDay = timeline().staleItemIdsByDay!;
    expect(byDay["2026-01-30"]).toBeUndefined();
    expect(byDay["2026-01-31"]).toEqual(["a"]);
    expect(byDay["2026-02-02"]).toEqual(["a"]);
    expect(byDay["2026-02-03"]).toBeUndefined();
  });

  it("readiness as of a day counts stale evidence as not done and lists it, as the history does", () => {
    const t = timeline();
    const on30 = computeReadiness(readinessInputAsOf(t, "2026-01-30"));
    const on31 = computeReadiness(readinessInputAsOf(t, "2026-01-31"));
    expect(on30.score.overallPercent).toBe(50);
    expect(on30.stale).toEqual([]);
    expect(on31.score.overallPercent).toBe(0);
    expect(on31.stale).toEqual([{ itemId: "a", title: "Item a", expiredOn: "2026-01-31" }]);
    const history = computeHistory(t, "2026-01-30", "2026-02-03");
    expect(history.map((d) => d.scorePercent)).toEqual([50, 0, 0, 0, 50]);
    for (const d of history) expect(d.scorePercent).toBe(computeReadiness(readinessInputAsOf(t, d.date)).score.overallPercent);
  });

  it("explains the drop as evidence expired", () => {
    const c = computeChanges(timeline(), "2026-01-30", "2026-01-31");
    expect(c.changes.map((x) => [x.itemId, x.kind, x.scoreDeltaPoints])).toEqual([["a", "evidence-expired", -50]]);
  });
});
