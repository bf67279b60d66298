import "server-only";
import pg from "pg";
import { listMigrations } from "@/lib/server/runtime/migrate";
import { quoteIdent, RestoreRefusedError, type TBackupHeader } from "./format";
import { RowInserter } from "./insert-rows";
import { listSequenceColumns, readTables } from "./introspect";
import { applyMigrationsInTransaction, getPendingMigrations, PRISMA_ADVISORY_LOCK } from "./migrations";
import { checkTargetMatchesBackup, describeTarget, prepareTargetSchema } from "./prepare-target";
import { readBackup, verifyBackupFile } from "./read-backup";

export interface RestoreOptions {
  /** Replace a target that holds data (without it such a target is refused). */
  yes?: boolean;
  log?: (line: string) => void;
  /** The code's migrations (default prisma/migrations). */
  migrationsDir?: string;
  batchRows?: number;
  /** Wait at most this long for a table lock (a running server holding one) before giving up. */
  lockTimeoutMs?: number;
}

export interface RestoreResult {
  header: TBackupHeader;
  rows: number;
  counts: Record<string, number>;
  replaced: { table: string; rows: number }[];
  appliedMigrations: string[];
  schema: "truncated" | "rebuilt" | "created";
}

/** Sets every sequence-fed column's sequence to the column's maximum, so new rows continue after it. */
async function resetSequences(client: pg.ClientBase): Promise<void> {
  for (const s of await listSequenceColumns(client)) {
    const max = `(SELECT max(${quoteIdent(s.column)}) FROM ${quoteIdent(s.table)})`;
    await client.query(`SELECT setval($1::regclass, COALESCE(${max}, 1), ${max} IS NOT NULL)`, [s.sequence]);
  }
}

/**
 * Replaces the whole database with a backup, in one transaction: checks the file first (nothing
 * changes for a corrupt, truncated or foreign file), refuses a backup newer than the code and a
 * non-empty target without `yes`, then empties or rebuilds the schema at the backup's migrations,
 * inserts the rows, resets the sequences, applies the code's newer migrations and commits. The file
 * is checked again while it is read; any failure rolls everything back.
 */
export async function restoreBackup(databaseUrl: string, file: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const log = opts.log ?? (() => {});
  const { header } = await verifyBackupFile(file);
  log(`restore: ${file} is intact (backup of ${header.createdAt}, Launchgate ${header.appVersion}, ${header.migrations.length} migrations)`);
  const code = listMigrations(opts.migrationsDir);
  const pending = getPendingMigrations(header.migrations, code);

  const client = new pg.Client({ connectionString: databaseUrl, application_name: "launchgate restore" });
  await client.connect();
  try {
    const replaced = await describeTarget(client);
    if (replaced.length && !opts.yes) {
      throw new RestoreRefusedError(
        `the target database is not empty: it holds ${replaced.map((r) => `${r.rows} ${r.table}`).join(", ")}. ` +
          "A restore replaces all of it with the backup; run again with --yes to do so.",
      );
    }
    await client.query("BEGIN");
    try {
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(opts.lockTimeoutMs ?? 30_000))}`);
      await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_ADVISORY_LOCK]);
      // The backup holds the portfolio's change log as it was: its triggers must not add to it here.
      await client.query("SET LOCAL launchgate.restoring = 'on'");
      const schema = await prepareTargetSchema(client, header, code, log);
      const tables = await readTables(client);
      await checkTargetMatchesBackup(client, header, tables);
      const inserter = new RowInserter(client, tables, (t, n) => log(`restore: ${t} ${n} rows`), opts.batchRows);
      let counts: Record<string, number> = {};
      for await (const ev of readBackup(file)) {
        if (ev.type === "row") await inserter.add(ev.table, ev.row, ev.raw);
        else if (ev.type === "end") counts = ev.counts;
      }
      await inserter.flush();
      await resetSequences(client);
      await applyMigrationsInTransaction(client, pending, log);
      await client.query("COMMIT");
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      return { header, rows, counts, replaced, appliedMigrations: pending.map((m) => m.name), schema };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      if ((err as { code?: string }).code === "55P03") {
        throw new Error("other connections hold the tables (is the server running? Stop it before a restore).");
      }
      throw err;
    }
  } finally {
    await client.end().catch(() => {});
  }
}
