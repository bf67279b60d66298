import { describe, expect, it } from "vitest";
import type { DomainRunStep } from "../types";
import { evaluateRunBlockers, findRunBlockers } from "./evaluate-run-blockers";
import type { BlockerRun, BlockerSettings, OpenRunBlocker } from "./types";

/** The DESIGN defaults: green < 100 ms / 0.1 %, yellow < 500 ms / 1 %, red < 2000 ms / 5 %; 2 × 100 users = 200 required. */
const S: BlockerSettings = {
  expectedProductionUsers: 100,
  requiredHeadroom: 2,
  thresholds: { green: { p95Ms: 100, errorRatePercent: 0.1 }, yellow: { p95Ms: 500, errorRatePercent: 1 }, red: { p95Ms: 2000, errorRatePercent: 5 } },
};

function step(users: number, p95Ms: number, failures: number, requests = 10_000): DomainRunStep {
  return { users, p95Ms, p50Ms: null, requests, failures, errorRatePercent: (failures / requests) * 100, durationSeconds: 60, throughputRps: null };
}
function run(over: Partial<BlockerRun>): BlockerRun {
  return { id: "r1", name: "Checkout stress", runDate: "2026-01-18", users: null, requests: 0, failures: 0, p95Ms: null, steps: [], endpoints: [], ...over };
}
const capacityItem: OpenRunBlocker = { itemId: "i1", rule: "capacity-zone", endpoint: "", users: 150 };

describe("capacity rule: red or death at or below the required load", () => {
  it("a single-level run at 150 users with P95 2400 ms is death (P95 ≥ 2000) → one item at 150 users", () => {
    const [f, ...rest] = findRunBlockers(run({ users: 150, requests: 1000, failures: 10, p95Ms: 2400 }), S);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "capacity-zone", endpoint: "", users: 150, zone: "death", p95Ms: 2400, errorRatePercent: 1 });
    expect(f.title).toBe("Load test: death zone at 150 users (required 200)");
    expect(f.description).toContain('Run "Checkout stress" of 2026-01-18 measured 150 users at P95 2400 ms and 1% errors');
    expect(f.description).toContain("required load of 200 users (2× 100 expected)");
  });

  it("red or death only above the required load opens nothing", () => {
    expect(findRunBlockers(run({ users: 250, requests: 1000, failures: 30, p95Ms: 900 }), S)).toEqual([]);
    // 200 users exactly is "at" the required load: 3 % errors → red.
    expect(findRunBlockers(run({ users: 200, requests: 1000, failures: 30, p95Ms: 90 }), S).map((f) => [f.users, f.zone])).toEqual([[200, "red"]]);
  });

  it("a stepped run names its lowest failing level at or below 200; its endpoints are not judged (it went past 200)", () => {
    const r = run({
      steps: [step(50, 80, 5), step(100, 300, 50), step(200, 1200, 200), step(300, 4000, 900)],
      endpoints: [{ method: "POST", name: "/checkout", requests: 1000, failures: 60, p95Ms: 3000 }],
    });
    expect(findRunBlockers(r, S).map((f) => [f.rule, f.users, f.zone, f.errorRatePercent])).toEqual([["capacity-zone", 200, "red", 2]]);
  });

  it("a run with neither users nor steps cannot be placed: no capacity item", () => {
    expect(findRunBlockers(run({ requests: 100, failures: 50, p95Ms: 5000 }), S)).toEqual([]);
  });
});

describe("endpoint rule: an endpoint failing at or above the red error bound (5 %)", () => {
  it("60/1000 = 6 % and exactly 50/1000 = 5 % open items, 49/1000 = 4.9 % does not", () => {
    const r = run({
      users: 100, requests: 3000, failures: 159, p95Ms: 80,
      endpoints: [
        { method: "POST", name: "/checkout", requests: 1000, failures: 60, p95Ms: 250 },
        { method: null, name: "login", requests: 1000, failures: 50, p95Ms: 40 },
        { method: "GET", name: "/health", requests: 1000, failures: 49, p95Ms: 10 },
      ],
    });
    const found = findRunBlockers(r, S);
    // 159/3000 = 5.3 % overall → death at 100 users as well.
    expect(found.map((f) => [f.rule, f.endpoint, f.errorRatePercent])).toEqual([
      ["capacity-zone", "", 5.3], ["endpoint-errors", "POST /checkout", 6], ["endpoint-errors", "login", 5],
    ]);
    expect(found[1].title).toBe("Load test: POST /checkout fails 6% at 100 users");
    expect(found[1].description).toContain("failed 60 of 1,000 requests (6%, P95 250 ms) at 100 users, at or above the red error bound of 5%");
  });
});

describe("evaluateRunBlockers: one open item per (series, rule, endpoint); a passing run resolves", () => {
  const failing = run({ id: "r2", users: 150, requests: 1000, failures: 10, p95Ms: 2400 });

  it("opens when nothing is open, adds to the open item otherwise", () => {
    expect(evaluateRunBlockers(failing, S, []).map((a) => a.kind)).toEqual(["open"]);
    const again = evaluateRunBlockers(failing, S, [capacityItem]);
    expect(again).toMatchObject([{ kind: "fail-again", itemId: "i1", finding: { users: 150 } }]);
  });

  it("a later run yellow up to 200 users resolves the 150-user item with itself as evidence", () => {
    const pass = run({ id: "r3", name: "Rerun", runDate: "2026-01-20", steps: [step(100, 300, 50), step(150, 400, 60), step(200, 450, 90)] });
    const [a] = evaluateRunBlockers(pass, S, [capacityItem]);
    expect(a).toEqual({
      kind: "resolve", itemId: "i1", rule: "capacity-zone", endpoint: "", users: 150,
      evidence: 'Run "Rerun" of 2026-01-20 (id r3) stays yellow or better up to 150 users: P95 400 ms, 0.6% errors',
    });
  });

  it("a run that did not reach the item's load, is red at the first level above it, or fails again below 200, does not resolve it", () => {
    expect(evaluateRunBlockers(run({ steps: [step(50, 80, 0), step(100, 300, 50)] }), S, [capacityItem])).toEqual([]);
    // 100 yellow, then 250 red (above 200: no new item), so 150 users is not shown to pass.
    expect(evaluateRunBlockers(run({ steps: [step(100, 300, 50), step(250, 900, 300)] }), S, [capacityItem])).toEqual([]);
    const worse = evaluateRunBlockers(run({ steps: [step(100, 300, 50), step(150, 400, 60), step(200, 2100, 90)] }), S, [capacityItem]);
    expect(worse).toMatchObject([{ kind: "fail-again", itemId: "i1", finding: { users: 200, zone: "death" } }]);
  });

  it("an endpoint item resolves when the endpoint stays below 5 %, and not when the run did not call it", () => {
    const item: OpenRunBlocker = { itemId: "i9", rule: "endpoint-errors", endpoint: "POST /checkout", users: 100 };
    const ok = run({ users: 100, requests: 1000, failures: 2, p95Ms: 80, endpoints: [{ method: "POST", name: "/checkout", requests: 1000, failures: 2, p95Ms: 90 }] });
    expect(evaluateRunBlockers(ok, S, [item])).toMatchObject([{ kind: "resolve", itemId: "i9", endpoint: "POST /checkout" }]);
    expect(evaluateRunBlockers({ ...ok, endpoints: [] }, S, [item])).toEqual([]);
  });
});
