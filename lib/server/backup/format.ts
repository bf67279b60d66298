import "server-only";
import { z } from "zod";

/**
 * A Launchgate backup is gzip'd NDJSON, one JSON value a line:
 *   1. the header  {"format":"launchgate-backup","version":1,"createdAt",...,"migrations","tables"}
 *   2. the rows    {"t":"<table>","r":[<value per column>],"jn"?:[<index>...]}
 *      grouped by table, tables in foreign-key-safe order, each table in primary-key order.
 *      Values: strings, numbers, booleans and null as JSON; timestamps and dates as ISO 8601 text
 *      (timestamptz in UTC with its offset); bigint and numeric as strings; json/jsonb columns as
 *      the JSON value itself, SQL NULL as null — a JSON `null` stored in the column is listed in
 *      "jn" (column indexes) so it stays distinct from SQL NULL; arrays as JSON arrays. A restore
 *      takes JSON values from the line's text in PostgreSQL, so 0.50 or 2^64 come back exactly.
 *   3. the trailer {"trailer":{"counts":{"<table>":n,...},"rows":n,"sha256":"<hex>"}}
 *      where sha256 covers the uncompressed bytes of every line before it, newlines included.
 */
export const BACKUP_FORMAT = "launchgate-backup";
export const BACKUP_VERSION = 1;
export const MIGRATIONS_TABLE = "_prisma_migrations";

export const ZBackupColumn = z.object({ name: z.string().min(1), type: z.string().min(1) });
export const ZBackupTable = z.object({
  name: z.string().min(1),
  columns: z.array(ZBackupColumn).min(1),
  primaryKey: z.array(z.string().min(1)).min(1),
});
export const ZBackupMigration = z.object({ name: z.string().min(1), checksum: z.string().min(1) });

export const ZBackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  appVersion: z.string(),
  migrations: z.array(ZBackupMigration),
  tables: z.array(ZBackupTable).min(1),
});
export type TBackupHeader = z.infer<typeof ZBackupHeader>;
export type TBackupTable = z.infer<typeof ZBackupTable>;
export type TBackupMigration = z.infer<typeof ZBackupMigration>;

export const ZBackupTrailer = z.object({
  trailer: z.object({
    counts: z.record(z.string(), z.number().int().nonnegative()),
    rows: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type TBackupTrailer = z.infer<typeof ZBackupTrailer>["trailer"];

export const ZBackupRow = z.object({
  t: z.string(),
  r: z.array(z.unknown()),
  jn: z.array(z.number().int().nonnegative()).optional(),
});
export type TBackupRow = z.infer<typeof ZBackupRow>;

/** The file is missing, not a backup, corrupt, truncated or of an unknown format version. */
export class BackupFileError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = "BackupFileError";
  }
}

/** The restore would be unsafe (newer backup, non-empty target without --yes, unknown tables...). */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefusedError";
  }
}

/** A double-quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
