import "server-only";
import crypto from "node:crypto";
import type pg from "pg";
import { BOOKKEEPING_DDL, PRISMA_ADVISORY_LOCK, type MigrationFile } from "@/lib/server/runtime/migrate";
import { MIGRATIONS_TABLE, RestoreRefusedError, type TBackupMigration } from "./format";

// The runner's own lock id and bookkeeping table: a restore and `migrate` never run at once and
// build `_prisma_migrations` the same way.
export { BOOKKEEPING_DDL, PRISMA_ADVISORY_LOCK };

/** Migrations that finished and were not rolled back, in name order (as the runner applies them). */
export async function readAppliedMigrations(client: pg.ClientBase): Promise<TBackupMigration[]> {
  const { rows } = await client.query<TBackupMigration>(
    `SELECT migration_name AS name, checksum FROM "${MIGRATIONS_TABLE}"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

export function isSameMigrations(a: TBackupMigration[], b: TBackupMigration[]): boolean {
  return a.length === b.length && a.every((m, i) => m.name === b[i].name && m.checksum === b[i].checksum);
}

/**
 * The code's migrations the backup lacks. Refuses a backup that is newer than the code (a migration
 * the code does not have) or whose migrations differ from the code's (same name, other checksum).
 */
export function getPendingMigrations(backup: TBackupMigration[], code: MigrationFile[]): MigrationFile[] {
  backup.forEach((m, i) => {
    const mine = code[i];
    if (!mine || mine.name !== m.name) {
      const known = code.some((c) => c.name === m.name);
      throw new RestoreRefusedError(
        known
          ? `the backup's migrations are not in this version's order (${m.name} at position ${i + 1}).`
          : `the backup is newer than this version of Launchgate: it has migration ${m.name}, which the code does not. Upgrade Launchgate, then restore.`,
      );
    }
    if (mine.checksum !== m.checksum) {
      throw new RestoreRefusedError(`migration ${m.name} in the backup differs from this version's file (checksum).`);
    }
  });
  return code.slice(backup.length);
}

/** Runs migration SQL inside the caller's transaction, recording each as the runner does. */
export async function applyMigrationsInTransaction(client: pg.ClientBase, migrations: MigrationFile[], log: (l: string) => void): Promise<void> {
  for (const m of migrations) {
    log(`applying migration ${m.name}`);
    const id = crypto.randomUUID();
    await client.query(
      `INSERT INTO "${MIGRATIONS_TABLE}" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, m.checksum, m.name],
    );
    try {
      await client.query(m.sql);
    } catch (err) {
      throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
    }
    await client.query(`UPDATE "${MIGRATIONS_TABLE}" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
  }
}

/** Runs migration SQL without bookkeeping: the backup's own `_prisma_migrations` rows follow. */
export async function createSchemaInTransaction(client: pg.ClientBase, migrations: MigrationFile[], log: (l: string) => void): Promise<void> {
  await client.query(BOOKKEEPING_DDL);
  for (const m of migrations) {
    log(`creating the schema: ${m.name}`);
    await client.query(m.sql);
  }
}
