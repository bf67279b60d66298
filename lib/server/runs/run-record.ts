import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { NormalizedRun } from "@/lib/ingest";
import { InvalidInputError } from "../errors";
import type { TRunImportOptions, TRunKind } from "../schemas/run-import";
import type { RunSummaryRow } from "./run-queries";

type Row<T> = Omit<T, "runId" | "id">;

/** The rows one import writes: the run and its children (child rows get `runId` when stored). */
export interface RunRecord {
  /** The series is chosen when the run is stored (storeRun). */
  run: Omit<Prisma.TestRunUncheckedCreateInput, "seriesId">;
  /** The tool's own test name, where the file carries one (routes a run given no series). */
  testName: string | null;
  endpoints: Row<Prisma.RunEndpointCreateManyInput>[];
  errors: Row<Prisma.RunErrorCreateManyInput>[];
  steps: Row<Prisma.RunStepCreateManyInput>[];
  samples: Row<Prisma.RunSampleCreateManyInput>[];
}

const MAX_INT = 2_147_483_647;
const MAX_WARNINGS = 200;

/** Postgres text cannot hold NUL; names come from user files. */
function text(s: string, max = 2000): string {
  const clean = s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
const textOrNull = (s: string | null | undefined, max?: number) => (s === null || s === undefined ? null : text(s, max));
const num = (v: number | null | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
function int(v: number | null | undefined, what: string): number {
  const n = Math.round(num(v) ?? 0);
  if (n > MAX_INT) throw new InvalidInputError(`The run has more ${what} (${n}) than Launchgate can store (${MAX_INT})`);
  return Math.max(0, n);
}
const intOrNull = (v: number | null | undefined, what: string) => (num(v) === null ? null : int(v, what));

/** "odoo-locust__results_stats_history.csv" → "odoo-locust__results". */
export function runNameFromFiles(fileNames: string[]): string {
  const base = (fileNames[0] ?? "run").replace(/^.*[\\/]/, "").replace(/\.(csv|jtl|json|ndjson|jsonl|log|xml|txt)$/i, "");
  const stem = base.replace(/_(stats_history|stats|failures|exceptions|requests|distribution)$/i, "");
  return text(stem || base || "run", 200);
}

/** Stepped through several user levels → STRESS, else LOAD (the importer's default kind). */
export function defaultKind(run: NormalizedRun): TRunKind {
  return run.steps.length >= 2 ? "STRESS" : "LOAD";
}

function dayOf(iso: string | null): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

export function toRunRecord(
  parsed: NormalizedRun,
  o: { projectId: string; options: TRunImportOptions; fileSha256: string; fileNames: string[]; fileBytes: number; importedById: string | null },
): RunRecord {
  const startedAt = parsed.startedAt && !Number.isNaN(Date.parse(parsed.startedAt)) ? new Date(parsed.startedAt) : null;
  const runDate = o.options.runDate ?? dayOf(parsed.startedAt) ?? new Date().toISOString().slice(0, 10);
  const warnings = [...parsed.warnings];
  if (parsed.transactions?.length) {
    warnings.push(`${parsed.transactions.length} JMeter transaction controller label(s) (${parsed.transactions.slice(0, 3).map((t) => t.name).join(", ")}${parsed.transactions.length > 3 ? ", …" : ""}) are not requests: left out of the totals and endpoints`);
  }
  const run: RunRecord["run"] = {
    projectId: o.projectId,
    name: o.options.name ?? textOrNull(parsed.name, 200) ?? runNameFromFiles(o.fileNames),
    kind: o.options.kind ?? defaultKind(parsed),
    tool: parsed.tool,
    format: text(parsed.format, 100),
    users: o.options.users ?? intOrNull(parsed.users, "users"),
    durationSeconds: num(parsed.durationSeconds),
    requests: int(parsed.requests, "requests"),
    failures: int(parsed.failures, "failures"),
    p50Ms: num(parsed.p50Ms), p90Ms: num(parsed.p90Ms), p95Ms: num(parsed.p95Ms), p99Ms: num(parsed.p99Ms),
    maxMs: num(parsed.maxMs), meanMs: num(parsed.meanMs), throughputRps: num(parsed.throughputRps),
    runDate: new Date(`${runDate}T00:00:00Z`),
    startedAt,
    fileSha256: o.fileSha256,
    fileNames: o.fileNames.map((n) => text(n, 255)),
    fileBytes: BigInt(o.fileBytes),
    warnings: warnings.slice(0, MAX_WARNINGS).map((w) => text(w)),
    importedById: o.importedById,
  };
  if (warnings.length > MAX_WARNINGS) run.warnings = [...(run.warnings as string[]), `${warnings.length - MAX_WARNINGS} more warnings not kept`];
  return {
    run,
    testName: textOrNull(parsed.testName, 200),
    endpoints: parsed.endpoints.map((e) => ({
      method: textOrNull(e.method, 20), name: text(e.name, 1000), requests: int(e.requests, "requests"), failures: int(e.failures, "failures"),
      p50Ms: num(e.p50Ms), p95Ms: num(e.p95Ms), p99Ms: num(e.p99Ms), meanMs: num(e.meanMs), maxMs: num(e.maxMs), throughputRps: num(e.throughputRps),
    })),
    errors: parsed.errors.map((e) => ({
      kind: text(e.kind, 500), count: int(e.count, "errors"), endpoint: textOrNull(e.endpoint, 1000), message: textOrNull(e.message, 4000),
    })),
    steps: parsed.steps.map((s, position) => ({
      position, users: int(s.users, "users"), durationSeconds: num(s.durationSeconds), requests: int(s.requests, "requests"),
      failures: int(s.failures, "failures"), errorRatePercent: num(s.errorRatePercent) ?? 0, p50Ms: num(s.p50Ms), p95Ms: num(s.p95Ms),
      throughputRps: num(s.throughputRps),
    })),
    samples: parsed.samples.filter((s) => !Number.isNaN(Date.parse(s.t))).map((s) => ({
      t: new Date(s.t), users: intOrNull(s.users, "users"), requests: intOrNull(s.requests, "requests"), failures: intOrNull(s.failures, "failures"),
      rps: num(s.rps), failuresPerSec: num(s.failuresPerSec), responseMs: num(s.responseMs), p50Ms: num(s.p50Ms), p95Ms: num(s.p95Ms),
    })),
  };
}

/** What the run summary would read back, for a dry run (nothing stored, so no id). */
export function toSummaryRow(r: RunRecord, series: RunSummaryRow["series"], now = new Date()): RunSummaryRow {
  const x = r.run;
  return {
    id: "", name: x.name, series, kind: x.kind, tool: x.tool ?? null, format: x.format ?? null, users: x.users ?? null,
    durationSeconds: x.durationSeconds ?? null, requests: x.requests ?? 0, failures: x.failures ?? 0,
    p50Ms: x.p50Ms ?? null, p90Ms: x.p90Ms ?? null, p95Ms: x.p95Ms ?? null, p99Ms: x.p99Ms ?? null, maxMs: x.maxMs ?? null,
    meanMs: x.meanMs ?? null, throughputRps: x.throughputRps ?? null,
    runDate: x.runDate as Date, startedAt: (x.startedAt as Date | null) ?? null, createdAt: now,
    endpoints: [...r.endpoints]
      .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name))
      .map((e) => ({ method: e.method ?? null, name: e.name, requests: e.requests, failures: e.failures, p50Ms: e.p50Ms ?? null, p95Ms: e.p95Ms ?? null })),
    errors: r.errors.map((e) => ({ kind: e.kind, count: e.count })),
    steps: r.steps.map((s) => ({
      users: s.users, durationSeconds: s.durationSeconds ?? null, requests: s.requests, failures: s.failures,
      errorRatePercent: s.errorRatePercent, p50Ms: s.p50Ms ?? null, p95Ms: s.p95Ms ?? null, throughputRps: s.throughputRps ?? null,
    })),
  };
}
