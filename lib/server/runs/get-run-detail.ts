import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import { getRun, type RunSummary } from "./run-queries";

export interface RunDetail extends RunSummary {
  fileNames: string[];
  warnings: string[];
  intervalSeconds: number | null;
  baseline: { meanMs: number; p99Ms: number | null; successRatePercent: number | null } | null;
  /** Error rows as imported (kind, endpoint, message) for the detail table. */
  errorDetails: { kind: string; count: number; endpoint: string | null; message: string | null }[];
  /** The time series, oldest first; empty when the tool gave none. */
  samples: {
    t: string; users: number | null; requests: number | null; failures: number | null; rps: number | null;
    failuresPerSec: number | null; responseMs: number | null; p50Ms: number | null; p95Ms: number | null;
  }[];
}

/** Everything a run's page shows, loaded by run id and project (another project's run is a 404). */
export const getRunDetail = cache(async (projectId: string, runId: string): Promise<RunDetail> => {
  const db = getDb();
  const [summary, extra, errorDetails, samples] = await Promise.all([
    getRun(projectId, runId),
    db.testRun.findFirst({
      where: { id: runId, projectId },
      select: { fileNames: true, warnings: true, intervalSeconds: true, baselineMeanMs: true, baselineP99Ms: true, baselineSuccessRatePercent: true },
    }),
    db.runError.findMany({
      where: { runId, run: { projectId } },
      select: { kind: true, count: true, endpoint: true, message: true },
      orderBy: [{ count: "desc" }, { kind: "asc" }],
      take: 200,
    }),
    db.runSample.findMany({
      where: { runId, run: { projectId } },
      select: { t: true, users: true, requests: true, failures: true, rps: true, failuresPerSec: true, responseMs: true, p50Ms: true, p95Ms: true },
      orderBy: { t: "asc" },
    }),
  ]);
  if (!extra) throw new NotFoundError("No such run in this project");
  return {
    ...summary,
    fileNames: extra.fileNames,
    warnings: extra.warnings,
    intervalSeconds: extra.intervalSeconds,
    baseline: extra.baselineMeanMs === null ? null : { meanMs: extra.baselineMeanMs, p99Ms: extra.baselineP99Ms, successRatePercent: extra.baselineSuccessRatePercent },
    errorDetails,
    samples: samples.map((s) => ({ ...s, t: s.t.toISOString() })),
  };
});
