import { describe, expect, it } from "vitest";
import { computeCapacity } from "./compute-capacity";
import { computeScore } from "./compute-score";
import { computeStability } from "./compute-stability";
import { computeVerdict, type VerdictInput } from "./compute-verdict";
import { makeCategory, makeItem, makeRun, makeSettings } from "./test-fixtures";
import type { DomainItem, DomainRun } from "./types";

const asOf = "2026-01-18";
const settings = makeSettings();
const goodRuns = [makeRun(100, { p95Ms: 40 }), makeRun(200, { p95Ms: 90 }), makeRun(300, { p95Ms: 300 })];
const accepted = (expiresOn: string) => ({ mitigation: "Manual restarts", expiresOn });

function verdictFor(items: DomainItem[], overrides: Partial<VerdictInput> & { runs?: DomainRun[] } = {}) {
  const { runs = goodRuns, ...rest } = overrides;
  return computeVerdict({
    settings, items, asOf,
    scorePercent: computeScore([makeCategory("cat")], items, asOf).overallPercent,
    capacity: computeCapacity(runs, settings.thresholds),
    stability: null, objectives: [{ name: "RTO", target: "< 4 h", measured: "2 h" }], gateWaivers: [],
    ...rest,
  });
}

const done = (n: number) => Array.from({ length: n }, () => makeItem({ status: "DONE" }));

describe("computeVerdict", () => {
  it("is GO when every gate passes and the score reaches the GO threshold", () => {
    const verdict = verdictFor(done(10));
    expect(verdict.value).toBe("GO");
    expect(verdict.gates.map((g) => g.id)).toEqual(["open-p1", "capacity", "anomaly", "stability", "objectives"]);
    expect(verdict.gates.every((g) => g.status === "pass")).toBe(true);
    expect(verdict.gates[0].reason).toBe("No open P1 items");
    expect(verdict.gates[4].reason).toBe("The objective is met: RTO 2 h meets < 4 h");
  });

  it("is CONDITIONAL_GO when all open P1 items are under current acceptance and the score ≥ 80", () => {
    const items = [...done(9), makeItem({ estimateHours: 6, riskAcceptance: accepted(asOf) })];
    const verdict = verdictFor(items);
    expect(verdict.gates[0]).toMatchObject({
      status: "waived", reason: "No open P1 item blocks: 1 open P1 item (6 h) under current risk acceptance",
    });
    expect(verdict.value).toBe("CONDITIONAL_GO");
  });

  it("is NO_GO when all are waived but the score is below the conditional threshold", () => {
    const items = [...done(3), makeItem({ riskAcceptance: accepted(asOf) })];
    const verdict = verdictFor(items);
    expect(verdict.value).toBe("NO_GO");
    expect(verdict.summary).toContain("75%");
  });

  it("blocks again once an acceptance has expired", () => {
    const items = [...done(9), makeItem({ estimateHours: 2.5, riskAcceptance: accepted("2026-01-17") })];
    const verdict = verdictFor(items);
    expect(verdict.gates[0]).toMatchObject({
      status: "fail", reason: "1 open P1 item (2.5 h) blocks launch, 1 of them with an expired risk acceptance",
    });
    expect(verdict.value).toBe("NO_GO");
  });

  it("waives a failing gate with a current gate waiver, not with an expired one", () => {
    const runs = [makeRun(100, { p95Ms: 40 }), makeRun(150, { p95Ms: 700 })];
    const failing = verdictFor(done(10), { runs });
    expect(failing.gates[1]).toMatchObject({
      status: "fail", reason: "Safe capacity 100 users is below 2 × 100 expected users = 200",
    });
    const waiver = { gateId: "capacity" as const, mitigation: "Accept degraded performance at 200+ users temporarily" };
    const expired = verdictFor(done(10), { runs, gateWaivers: [{ ...waiver, expiresOn: "2026-01-10" }] });
    expect(expired.value).toBe("NO_GO");
    const waived = verdictFor(done(10), { runs, gateWaivers: [{ ...waiver, expiresOn: "2026-02-01" }] });
    expect(waived.gates[1]).toMatchObject({ status: "waived", waiver: { expiresOn: "2026-02-01" } });
    expect(waived.gates[1].reason).toContain("risk accepted until 2026-02-01: Accept degraded performance");
    expect(waived.value).toBe("CONDITIONAL_GO");
  });

  it("fails capacity without runs, and stability on DO NOT PROCEED", () => {
    const noRuns = verdictFor(done(10), { runs: [] });
    expect(noRuns.gates[1].reason).toBe("No load test results: safe capacity unknown (needed 2 × 100 expected users = 200)");
    const stability = computeStability({ baseline: { meanMs: 10 }, samples: [{ t: "2026-01-01T00:00:00Z", responseMs: 30, requests: 1, failures: 0 }] });
    const bad = verdictFor(done(10), { stability });
    expect(bad.gates[3]).toMatchObject({ status: "fail" });
    expect(bad.gates[3].reason).toContain("DO NOT PROCEED (score 75, CRITICAL: latency degradation vs baseline)");
  });

  it("is NO_GO for a project without P1 items (score undefined)", () => {
    const verdict = verdictFor([]);
    expect(verdict.gates.every((g) => g.status === "pass")).toBe(true);
    expect(verdict).toMatchObject({ value: "NO_GO", summary: "NO-GO: no P1 items, so the readiness score is undefined" });
  });
});
