import "server-only";
import { cache } from "react";
import { computeStability, type StabilityResult } from "@/lib/domain";
import type { StabilitySampleInput } from "@/lib/domain/view/stability-chart";
import { getDb } from "../db";

export interface StabilityView {
  run: { id: string; name: string; runDate: string; startedAt: string | null; intervalSeconds: number | null; tool: string | null };
  baseline: { meanMs: number; p99Ms: number | null; successRatePercent: number | null } | null;
  samples: StabilitySampleInput[];
  /** null when the run has no baseline or no samples (nothing to compare). */
  result: StabilityResult | null;
  /** Earlier stability runs, newest first. */
  previous: { id: string; name: string; runDate: string }[];
}

/**
 * The latest stability run (the one gate 4 reads: newest run date, then newest import) with its
 * samples and metrics (launch-evidence series only, like the gate), and its stability computed the same way the readiness does. Null without one.
 */
export const getStabilityView = cache(async (projectId: string): Promise<StabilityView | null> => {
  const db = getDb();
  const runs = await db.testRun.findMany({
    where: { projectId, kind: "STABILITY", series: { launchEvidence: true } },
    orderBy: [{ runDate: "desc" }, { createdAt: "desc" }],
    select: {
      id: true, name: true, runDate: true, startedAt: true, intervalSeconds: true, tool: true,
      baselineMeanMs: true, baselineP99Ms: true, baselineSuccessRatePercent: true,
    },
    take: 11,
  });
  const latest = runs[0];
  if (!latest) return null;
  const rows = await db.runSample.findMany({
    where: { runId: latest.id },
    select: { t: true, responseMs: true, requests: true, failures: true, metrics: true },
    orderBy: { t: "asc" },
  });
  const samples: StabilitySampleInput[] = rows.map((s) => ({
    t: s.t.toISOString(),
    responseMs: s.responseMs,
    requests: s.requests,
    failures: s.failures,
    metrics: s.metrics && typeof s.metrics === "object" && !Array.isArray(s.metrics) ? (s.metrics as Record<string, unknown>) : null,
  }));
  const baseline = latest.baselineMeanMs === null
    ? null
    : { meanMs: latest.baselineMeanMs, p99Ms: latest.baselineP99Ms, successRatePercent: latest.baselineSuccessRatePercent };
  const result = baseline && samples.length
    ? computeStability({
        baseline,
        samples: samples.map((s) => ({
          t: s.t, responseMs: s.responseMs, requests: s.requests ?? 0, failures: s.failures ?? 0,
          memPercent: typeof s.metrics?.apiMemPercent === "number" ? s.metrics.apiMemPercent : null,
        })),
      })
    : null;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    run: { id: latest.id, name: latest.name, runDate: day(latest.runDate), startedAt: latest.startedAt?.toISOString() ?? null, intervalSeconds: latest.intervalSeconds, tool: latest.tool },
    baseline,
    samples,
    result,
    previous: runs.slice(1).map((r) => ({ id: r.id, name: r.name, runDate: day(r.runDate) })),
  };
});
