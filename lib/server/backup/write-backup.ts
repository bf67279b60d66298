import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { jsonNullExpression, selectExpression } from "./encode";
import { BACKUP_FORMAT, BACKUP_VERSION, MIGRATIONS_TABLE, quoteIdent, type TBackupHeader } from "./format";
import { assertKnownTables, getKnownTables, readTables, type DbTable } from "./introspect";
import { readAppliedMigrations } from "./migrations";
import { verifyBackupFile } from "./read-backup";

export interface BackupOptions {
  log?: (line: string) => void;
  /** Rows a query (keyset page). */
  batchSize?: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  rows: number;
  counts: Record<string, number>;
  header: TBackupHeader;
  sha256: string;
}

/** json_build_array takes at most 100 arguments: wider tables are read in slices and joined. */
const MAX_ARGS = 100;

function pageQuery(t: DbTable, after: boolean, limit: number): string {
  const keys = t.primaryKey.map(quoteIdent).join(", ");
  const slices: string[] = [];
  for (let i = 0; i < t.columns.length; i += MAX_ARGS) {
    slices.push(`json_build_array(${t.columns.slice(i, i + MAX_ARGS).map(selectExpression).join(", ")})::text AS r${slices.length}`);
  }
  const jn = jsonNullExpression(t.columns);
  const where = after ? `WHERE (${keys}) > (${t.primaryKey.map((_, i) => `$${i + 1}`).join(", ")})` : "";
  return `SELECT ${t.primaryKey.map((k, i) => `${quoteIdent(k)}::text AS k${i}`).join(", ")}, ${slices.join(", ")}${jn ? `, ${jn} AS jn` : ""}
    FROM ${quoteIdent(t.name)} ${where} ORDER BY ${keys} LIMIT ${limit}`;
}

function rowArray(row: Record<string, unknown>, slices: number): string {
  if (slices === 1) return row.r0 as string;
  return `[${Array.from({ length: slices }, (_, i) => (row[`r${i}`] as string).slice(1, -1)).join(", ")}]`;
}

function readAppVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Reads the snapshot's schema and migrations; refuses what it could not back up faithfully. */
async function readHeader(client: pg.Client): Promise<{ header: TBackupHeader; tables: DbTable[] }> {
  const tables = await readTables(client);
  const names = tables.map((t) => t.name);
  if (!names.includes(MIGRATIONS_TABLE)) throw new Error("The database has no Launchgate schema (no _prisma_migrations table): nothing to back up.");
  assertKnownTables(names, getKnownTables(), "The database");
  for (const t of tables) if (!t.primaryKey.length) throw new Error(`Table ${t.name} has no primary key; backups page through tables by primary key.`);
  await client.query(`LOCK TABLE ${names.map(quoteIdent).join(", ")} IN ACCESS SHARE MODE`);
  const { rows } = await client.query<{ now: Date }>("SELECT now() AS now");
  const header: TBackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: rows[0].now.toISOString(),
    appVersion: readAppVersion(),
    migrations: await readAppliedMigrations(client),
    tables: tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => ({ name: c.name, type: c.type })), primaryKey: t.primaryKey })),
  };
  return { header, tables };
}

/** Every line of the backup, hashed as written; the trailer last. */
async function* generateLines(client: pg.Client, header: TBackupHeader, tables: DbTable[], out: { sha256: string; counts: Record<string, number> }, opts: BackupOptions) {
  const log = opts.log ?? (() => {});
  const batch = opts.batchSize ?? 2000;
  const hash = crypto.createHash("sha256");
  const hashed = (text: string) => {
    const buf = Buffer.from(text, "utf8");
    hash.update(buf);
    return buf;
  };
  yield hashed(JSON.stringify(header) + "\n");
  let total = 0;
  for (const [ti, t] of tables.entries()) {
    const prefix = `{"t":${JSON.stringify(t.name)},"r":`;
    const slices = Math.ceil(t.columns.length / MAX_ARGS);
    const first = { name: `lgbak_${ti}_first`, text: pageQuery(t, false, batch) };
    const next = { name: `lgbak_${ti}_next`, text: pageQuery(t, true, batch) };
    let after: unknown[] | null = null;
    let n = 0;
    for (;;) {
      const { rows }: pg.QueryResult<Record<string, unknown>> = await client.query(after ? { ...next, values: after } : first);
      if (!rows.length) break;
      let chunk = "";
      for (const row of rows) {
        const jn = row.jn as number[] | undefined;
        chunk += `${prefix}${rowArray(row, slices)}${jn?.length ? `,"jn":${JSON.stringify(jn)}` : ""}}\n`;
      }
      yield hashed(chunk);
      const last: Record<string, unknown> = rows[rows.length - 1];
      after = t.primaryKey.map((_, i) => last[`k${i}`]);
      if (Math.floor((n + rows.length) / 100_000) > Math.floor(n / 100_000)) log(`backup: ${t.name} ${n + rows.length} rows...`);
      n += rows.length;
      if (rows.length < batch) break;
    }
    out.counts[t.name] = n;
    total += n;
    log(`backup: ${t.name} ${n} rows`);
  }
  out.sha256 = hash.digest("hex");
  yield Buffer.from(JSON.stringify({ trailer: { counts: out.counts, rows: total, sha256: out.sha256 } }) + "\n", "utf8");
}

/**
 * Writes a consistent backup (one REPEATABLE READ READ ONLY snapshot) of the Launchgate tables to
 * `<file>.partial`, reads it back to check gzip, checksum and counts, and only then renames it to
 * `<file>`. On any failure the partial file is removed and nothing is left at `<file>`.
 */
export async function createBackup(databaseUrl: string, file: string, opts: BackupOptions = {}): Promise<BackupResult> {
  const partial = `${file}.partial`;
  const out = { sha256: "", counts: {} as Record<string, number> };
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "launchgate backup" });
  await client.connect();
  let header: TBackupHeader;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SET LOCAL TIME ZONE 'UTC'");
    await client.query("SET LOCAL extra_float_digits = 1");
    const read = await readHeader(client);
    header = read.header;
    await pipeline(generateLines(client, header, read.tables, out, opts), zlib.createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
    await client.query("COMMIT");
    const fh = await fs.promises.open(partial, "r+");
    await fh.sync().finally(() => fh.close());
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    await fs.promises.rm(partial, { force: true });
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
  try {
    const check = await verifyBackupFile(partial);
    const rows = Object.values(out.counts).reduce((a, b) => a + b, 0);
    const same = check.trailer.sha256 === out.sha256 && check.trailer.rows === rows && Object.entries(out.counts).every(([t, n]) => check.counts[t] === n);
    if (!same) throw new Error("the file read back differs from what was written");
  } catch (err) {
    await fs.promises.rm(partial, { force: true });
    throw new Error(`Backup verification failed, the file was deleted: ${(err as Error).message}`);
  }
  await fs.promises.rename(partial, file);
  const bytes = (await fs.promises.stat(file)).size;
  return { file, bytes, rows: Object.values(out.counts).reduce((a, b) => a + b, 0), counts: out.counts, header, sha256: out.sha256 };
}
