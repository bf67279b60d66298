import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { listMigrations, migrate } from "./migrate";

type Db = Awaited<ReturnType<typeof createTestDatabase>>;
let t: Db;

/** The Prisma scalar type → the PostgreSQL type the migrations must have created. */
const PG_TYPE: Record<string, string> = {
  String: "text",
  Int: "integer",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  BigInt: "bigint",
};

/** Nullability and list-ness as declared in schema.prisma, the file the client was generated from. */
function schemaFieldShapes(): Map<string, { optional: boolean; list: boolean; date: boolean }> {
  const src = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  const out = new Map<string, { optional: boolean; list: boolean; date: boolean }>();
  for (const m of src.matchAll(/model (\w+) \{([^}]*)\}/g)) {
    for (const line of m[2].split("\n")) {
      const f = /^\s+(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (!f || line.trim().startsWith("@@")) continue;
      out.set(`${m[1]}.${f[1]}`, { optional: f[3] === "?", list: f[3] === "[]", date: f[4].includes("@db.Date") });
    }
  }
  return out;
}

beforeAll(async () => {
  t = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await t.drop();
});

describe("migrations", () => {
  it("apply to an empty database and record themselves like prisma migrate deploy", async () => {
    const applied = await migrate(t.url);
    expect(applied).toEqual(listMigrations().map((m) => m.name));
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    const { rows } = await c.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await c.end();
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    for (const [i, r] of rows.entries()) {
      expect(r.checksum).toBe(listMigrations()[i].checksum);
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    expect(await migrate(t.url)).toEqual([]);
  });

  it("build exactly the tables, columns, types and nullability the generated client expects", async () => {
    const model = (t.db as unknown as { _runtimeDataModel: { models: Record<string, { fields: { name: string; kind: string; type: string }[] }> } })
      ._runtimeDataModel;
    const shapes = schemaFieldShapes();
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    const { rows } = await c.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const enums = await c.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    await c.end();
    const columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const expectedColumns = new Set<string>();
    for (const [name, m] of Object.entries(model.models)) {
      for (const f of m.fields.filter((x) => x.kind !== "object")) {
        const key = `${name}.${f.name}`;
        expectedColumns.add(key);
        const col = columns.get(key);
        expect(col, `column ${key} exists`).toBeDefined();
        const shape = shapes.get(key)!;
        expect(shape, `${key} is in schema.prisma`).toBeDefined();
        expect(col!.is_nullable, `${key} nullability`).toBe(shape.optional ? "YES" : "NO");
        if (shape.list) {
          expect(col!.data_type, `${key} is an array`).toBe("ARRAY");
        } else if (f.kind === "enum") {
          expect(col!.udt_name, `${key} enum type`).toBe(f.type);
        } else {
          expect(col!.data_type, `${key} type`).toBe(shape.date ? "date" : PG_TYPE[f.type]);
        }
      }
    }
    const extra = [...columns.keys()].filter((k) => !k.startsWith("_prisma_migrations.") && !expectedColumns.has(k));
    expect(extra, "columns the client does not know").toEqual([]);
    const src = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
    for (const m of src.matchAll(/enum (\w+) \{([^}]*)\}/g)) {
      expect(enums.rows.find((e) => e.typname === m[1])?.labels, `enum ${m[1]}`).toEqual(m[2].split(/\s+/).filter(Boolean));
    }
  });

  it("keep the audit log append-only and signed decisions unedited", async () => {
    const p = await t.db.project.create({ data: { slug: "p", name: "P" } });
    const a = await t.db.auditLog.create({ data: { action: "x", entity: "Project", projectId: p.id } });
    await expect(t.db.auditLog.update({ where: { id: a.id }, data: { action: "y" } })).rejects.toThrow(/append-only/);
    await expect(t.db.auditLog.delete({ where: { id: a.id } })).rejects.toThrow(/append-only/);
    const d = await t.db.decision.create({
      data: { projectId: p.id, verdict: "NO_GO", comment: "c", asOf: new Date("2026-01-18"), snapshot: {}, signedByName: "x" },
    });
    await expect(t.db.decision.update({ where: { id: d.id }, data: { comment: "edited" } })).rejects.toThrow(/append-only/);
  });

  it("refuses to continue when an applied migration's file has changed", async () => {
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    await c.query(`UPDATE "_prisma_migrations" SET checksum = 'tampered' WHERE migration_name = $1`, [listMigrations()[0].name]);
    await c.end();
    await expect(migrate(t.url)).rejects.toThrow(/changed after it was applied/);
  });
});
