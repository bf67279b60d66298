import { describe, expect, it } from "vitest";
import { computeCapacity } from "../compute-capacity";
import { makeRun, makeSettings, makeStep } from "../test-fixtures";
import type { DomainChangeMarker, DomainRun } from "../types";
import { computeConfidence, findLastChange } from "./confidence";

const thresholds = makeSettings().thresholds;
const settings = { minRunSeconds: 300, minRequests: 1000 };
const asOf = "2026-01-18";

function confidenceOf(runs: DomainRun[], changeMarkers: DomainChangeMarker[] = [], s = settings) {
  return computeConfidence({ runs, capacity: computeCapacity(runs, thresholds), changeMarkers, settings: s, asOf });
}
function codes(runs: DomainRun[], markers: DomainChangeMarker[] = []) {
  return confidenceOf(runs, markers).reasons.map((r) => `${r.severity}:${r.code}`);
}
const red = { p95Ms: 2500, failures: 600, requests: 10_000 }; // 6 % errors, P95 2.5 s: red and ≥ 5 % → breaking
const marker = (at: string, label = "v2 deploy"): DomainChangeMarker => ({ at, label, kind: "deploy", version: null });

/** Three long runs, levels 100 / 200 / 300 (300 breaks), safe 200: the baseline with no reason. */
const solid = () => [
  makeRun(100, { name: "L100" }), makeRun(200, { name: "L200", durationSeconds: 600, requests: 40_000 }),
  makeRun(300, { name: "L300", ...red }),
];

describe("computeConfidence", () => {
  it("is high with several long runs, enough requests and close levels", () => {
    const c = confidenceOf(solid());
    expect(c).toEqual({ level: "high", reasons: [], decisiveUsers: 200 });
  });

  it("is low without any measurement", () => {
    const c = confidenceOf([]);
    expect(c.level).toBe("low");
    expect(c.reasons.map((r) => r.code)).toEqual(["no-measurement"]);
    expect(c.decisiveUsers).toBeNull();
  });

  it("is medium when every level comes from one stepped run (single run)", () => {
    // One run, steps 100/200/300 at 300 s and 5,000 requests each; 300 breaks; safe 200.
    const run = makeRun(null, {
      name: "Step load", steps: [makeStep(100, { durationSeconds: 300, requests: 5000 }), makeStep(200, { durationSeconds: 300, requests: 5000 }),
        makeStep(300, { durationSeconds: 300, ...red })],
    });
    const c = confidenceOf([run]);
    expect(c.level).toBe("medium");
    expect(c.reasons).toEqual([{ code: "single-run", severity: "minor", message: 'The capacity verdict rests on a single run ("Step load")' }]);
  });

  it("is low when the decisive level ran shorter than the minimum: 299 s < 300 s, 300 s is enough", () => {
    const short = solid();
    short[1] = { ...short[1], durationSeconds: 299 };
    expect(codes(short)).toEqual(["severe:short-run"]);
    expect(confidenceOf(short).reasons[0].message).toBe("The decisive level (200 users) was measured for 4 min 59 s, less than the 5 min required");
    const exact = solid();
    exact[1] = { ...exact[1], durationSeconds: 300 };
    expect(codes(exact)).toEqual([]);
  });

  it("reads a stepped run's step duration at the decisive level, not the run's", () => {
    // Run of 900 s, but the 200-user step lasted 120 s.
    const run = makeRun(null, { durationSeconds: 900, steps: [makeStep(100, { durationSeconds: 400, requests: 4000 }), makeStep(200, { durationSeconds: 120, requests: 4000 })] });
    const c = confidenceOf([run, makeRun(300, red)]);
    expect(c.reasons.map((r) => r.message)).toEqual(["The decisive level (200 users) was measured for 2 min, less than the 5 min required"]);
    expect(c.level).toBe("low");
  });

  it("is low with fewer requests than the minimum at the decisive level: 999 < 1,000, 1,000 is enough", () => {
    const few = solid();
    few[1] = { ...few[1], requests: 999 };
    expect(codes(few)).toEqual(["severe:few-requests"]);
    expect(confidenceOf(few).reasons[0].message).toBe("The decisive level (200 users) rests on 999 requests, fewer than the 1,000 required");
    const exact = solid();
    exact[1] = { ...exact[1], requests: 1000 };
    expect(codes(exact)).toEqual([]);
  });

  it("follows the project's settings", () => {
    expect(confidenceOf(solid(), [], { minRunSeconds: 900, minRequests: 50_000 }).reasons.map((r) => r.code)).toEqual(["short-run", "few-requests"]);
  });

  it("is low when the decisive level was measured before the last change, medium when only other levels were", () => {
    const runs = solid().map((r) => ({ ...r, runDate: "2026-01-10" }));
    runs[1] = { ...runs[1], runDate: "2026-01-16", startedAt: "2026-01-16T10:00:00.000Z" };
    // Deploy on 2026-01-15: the 100 and 300 levels (run day 2026-01-10) predate it, the decisive 200 does not.
    const minor = confidenceOf(runs, [marker("2026-01-15T09:00:00.000Z")]);
    expect(minor.level).toBe("medium");
    expect(minor.reasons).toEqual([{ code: "before-change", severity: "minor", message: '2 of 3 measured levels predate the deploy "v2 deploy" on 2026-01-15' }]);
    // Deploy on 2026-01-16 at 11:00, an hour after the decisive run started: severe.
    const severe = confidenceOf(runs, [marker("2026-01-16T11:00:00.000Z")]);
    expect(severe.level).toBe("low");
    expect(severe.reasons[0]).toEqual({ code: "before-change", severity: "severe", message: 'The decisive level (200 users) was measured on 2026-01-16, before the deploy "v2 deploy" on 2026-01-16' });
  });

  it("ignores changes after the as-of day and counts an undated run from its day's start", () => {
    expect(codes(solid(), [marker("2026-01-19T00:00:00.000Z")])).toEqual([]);
    expect(findLastChange([marker("2026-01-18T23:00:00.000Z", "a"), marker("2026-01-12T00:00:00.000Z", "b")], asOf)?.label).toBe("a");
    // Run day 2026-01-10 without a start time = 2026-01-10T00:00Z; a change at 00:00:01 that day is after it.
    expect(codes(solid(), [marker("2026-01-10T00:00:01.000Z")])).toEqual(["severe:before-change"]);
    expect(codes(solid(), [marker("2026-01-10T00:00:00.000Z")])).toEqual([]);
  });

  it("is medium when the levels around the breaking point are more than 2× apart", () => {
    // 100 and 250: 250 > 2 × 100 → sparse. 100 and 200: exactly 2× → not sparse.
    expect(codes([makeRun(50), makeRun(100), makeRun(250, red)])).toEqual(["minor:sparse-levels"]);
    expect(confidenceOf([makeRun(50), makeRun(100), makeRun(250, red)]).reasons[0].message)
      .toBe("The levels around the breaking point are more than 2× apart (100 and 250 users): it lies somewhere between them");
    expect(codes([makeRun(50), makeRun(100), makeRun(200, red)])).toEqual([]);
    expect(codes([makeRun(300, red), makeRun(400, red)])).toEqual(["minor:sparse-levels"]);
  });

  it("lists severe reasons before minor ones", () => {
    const run = makeRun(null, { name: "Smoke steps", steps: [makeStep(100, { durationSeconds: 60, requests: 500 }), makeStep(400, red)] });
    expect(codes([run])).toEqual(["severe:short-run", "severe:few-requests", "minor:single-run", "minor:sparse-levels"]);
  });
});
