import "server-only";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import { roundTo } from "@/lib/domain";
import { getDb } from "../db";
import { NotFoundError } from "../errors";

/** What a run summary reads; importers select the same to answer with `toRunSummary`. */
export const RUN_SUMMARY_SELECT = {
  id: true, name: true, kind: true, tool: true, format: true, users: true, durationSeconds: true, requests: true, failures: true,
  p50Ms: true, p90Ms: true, p95Ms: true, p99Ms: true, maxMs: true, meanMs: true, throughputRps: true, runDate: true, startedAt: true,
  createdAt: true,
  series: { select: { slug: true, name: true, launchEvidence: true } },
  endpoints: { select: { method: true, name: true, requests: true, failures: true, p50Ms: true, p95Ms: true }, orderBy: [{ requests: "desc" }, { name: "asc" }] },
  errors: { select: { kind: true, count: true } },
  steps: {
    select: { users: true, durationSeconds: true, requests: true, failures: true, errorRatePercent: true, p50Ms: true, p95Ms: true, throughputRps: true },
    orderBy: { position: "asc" },
  },
} satisfies Prisma.TestRunSelect;

export type RunSummaryRow = Prisma.TestRunGetPayload<{ select: typeof RUN_SUMMARY_SELECT }>;

/** The run summary of the public API (DESIGN "API"): stable names, extra fields only added. */
export interface RunSummary {
  id: string;
  name: string;
  /** The series the run belongs to; only launch-evidence series feed capacity and gates 2–4. */
  series: { slug: string; name: string; launchEvidence: boolean };
  kind: RunSummaryRow["kind"];
  tool: string | null;
  format: string | null;
  users: number | null;
  durationSeconds: number | null;
  requests: number;
  failures: number;
  /** failures / requests × 100, four decimals. */
  errorRatePercent: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  meanMs: number | null;
  throughputRps: number | null;
  /** `YYYY-MM-DD`. */
  runDate: string;
  startedAt: string | null;
  createdAt: string;
  endpoints: { method: string | null; name: string; requests: number; failures: number; p50Ms: number | null; p95Ms: number | null }[];
  /** Error counts per kind, most frequent first. */
  errors: { kind: string; count: number }[];
  /** Per user level, when the run stepped through several; else empty. */
  steps: {
    users: number; durationSeconds: number | null; requests: number; failures: number; errorRatePercent: number;
    p50Ms: number | null; p95Ms: number | null; throughputRps: number | null;
  }[];
}

function errorRatePercent(requests: number, failures: number): number {
  return requests > 0 ? roundTo((failures / requests) * 100, 4) : 0;
}

/** Maps a run row (selected with RUN_SUMMARY_SELECT) to the API's run summary. */
export function toRunSummary(r: RunSummaryRow): RunSummary {
  const errors = new Map<string, number>();
  for (const e of r.errors) errors.set(e.kind, (errors.get(e.kind) ?? 0) + e.count);
  return {
    id: r.id,
    name: r.name,
    series: { slug: r.series.slug, name: r.series.name, launchEvidence: r.series.launchEvidence },
    kind: r.kind,
    tool: r.tool,
    format: r.format,
    users: r.users,
    durationSeconds: r.durationSeconds,
    requests: r.requests,
    failures: r.failures,
    errorRatePercent: errorRatePercent(r.requests, r.failures),
    p50Ms: r.p50Ms,
    p90Ms: r.p90Ms,
    p95Ms: r.p95Ms,
    p99Ms: r.p99Ms,
    maxMs: r.maxMs,
    meanMs: r.meanMs,
    throughputRps: r.throughputRps,
    runDate: r.runDate.toISOString().slice(0, 10),
    startedAt: r.startedAt ? r.startedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    endpoints: r.endpoints.map((e) => ({ method: e.method, name: e.name, requests: e.requests, failures: e.failures, p50Ms: e.p50Ms, p95Ms: e.p95Ms })),
    errors: [...errors.entries()].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    steps: r.steps.map((s) => ({ ...s })),
  };
}

/** A project's runs, newest first (by run date, then import time). */
export const listRuns = cache(async (projectId: string): Promise<RunSummary[]> => {
  const rows = await getDb().testRun.findMany({
    where: { projectId },
    select: RUN_SUMMARY_SELECT,
    orderBy: [{ runDate: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(toRunSummary);
});

/** One run of the project, or NotFound — also for a run of another project. */
export const getRun = cache(async (projectId: string, runId: string): Promise<RunSummary> => {
  const row = await getDb().testRun.findFirst({ where: { id: runId, projectId }, select: RUN_SUMMARY_SELECT });
  if (!row) throw new NotFoundError("No such run in this project");
  return toRunSummary(row);
});
