import "server-only";
import { IngestError, type NormalizedRun, type RunFile } from "@/lib/ingest";
import { getDb, type Db } from "../db";
import { ZEnv } from "../env";
import { InvalidInputError } from "../errors";
import { incrementCounter } from "../metrics";
import type { TRunImportOptions } from "../schemas/run-import";
import { parseFileSequence } from "./parse-file-sequence";
import { RUN_SUMMARY_SELECT, toRunSummary, type RunSummary } from "./run-queries";
import { toRunRecord, toSummaryRow } from "./run-record";
import type { RunBlockerChange } from "../run-blockers/apply-run-blockers";
import { previewImportSeries } from "../series/resolve-series";
import { findDuplicateRun, storeRun, type EarlierRun, type ImportActor } from "./store-run";
import { UploadMeter, type MeteredFile } from "./upload-meter";

export type { ImportActor } from "./store-run";

/** The 201 answer: the run summary plus what the import itself learnt. */
export interface ImportedRun extends RunSummary {
  dryRun: false;
  warnings: string[];
  fileSha256: string;
  fileNames: string[];
  fileBytes: number;
  /** Checklist items the run opened, added itself to, or resolved (a launch-evidence series' run only). */
  blockers: RunBlockerChange[];
}

/** A dry run's answer: what would be stored (no id), and the earlier run when it is a duplicate. */
export interface RunPreview extends Omit<ImportedRun, "id" | "dryRun" | "blockers"> {
  id: null;
  dryRun: true;
  duplicateOf: EarlierRun | null;
  /** False when the import would create the series. */
  seriesExists: boolean;
}

export interface ImportRunParams {
  project: { id: string };
  actor: ImportActor;
  /** One or several files of ONE run; an async iterable when they arrive one after the other (multipart). */
  files: RunFile[] | AsyncIterable<RunFile>;
  options?: TRunImportOptions;
  dryRun?: boolean;
  /** Default: LAUNCHGATE_MAX_UPLOAD_BYTES (1 GiB), for all files together. */
  maxBytes?: number;
  requestId?: string;
  db?: Db;
}

/** The upload limit alone (the CLI has no session secret, so not the whole getEnv()). */
export function getMaxUploadBytes(): number {
  return ZEnv.pick({ LAUNCHGATE_MAX_UPLOAD_BYTES: true }).parse(process.env).LAUNCHGATE_MAX_UPLOAD_BYTES;
}

async function* metered(files: RunFile[] | AsyncIterable<RunFile>, meter: UploadMeter): AsyncGenerator<MeteredFile> {
  for await (const f of files) yield meter.wrap(f);
}

/**
 * Parses the files as they stream in (hashing and counting every byte), with the byte limit
 * enforced while reading. A bad file is a 422 with file, line and reason; too many bytes a 413.
 */
export async function parseUpload(
  files: RunFile[] | AsyncIterable<RunFile>,
  opts: { format?: TRunImportOptions["format"]; maxBytes: number },
): Promise<{ run: NormalizedRun; meter: UploadMeter }> {
  const meter = new UploadMeter(opts.maxBytes);
  try {
    const run = await parseFileSequence(metered(files, meter), { format: opts.format, maxBytes: opts.maxBytes });
    return { run, meter };
  } catch (err) {
    if (meter.exceeded) throw meter.tooLarge();
    if (err instanceof IngestError) {
      throw new InvalidInputError(`Not imported: ${err.message}`, { file: err.file ?? null, line: err.line ?? null, reason: err.reason });
    }
    throw err;
  } finally {
    incrementCounter("import_rows_total", meter.lines);
  }
}

/**
 * Imports one run from one or several result files: parse (streaming), then store in one
 * transaction — or, with `dryRun`, only say what would be stored and whether it is a duplicate.
 */
export async function importRun(p: ImportRunParams & { dryRun: true }): Promise<RunPreview>;
export async function importRun(p: ImportRunParams & { dryRun?: false }): Promise<ImportedRun>;
export async function importRun(p: ImportRunParams): Promise<ImportedRun | RunPreview>;
export async function importRun(p: ImportRunParams): Promise<ImportedRun | RunPreview> {
  const db = p.db ?? getDb();
  const { series: seriesSlug, ...options } = p.options ?? {};
  const route = { slug: seriesSlug };
  const { run, meter } = await parseUpload(p.files, { format: options.format, maxBytes: p.maxBytes ?? getMaxUploadBytes() });
  const fileSha256 = meter.sha256();
  const record = toRunRecord(run, {
    projectId: p.project.id, options, fileSha256, fileNames: meter.fileNames, fileBytes: meter.totalBytes,
    importedById: p.actor.kind === "user" ? p.actor.userId : null,
  });
  const extra = { warnings: record.run.warnings as string[], fileSha256, fileNames: meter.fileNames, fileBytes: meter.totalBytes };
  if (p.dryRun) {
    const duplicateOf = await findDuplicateRun(db, p.project.id, fileSha256);
    const { exists, ...series } = await previewImportSeries(db, p.project.id, { ...route, testName: record.testName });
    return { ...toRunSummary(toSummaryRow(record, series)), ...extra, id: null, dryRun: true, duplicateOf, seriesExists: exists };
  }
  const stored = await storeRun(db, record, p.actor, p.requestId, route);
  const row = await db.testRun.findFirstOrThrow({ where: { id: stored.runId, projectId: p.project.id }, select: RUN_SUMMARY_SELECT });
  return { ...toRunSummary(row), ...extra, dryRun: false, blockers: stored.blockers };
}
