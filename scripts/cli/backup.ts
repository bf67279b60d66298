import path from "node:path";
import { BackupFileError, RestoreRefusedError } from "@/lib/server/backup/format";
import { restoreBackup } from "@/lib/server/backup/restore-backup";
import { createBackup } from "@/lib/server/backup/write-backup";
import { openDatabase, redactUrl } from "@/lib/server/runtime/prepare-database";
import { UsageError } from "./context";

const log = (l: string) => console.error(`[launchgate] ${l}`);

/** DATABASE_URL, else the embedded database (shared with a running server), not migrated: backups read it as it is. */
async function withTarget<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const opened = await openDatabase(log, { quiet: true });
  try {
    return await fn(opened.url);
  } finally {
    await opened.embedded?.stop();
  }
}

function fileArg(positional: string[], command: string): string {
  if (positional.length !== 1) throw new UsageError(`${command} needs one file: npx launchgate ${command} <file>`);
  return path.resolve(positional[0]);
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

/** `backup <file>`: a consistent, verified, gzip'd NDJSON snapshot of the whole database. */
export async function backupCommand(_flags: Record<string, string | true>, positional: string[]): Promise<number> {
  const file = fileArg(positional, "backup");
  return withTarget(async (url) => {
    const r = await createBackup(url, file, { log });
    const last = r.header.migrations.at(-1)?.name ?? "none";
    console.log(`Backed up ${r.header.tables.length} tables, ${r.rows} rows (migrations up to ${last}) to ${r.file} (${formatBytes(r.bytes)}), verified.`);
    return 0;
  });
}

/** `restore <file> [--yes]`: replaces the whole database with the backup, in one transaction. */
export async function restoreCommand(flags: Record<string, string | true>, positional: string[]): Promise<number> {
  // `--yes <file>`: the flag parser took the file for the flag's value.
  const file = fileArg(typeof flags.yes === "string" ? [...positional, flags.yes] : positional, "restore");
  return withTarget(async (url) => {
    try {
      const r = await restoreBackup(url, file, { yes: flags.yes !== undefined, log });
      const migrated = r.appliedMigrations.length ? `; then applied ${r.appliedMigrations.length} newer migration(s)` : "";
      console.log(`Restored ${r.header.tables.length} tables, ${r.rows} rows from ${file} (backup of ${r.header.createdAt}, Launchgate ${r.header.appVersion}) into ${redactUrl(url)}${migrated}.`);
      return 0;
    } catch (err) {
      const message = (err as Error).message.replace(/([^.!?])$/, "$1.");
      const refused = err instanceof BackupFileError || err instanceof RestoreRefusedError;
      console.error(`${refused ? "Refusing to restore" : "Restore failed and was rolled back"}: ${message} The database was not changed.`);
      return 1;
    }
  });
}
