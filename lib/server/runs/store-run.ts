import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit";
import type { Db } from "../db";
import { ConflictError } from "../errors";
import type { Principal } from "../principal";
import { applyRunBlockers, type RunBlockerChange } from "../run-blockers/apply-run-blockers";
import { resolveImportSeries, type SeriesRef, type SeriesRoute } from "../series/resolve-series";
import type { RunRecord } from "./run-record";

type Tx = Prisma.TransactionClient;
const BATCH = 1000;

/** Who imports: a signed-in user, a project token, or the command line. */
export type ImportActor = Principal | { kind: "cli" };

export interface EarlierRun {
  id: string;
  name: string;
  runDate: string;
  createdAt: string;
}

/** The run of this project that was imported from the same bytes, if any. */
export async function findDuplicateRun(db: Db | Tx, projectId: string, fileSha256: string): Promise<EarlierRun | null> {
  const dup = await db.testRun.findFirst({
    where: { projectId, fileSha256 },
    select: { id: true, name: true, runDate: true, createdAt: true },
  });
  return dup && { id: dup.id, name: dup.name, runDate: dup.runDate.toISOString().slice(0, 10), createdAt: dup.createdAt.toISOString() };
}

export function duplicateError(dup: EarlierRun): ConflictError {
  return new ConflictError(
    `This file was already imported as run "${dup.name}" of ${dup.runDate} (id ${dup.id}, imported ${dup.createdAt.slice(0, 16).replace("T", " ")} UTC); nothing was stored`,
    { runId: dup.id, name: dup.name, runDate: dup.runDate },
  );
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * The time series in multi-row inserts (one statement per ≤ 1000 rows, one array parameter per
 * column): Prisma's createMany allocates ~40 MB and takes ~0.5 s for 2000 samples, this a few MB
 * and a few tens of ms. `t` is a UTC instant stored in a `timestamp(3)` as Prisma does.
 */
async function insertSamples(tx: Tx, runId: string, rows: RunRecord["samples"]): Promise<void> {
  await inBatches(rows, (b) => {
    const col = <K extends keyof RunRecord["samples"][number]>(k: K) => b.map((r) => r[k] ?? null);
    return tx.$executeRaw`
      INSERT INTO "RunSample" ("runId", "t", "users", "requests", "failures", "rps", "failuresPerSec", "responseMs", "p50Ms", "p95Ms")
      SELECT ${runId}, u.t AT TIME ZONE 'UTC', u.users, u.requests, u.failures, u.rps, u.fps, u.resp, u.p50, u.p95
      FROM unnest(${b.map((r) => new Date(r.t).toISOString())}::timestamptz[], ${col("users")}::int[], ${col("requests")}::int[],
        ${col("failures")}::int[], ${col("rps")}::float8[], ${col("failuresPerSec")}::float8[], ${col("responseMs")}::float8[],
        ${col("p50Ms")}::float8[], ${col("p95Ms")}::float8[]) AS u(t, users, requests, failures, rps, fps, resp, p50, p95)`;
  });
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string }; message?: string } | null;
  return e?.code === "P2002" || e?.cause?.code === "23505" || /Unique constraint failed|duplicate key value/i.test(e?.message ?? "");
}

export interface StoredRun {
  runId: string;
  series: SeriesRef;
  /** The checklist items this run opened, added itself to, or resolved (launch-evidence series only). */
  blockers: RunBlockerChange[];
}

/** What the blocker rules read of the record just stored. */
function blockerRunOf(runId: string, record: RunRecord): Parameters<typeof applyRunBlockers>[1]["run"] {
  const r = record.run;
  return {
    id: runId, name: r.name, runDate: (r.runDate as Date).toISOString().slice(0, 10), users: r.users ?? null,
    requests: r.requests ?? 0, failures: r.failures ?? 0, p95Ms: r.p95Ms ?? null,
    steps: record.steps.map((s) => ({
      users: s.users, durationSeconds: s.durationSeconds ?? null, requests: s.requests, failures: s.failures, errorRatePercent: s.errorRatePercent,
      p95Ms: s.p95Ms ?? null, p50Ms: s.p50Ms ?? null, throughputRps: s.throughputRps ?? null,
    })),
    endpoints: record.endpoints.map((e) => ({ method: e.method ?? null, name: e.name, requests: e.requests, failures: e.failures, p95Ms: e.p95Ms ?? null })),
  };
}

/**
 * Stores one parsed run in ONE transaction: refuses a duplicate (same project and digest → 409
 * naming the earlier run), chooses or creates its series, inserts the run and its endpoints,
 * errors, steps and samples in batches of ≤ 1000 rows, writes the audit entry, and — in a
 * launch-evidence series — opens and resolves the checklist items its results call for.
 */
export async function storeRun(db: Db, record: RunRecord, actor: ImportActor, requestId?: string, route: SeriesRoute = {}): Promise<StoredRun> {
  const { projectId, fileSha256 } = record.run;
  try {
    return await db.$transaction(
      async (tx) => {
        const dup = await findDuplicateRun(tx, projectId, fileSha256!);
        if (dup) throw duplicateError(dup);
        const series = await resolveImportSeries(tx, projectId, { testName: record.testName, ...route });
        const { id: runId } = await tx.testRun.create({ data: { ...record.run, seriesId: series.id }, select: { id: true } });
        await inBatches(record.endpoints, (b) => tx.runEndpoint.createMany({ data: b.map((r) => ({ ...r, runId })) }));
        await inBatches(record.errors, (b) => tx.runError.createMany({ data: b.map((r) => ({ ...r, runId })) }));
        await inBatches(record.steps, (b) => tx.runStep.createMany({ data: b.map((r) => ({ ...r, runId })) }));
        await insertSamples(tx, runId, record.samples);
        const after = {
          name: record.run.name, kind: record.run.kind, tool: record.run.tool, format: record.run.format, users: record.run.users,
          requests: record.run.requests, failures: record.run.failures, fileNames: record.run.fileNames, fileBytes: record.run.fileBytes,
          fileSha256, series: series.slug, endpoints: record.endpoints.length, errors: record.errors.length, steps: record.steps.length, samples: record.samples.length,
        };
        if (actor.kind === "cli") {
          await tx.auditLog.create({
            data: { projectId, actorName: "cli", action: "run.import", entity: "TestRun", entityId: runId, after: JSON.parse(JSON.stringify(after, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) },
          });
        } else {
          await writeAudit(tx, { principal: actor, projectId, action: "run.import", entity: "TestRun", entityId: runId, after, requestId });
        }
        const blockers = series.launchEvidence && record.run.kind !== "STABILITY"
          ? await applyRunBlockers(tx, { projectId, seriesId: series.id, run: blockerRunOf(runId, record), requestId })
          : [];
        return { runId, series, blockers };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (err) {
    if (!(err instanceof ConflictError) && isUniqueViolation(err)) {
      // Two imports of the same bytes raced: the other one committed first.
      const dup = await findDuplicateRun(db, projectId, fileSha256!);
      if (dup) throw duplicateError(dup);
    }
    throw err;
  }
}
