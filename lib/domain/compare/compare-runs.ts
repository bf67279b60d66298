import { roundTo } from "../format-number";
import { compareMeasures } from "./compare-measures";
import { matchEndpoints } from "./match-endpoints";
import type {
  CompareMeasures, CompareRunInput, CompareTolerances, EndpointComparison, EndpointStatus, RunComparisonResult, StepComparison,
} from "./types";

const ORDER: Record<EndpointStatus, number> = { regressed: 0, new: 1, gone: 2, improved: 3, unchanged: 4 };
/** The row of an endpoint only one run has: its own figures, no change, no verdicts. */
function oneSided(e: CompareMeasures, side: "new" | "gone") {
  const er = e.requests > 0 ? roundTo((e.failures / e.requests) * 100, 4) : null;
  const mine = side === "new";
  const none = "not-measured" as const;
  return {
    requests: mine ? e.requests : 0, baselineRequests: mine ? 0 : e.requests,
    p95Ms: mine ? e.p95Ms : null, baselineP95Ms: mine ? null : e.p95Ms, p95ChangePercent: null,
    errorRatePercent: mine ? er : null, baselineErrorRatePercent: mine ? null : er, errorRateChangePoints: null,
    throughputRps: mine ? e.throughputRps : null, baselineThroughputRps: mine ? null : e.throughputRps, throughputChangePercent: null,
    changes: { p95: none, errorRate: none, throughput: none },
  };
}

/**
 * A run against its baseline (DESIGN item 6): the whole run, each endpoint (matched by method and
 * normalized name, match-endpoints.ts) and each user level both runs held. Endpoints come worst
 * first: regressed, new, gone, improved, unchanged, then by the size of their P95 change.
 */
export function compareRuns(run: CompareRunInput, baseline: CompareRunInput, tolerances: CompareTolerances): RunComparisonResult {
  const endpoints: EndpointComparison[] = matchEndpoints(run.endpoints, baseline.endpoints).map(({ run: r, base: b }) => {
    const key = (r ?? b)!.key;
    const method = (r ?? b)!.method;
    if (r && b) {
      const m = compareMeasures(r, b, tolerances);
      return { ...m, key, method, name: r.name, baselineName: b.name === r.name ? null : b.name };
    }
    if (r) return { ...oneSided(r, "new"), key, method, name: r.name, baselineName: null, status: "new" as const };
    return { ...oneSided(b!, "gone"), key, method, name: b!.name, baselineName: null, status: "gone" as const };
  });
  endpoints.sort((x, y) => ORDER[x.status] - ORDER[y.status] || Math.abs(y.p95ChangePercent ?? 0) - Math.abs(x.p95ChangePercent ?? 0) || x.key.localeCompare(y.key));

  const baseSteps = new Map(baseline.steps.map((s) => [s.users, s]));
  const steps: StepComparison[] = run.steps.flatMap((s) => {
    const b = baseSteps.get(s.users);
    return b ? [{ users: s.users, ...compareMeasures(s, b, tolerances) }] : [];
  });

  const summary = compareMeasures(run, baseline, tolerances);
  const counts: Record<EndpointStatus, number> = { regressed: 0, improved: 0, unchanged: 0, new: 0, gone: 0 };
  for (const e of endpoints) counts[e.status] += 1;
  const regressed = summary.status === "regressed" || counts.regressed > 0 || steps.some((s) => s.status === "regressed");
  return { endpoints, summary, steps, counts, regressed, sameLoad: run.users === baseline.users, tolerances };
}
