import "server-only";
import type pg from "pg";
import type { MigrationFile } from "@/lib/server/runtime/migrate";
import { MIGRATIONS_TABLE, quoteIdent, RestoreRefusedError, type TBackupHeader } from "./format";
import { assertKnownTables, getKnownTables, listPublicTables, readForeignKeys, type DbTable } from "./introspect";
import { createSchemaInTransaction, isSameMigrations, readAppliedMigrations } from "./migrations";

/** Row counts of the non-empty app tables of the target (the migrations table aside). */
export async function describeTarget(client: pg.ClientBase): Promise<{ table: string; rows: number }[]> {
  const known = getKnownTables();
  const tables = (await listPublicTables(client)).filter((t) => known.has(t) && t !== MIGRATIONS_TABLE);
  if (!tables.length) return [];
  const { rows } = await client.query<{ table: string; rows: string }>(
    tables.map((t) => `SELECT ${pgString(t)} AS table, count(*)::text AS rows FROM ${quoteIdent(t)}`).join(" UNION ALL "),
  );
  return rows.map((r) => ({ table: r.table, rows: Number(r.rows) })).filter((r) => r.rows > 0);
}

function pgString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Drops what migrations create in the public schema (tables, views, sequences, functions, types), not what extensions own. */
async function dropAppObjects(client: pg.ClientBase, tables: string[]): Promise<void> {
  if (tables.length) await client.query(`DROP TABLE IF EXISTS ${tables.map(quoteIdent).join(", ")} CASCADE`);
  const notExtension = (oid: string) => `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = ${oid} AND d.deptype = 'e')`;
  const { rows } = await client.query<{ stmt: string }>(
    `SELECT stmt FROM (
       SELECT 1 AS o, format('DROP %s IF EXISTS public.%I CASCADE', CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'v' THEN 'VIEW' ELSE 'SEQUENCE' END, c.relname) AS stmt
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('v', 'm', 'S') AND ${notExtension("c.oid")}
       UNION ALL
       SELECT 2, format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure)
       FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND ${notExtension("p.oid")}
       UNION ALL
       SELECT 3, format('DROP TYPE IF EXISTS public.%I CASCADE', t.typname)
       FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd') AND ${notExtension("t.oid")}
     ) s ORDER BY o`,
  );
  for (const r of rows) await client.query(r.stmt);
}

/**
 * Leaves the target, inside the caller's transaction, with the backup's schema and no rows:
 * TRUNCATE when it is at the backup's migrations already; else drops the app's objects and builds
 * the schema from the code's migrations up to the backup's (the prefix was checked before).
 */
export async function prepareTargetSchema(
  client: pg.ClientBase,
  header: TBackupHeader,
  code: MigrationFile[],
  log: (l: string) => void,
): Promise<"truncated" | "rebuilt" | "created"> {
  const tables = await listPublicTables(client);
  assertKnownTables(tables, new Set([...getKnownTables(), ...header.tables.map((t) => t.name)]), "The target database");
  const applied = tables.includes(MIGRATIONS_TABLE) ? await readAppliedMigrations(client) : null;
  if (applied && isSameMigrations(applied, header.migrations)) {
    log(`restore: emptying ${tables.length} tables`);
    // TRUNCATE fires no row trigger, so the AuditLog's append-only trigger stays in place.
    await client.query(`TRUNCATE ${tables.map(quoteIdent).join(", ")}`);
    return "truncated";
  }
  const mode = tables.length ? "rebuilt" : "created";
  if (tables.length) {
    log(`restore: the target's schema differs from the backup's; dropping and rebuilding it`);
    await dropAppObjects(client, tables);
  }
  await createSchemaInTransaction(client, code.slice(0, header.migrations.length), log);
  return mode;
}

/** The schema just prepared must hold exactly the backup's tables and columns, in an FK-safe order. */
export async function checkTargetMatchesBackup(client: pg.ClientBase, header: TBackupHeader, tables: DbTable[]): Promise<void> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const bt of header.tables) {
    const t = byName.get(bt.name);
    if (!t) {
      problems.push(`table ${bt.name} is missing`);
      continue;
    }
    const mine = new Set(t.columns.map((c) => c.name));
    const theirs = new Set(bt.columns.map((c) => c.name));
    const diff = [...mine].filter((c) => !theirs.has(c)).concat([...theirs].filter((c) => !mine.has(c)));
    if (diff.length) problems.push(`${bt.name} columns differ (${diff.join(", ")})`);
  }
  const inBackup = new Set(header.tables.map((t) => t.name));
  for (const t of tables) if (!inBackup.has(t.name)) problems.push(`table ${t.name} is not in the backup`);
  const position = new Map(header.tables.map((t, i) => [t.name, i]));
  for (const [child, parents] of await readForeignKeys(client)) {
    for (const p of parents) {
      if ((position.get(p) ?? -1) > (position.get(child) ?? Infinity)) problems.push(`${child} comes before ${p}, which it references`);
    }
  }
  if (problems.length) throw new RestoreRefusedError(`the backup does not match the schema its migrations build: ${problems.join("; ")}.`);
}
