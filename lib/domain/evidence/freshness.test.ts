import { describe, expect, it } from "vitest";
import { computeReadiness } from "../compute-readiness";
import { makeCategory, makeItem, makeRun, makeSettings } from "../test-fixtures";
import {
  applyEvidenceFreshness, computeExpiryDay, filterFreshRuns, findRunValidityDays, isExpired, itemEvidenceExpiry,
} from "./freshness";

const security = makeCategory("sec", { name: "Security", evidenceValidDays: 90 });
const performance = makeCategory("perf", { name: "Performance", evidenceValidDays: 30, position: 1 });
const docs = makeCategory("docs", { name: "Documentation", position: 2 });

describe("evidence expiry day", () => {
  it("is the confirmation day plus the validity (UTC day of the instant)", () => {
    // 2026-01-01 + 30 days = 2026-01-31; an instant late in the UTC day still counts from that day.
    expect(computeExpiryDay("2026-01-01T23:59:00.000Z", 30)).toBe("2026-01-31");
    expect(computeExpiryDay("2026-01-01", 30)).toBe("2026-01-31");
    // 2025-12-20 + 90 = 2026-03-20 (11 days of Dec, 31 Jan, 28 Feb, 20 Mar).
    expect(computeExpiryDay("2025-12-20T10:00:00Z", 90)).toBe("2026-03-20");
  });

  it("is stale exactly on its expiry day, current the day before", () => {
    expect(isExpired("2026-01-31", "2026-01-30")).toBe(false);
    expect(isExpired("2026-01-31", "2026-01-31")).toBe(true);
    expect(isExpired("2026-01-31", "2026-02-01")).toBe(true);
  });

  it("takes the item's validity over its category's, and none for items not DONE", () => {
    const done = makeItem({ categoryId: "sec", status: "DONE", evidenceAt: "2026-01-01T09:00:00Z" });
    expect(itemEvidenceExpiry(done, 90)).toBe("2026-04-01");
    expect(itemEvidenceExpiry({ ...done, evidenceValidDays: 7 }, 90)).toBe("2026-01-08");
    expect(itemEvidenceExpiry(done, null)).toBeNull();
    expect(itemEvidenceExpiry({ ...done, status: "OPEN" }, 90)).toBeNull();
    expect(itemEvidenceExpiry({ ...done, evidenceAt: null }, 90)).toBeNull();
  });
});

