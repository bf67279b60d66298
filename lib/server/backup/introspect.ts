import "server-only";
import type pg from "pg";
import { Prisma } from "@/generated/prisma/browser";
import { toEncodedColumn, type EncodedColumn } from "./encode";
import { MIGRATIONS_TABLE } from "./format";

export interface DbTable {
  name: string;
  columns: EncodedColumn[];
  primaryKey: string[];
}

/** The tables Launchgate owns: one per Prisma model (no @@map in the schema) and Prisma's bookkeeping. */
export function getKnownTables(): Set<string> {
  return new Set<string>([...Object.values(Prisma.ModelName), MIGRATIONS_TABLE]);
}

export async function listPublicTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

/** Throws when the public schema holds a table this version of Launchgate does not know. */
export function assertKnownTables(tables: string[], known: Set<string>, what: string): void {
  const unknown = tables.filter((t) => !known.has(t));
  if (unknown.length) {
    throw new Error(
      `${what} holds table(s) this version of Launchgate does not know: ${unknown.join(", ")}. ` +
        "Refusing rather than leaving them out; is the code older than the database?",
    );
  }
}

/** Columns (insertable ones, in table order), primary keys and FK-safe order of the public tables. */
export async function readTables(client: pg.ClientBase): Promise<DbTable[]> {
  const names = await listPublicTables(client);
  const cols = await client.query<{ tbl: string; name: string; type: string; typname: string; typtype: string; elem_typname: string | null; elem_typtype: string | null }>(
    `SELECT c.relname AS tbl, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            t.typname, t.typtype, et.typname AS elem_typname, et.typtype AS elem_typtype
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0
       AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY c.relname, a.attnum`,
  );
  const pks = await client.query<{ tbl: string; name: string }>(
    `SELECT c.relname AS tbl, a.attname AS name
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND n.nspname = 'public'
     ORDER BY c.relname, k.ord`,
  );
  const tables = new Map<string, DbTable>(names.map((n) => [n, { name: n, columns: [], primaryKey: [] }]));
  for (const r of cols.rows) {
    const table = tables.get(r.tbl);
    if (!table) continue;
    const col = toEncodedColumn(r.name, r.type, { typname: r.typname, typtype: r.typtype, elemTypname: r.elem_typname, elemTyptype: r.elem_typtype });
    if (!col) throw new Error(`Column ${r.tbl}.${r.name} has type ${r.type}, which backups do not support.`);
    table.columns.push(col);
  }
  for (const r of pks.rows) tables.get(r.tbl)?.primaryKey.push(r.name);
  const order = sortByForeignKeys(names, await readForeignKeys(client));
  return order.map((n) => tables.get(n)!);
}

/** child → parents it references (self-references left out). */
export async function readForeignKeys(client: pg.ClientBase): Promise<Map<string, Set<string>>> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.child === r.parent) continue;
    parents.set(r.child, (parents.get(r.child) ?? new Set()).add(r.parent));
  }
  return parents;
}

/** Parents before children; ties by name, the migrations table first. Throws on a cycle. */
export function sortByForeignKeys(names: string[], parents: Map<string, Set<string>>): string[] {
  const pending = new Set(names);
  const done = new Set<string>();
  const order: string[] = [];
  const byName = [...names].sort((a, b) => (a === MIGRATIONS_TABLE ? -1 : b === MIGRATIONS_TABLE ? 1 : a < b ? -1 : a > b ? 1 : 0));
  while (pending.size) {
    const next = byName.find((n) => pending.has(n) && [...(parents.get(n) ?? [])].every((p) => done.has(p) || !pending.has(p)));
    if (!next) throw new Error(`Foreign keys form a cycle among ${[...pending].join(", ")}; backups need an acyclic order.`);
    pending.delete(next);
    done.add(next);
    order.push(next);
  }
  return order;
}

/** Columns filled from a sequence (serial/bigserial/identity), with their sequence. */
export async function listSequenceColumns(client: pg.ClientBase): Promise<{ table: string; column: string; sequence: string }[]> {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT * FROM (
       SELECT c.relname AS table, a.attname AS column,
              pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
     ) s WHERE sequence IS NOT NULL ORDER BY 1, 2`,
  );
  return rows;
}
