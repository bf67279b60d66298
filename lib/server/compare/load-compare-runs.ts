import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CompareRunInput } from "@/lib/domain/compare/types";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import { SERIES_SELECT } from "./series";

export const COMPARE_RUN_SELECT = {
  id: true, name: true, kind: true, tool: true, users: true, runDate: true, startedAt: true, createdAt: true, isBaseline: true, ...SERIES_SELECT,
  requests: true, failures: true, p95Ms: true, throughputRps: true, durationSeconds: true,
  endpoints: { select: { method: true, name: true, requests: true, failures: true, p95Ms: true, throughputRps: true } },
  steps: { select: { users: true, requests: true, failures: true, p95Ms: true, throughputRps: true, durationSeconds: true }, orderBy: { position: "asc" } },
} satisfies Prisma.TestRunSelect;

export type CompareRunRow = Prisma.TestRunGetPayload<{ select: typeof COMPARE_RUN_SELECT }>;

/** Who a compared run is, for the answer (the figures are in the rows). */
export interface ComparedRunRef {
  id: string;
  name: string;
  kind: string;
  tool: string | null;
  users: number | null;
  runDate: string;
  startedAt: string | null;
  isBaseline: boolean;
}

export function toRunRef(r: CompareRunRow): ComparedRunRef {
  return {
    id: r.id, name: r.name, kind: r.kind, tool: r.tool, users: r.users, runDate: r.runDate.toISOString().slice(0, 10),
    startedAt: r.startedAt ? r.startedAt.toISOString() : null, isBaseline: r.isBaseline,
  };
}

export function toCompareInput(r: CompareRunRow): CompareRunInput {
  return {
    users: r.users, requests: r.requests, failures: r.failures, p95Ms: r.p95Ms, throughputRps: r.throughputRps, durationSeconds: r.durationSeconds,
    endpoints: r.endpoints.map((e) => ({ ...e, durationSeconds: null })),
    steps: r.steps.map((s) => ({ ...s })),
  };
}

/** One run of the project with what the comparison reads; another project's run is a 404. */
export async function loadCompareRun(projectId: string, runId: string, what = "run"): Promise<CompareRunRow> {
  const row = await getDb().testRun.findFirst({ where: { id: runId, projectId }, select: COMPARE_RUN_SELECT });
  if (!row) throw new NotFoundError(`No such ${what} in this project`);
  return row;
}