describe("applyEvidenceFreshness", () => {
  const cats = [security, performance, docs];
  const expired = makeItem({ title: "WAF rules reviewed", categoryId: "sec", status: "DONE", evidenceAt: "2025-10-01T12:00:00Z" });
  const onDay = makeItem({ title: "Pen test", categoryId: "sec", status: "DONE", evidenceAt: "2025-10-20T08:00:00Z", evidenceValidDays: 90 });
  const current = makeItem({ title: "TLS config", categoryId: "sec", status: "DONE", evidenceAt: "2026-01-10T08:00:00Z" });
  const forever = makeItem({ title: "Runbook", categoryId: "docs", status: "DONE", evidenceAt: "2020-01-01T00:00:00Z" });
  const open = makeItem({ title: "Rate limiting", categoryId: "sec", status: "OPEN" });

  it("turns stale DONE items OPEN, lists them with the expiry day, and lists what expires next", () => {
    // expired: 2025-10-01 + 90 = 2025-12-30 < asOf. onDay: 2025-10-20 + 90 = 2026-01-18 = asOf → stale.
    // current: 2026-01-10 + 90 = 2026-04-10. forever: Documentation has no validity.
    const result = applyEvidenceFreshness([expired, onDay, current, forever, open], cats, "2026-01-18");
    expect(result.stale).toEqual([
      { itemId: expired.id, title: "WAF rules reviewed", expiredOn: "2025-12-30" },
      { itemId: onDay.id, title: "Pen test", expiredOn: "2026-01-18" },
    ]);
    expect(result.expiring).toEqual([{ itemId: current.id, title: "TLS config", expiresOn: "2026-04-10" }]);
    expect(result.items.map((i) => [i.title, i.status, i.evidenceExpiredOn ?? null])).toEqual([
      ["WAF rules reviewed", "OPEN", "2025-12-30"],
      ["Pen test", "OPEN", "2026-01-18"],
      ["TLS config", "DONE", null],
      ["Runbook", "DONE", null],
      ["Rate limiting", "OPEN", null],
    ]);
  });

  it("keeps the item current the day before it expires", () => {
    const result = applyEvidenceFreshness([onDay], cats, "2026-01-17");
    expect(result.stale).toEqual([]);
    expect(result.expiring).toEqual([{ itemId: onDay.id, title: "Pen test", expiresOn: "2026-01-18" }]);
  });

  it("counts a stale P1 item as not done in the score and as an open blocker in gate 1", () => {
    const item = makeItem({ title: "Pen test", categoryId: "sec", status: "DONE", estimateHours: 3, evidenceAt: "2025-10-20T08:00:00Z" });
    const other = makeItem({ categoryId: "sec", status: "DONE", evidenceAt: "2026-01-10T08:00:00Z" });
    const base = {
      settings: makeSettings(), categories: cats, events: [], runs: [], stabilityRun: null,
      objectives: [], gateWaivers: [],
    };
    // Day before expiry (2026-01-17): 2/2 done, gate 1 passes.
    const before = computeReadiness({ ...base, items: [item, other], asOf: "2026-01-17" });
    expect(before.score.overallPercent).toBe(100);
    expect(before.verdict.gates[0].status).toBe("pass");
    // Expiry day: 1/2 = 50 %, one open blocker of 3 h.
    const on = computeReadiness({ ...base, items: [item, other], asOf: "2026-01-18" });
    expect(on.score.overallPercent).toBe(50);
    expect(on.blockers).toMatchObject({ open: 1, openHours: 3, expiredEvidence: 1 });
    expect(on.verdict.gates[0]).toMatchObject({
      status: "fail", reason: "1 open P1 item (3 h) blocks launch, 1 of them done but with expired evidence",
    });
    expect(on.stale).toEqual([{ itemId: item.id, title: "Pen test", expiredOn: "2026-01-18" }]);
  });
});

describe("run freshness", () => {
  it("uses the Performance category's validity, matched by name", () => {
    expect(findRunValidityDays([security, performance])).toBe(30);
    expect(findRunValidityDays([security, makeCategory("p", { name: " performance " , evidenceValidDays: 14 })])).toBe(14);
    expect(findRunValidityDays([security])).toBeNull();
    expect(findRunValidityDays([makeCategory("p", { name: "Performance" })])).toBeNull();
  });

  it("drops a run exactly on its expiry day (run day + validity) from capacity", () => {
    // 2025-12-19 + 30 = 2026-01-18: stale on 2026-01-18, current on 2026-01-17.
    const old = makeRun(100, { name: "December load", runDate: "2025-12-19" });
    const recent = makeRun(200, { name: "January load", runDate: "2026-01-10" });
    expect(filterFreshRuns([old, recent], [performance], "2026-01-17").runs).toEqual([old, recent]);
    const on = filterFreshRuns([old, recent], [performance], "2026-01-18");
    expect(on.runs).toEqual([recent]);
    expect(on.stale).toEqual([{ runId: old.id, name: "December load", runDate: "2025-12-19", expiredOn: "2026-01-18" }]);
    expect(filterFreshRuns([old, recent], [docs], "2030-01-01").runs).toHaveLength(2);
  });

  it("takes stale runs out of the capacity gates and the confidence", () => {
    const base = {
      settings: makeSettings(), items: [], events: [], stabilityRun: null, objectives: [], gateWaivers: [],
      runs: [makeRun(250, { runDate: "2025-12-19", requests: 50_000 })],
    };
    const before = computeReadiness({ ...base, categories: [performance], asOf: "2026-01-17" });
    expect(before.capacity.safeCapacityUsers).toBe(250);
    expect(before.verdict.gates[1].status).toBe("pass");
    const on = computeReadiness({ ...base, categories: [performance], asOf: "2026-01-18" });
    expect(on.capacity.levels).toEqual([]);
    expect(on.verdict.gates[1].status).toBe("fail");
    expect(on.staleRuns.map((r) => r.expiredOn)).toEqual(["2026-01-18"]);
    expect(on.confidence.reasons.map((r) => r.code)).toEqual(["no-measurement"]);
  });
});
