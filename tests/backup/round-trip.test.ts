import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/browser";
import { listMigrations, migrate } from "@/lib/server/runtime/migrate";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { RestoreRefusedError } from "@/lib/server/backup/format";
import { restoreBackup } from "@/lib/server/backup/restore-backup";
import { createBackup } from "@/lib/server/backup/write-backup";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { addExtraRows, dumpTables, olderMigrationsDir, runCli, sql, tempDir } from "./helpers";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
const dbs: TestDb[] = [];
async function newDb(opts?: { migrate?: boolean }) {
  const t = await createTestDatabase(opts);
  dbs.push(t);
  return t;
}

let source: TestDb;
let file: string;
const dir = tempDir();

beforeAll(async () => {
  source = await newDb();
  await seedDemo(source.db, "pw");
  await addExtraRows(source.db, source.url);
  file = path.join(dir, "demo.lgbak.gz");
});
afterAll(async () => {
  await Promise.all(dbs.map((t) => t.drop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every model's table plus _prisma_migrations; the migrations the code has. */
const TABLES = Object.keys(Prisma.ModelName).length + 1;
const MIGRATIONS = listMigrations().map((m) => m.name);

describe("backup and restore", () => {
  it("backs up through the CLI: header, rows with types preserved, trailer, no partial file left", () => {
    const r = runCli(["backup", file], { DATABASE_URL: source.url });
    expect(r.err).toContain("backup: RunSample");
    expect(r.out).toMatch(new RegExp(`^Backed up ${TABLES} tables, \\d+ rows .* verified\\.\\n$`));
    expect(r.code).toBe(0);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    const header = lines[0];
    expect(header).toMatchObject({ format: "launchgate-backup", version: 1, appVersion: "0.1.0" });
    expect(header.migrations.map((m: { name: string }) => m.name)).toEqual(MIGRATIONS);
    const names = header.tables.map((t: { name: string }) => t.name);
    expect(names.indexOf("Project")).toBeLessThan(names.indexOf("TestRun"));
    expect(names.indexOf("TestRun")).toBeLessThan(names.indexOf("RunSample"));
    const cols = (t: string) => header.tables.find((x: { name: string }) => x.name === t).columns.map((c: { name: string }) => c.name);
    const edge = lines.find((l) => l.t === "TestRun" && l.r.includes("Edge run"));
    const at = (c: string) => edge.r[cols("TestRun").indexOf(c)];
    expect(at("fileBytes")).toBe("9007199254740993");
    expect(at("fileNames")).toEqual(['a "quoted", {braced} name.csv', "back\\slash.json", ""]);
    expect(at("p50Ms")).toBe("NaN");
    expect(at("runDate")).toBe("2026-01-19");
    const audit = lines.find((l) => l.t === "AuditLog" && l.r.includes("item.update"));
    expect(audit.r[cols("AuditLog").indexOf("before")]).toEqual({ status: "OPEN", nested: { list: [1, 2.5, null, "x"], empty: {} } });
    expect(audit.jn).toEqual([cols("AuditLog").indexOf("after")]);
    const trailer = lines.at(-1).trailer;
    expect(trailer.rows).toBe(lines.length - 2);
    expect(trailer.counts.RunSample).toBe(lines.filter((l) => l.t === "RunSample").length);
  });

  it("restores into a fresh database identical, table by table, and the sequences continue", async () => {
    const target = await newDb();
    const result = await restoreBackup(target.url, file);
    expect(result.schema).toBe("truncated");
    expect(await dumpTables(target.url)).toEqual(await dumpTables(source.url));
    // json_agg shows JSON null and SQL NULL alike: check the JSON null survived as such.
    const nulls = `SELECT count(*) FILTER (WHERE after = 'null'::jsonb) AS j, count(*) FILTER (WHERE after IS NULL) AS s FROM "AuditLog"`;
    expect(await sql(target.url, nulls)).toEqual(await sql(source.url, nulls));
    expect((await sql(target.url, nulls))[0].j).toBe("1");
    const maxId = (await source.db.auditLog.aggregate({ _max: { id: true } }))._max.id!;
    const entry = await target.db.auditLog.create({ data: { action: "after.restore", entity: "Test" } });
    expect(entry.id).toBe(maxId + 1n);
    const run = await target.db.testRun.findFirstOrThrow();
    const sample = await target.db.runSample.create({ data: { runId: run.id, t: new Date() } });
    expect(sample.id).toBe((await source.db.runSample.aggregate({ _max: { id: true } }))._max.id! + 1n);
    // The append-only trigger survived the TRUNCATE.
    await expect(sql(target.url, `DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
  });

  it("restores into a database that was never migrated (builds the schema)", async () => {
    const target = await newDb({ migrate: false });
    expect((await restoreBackup(target.url, file)).schema).toBe("created");
    expect(await dumpTables(target.url)).toEqual(await dumpTables(source.url));
  });

  it("refuses a non-empty target without --yes (CLI), then replaces it with --yes", async () => {
    const target = await newDb();
    await seedDemo(target.db, "other");
    const before = await dumpTables(target.url);
    let r = runCli(["restore", file], { DATABASE_URL: target.url });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Refusing to restore: the target database is not empty: it holds .*1 Project.*4 User.* run again with --yes/);
    expect(await dumpTables(target.url)).toEqual(before);
    r = runCli(["restore", "--yes", file], { DATABASE_URL: target.url });
    expect(r.err).toContain("restore: AuditLog");
    expect(r.out).toMatch(new RegExp(`^Restored ${TABLES} tables, \\d+ rows from `));
    expect(r.code).toBe(0);
    expect(await dumpTables(target.url)).toEqual(await dumpTables(source.url));
  });

  it("restores an older backup, then applies the code's newer migrations", async () => {
    const old = await newDb({ migrate: false });
    const oldDir = olderMigrationsDir(1);
    await migrate(old.url, { dir: oldDir });
    // Rows written in the old schema's own columns: today's client (seedDemo) knows columns it lacks.
    await sql(old.url, `INSERT INTO "Project" (id, slug, name, "updatedAt") VALUES ('p1', 'old-project', 'Old project', now())`);
    await sql(old.url, `INSERT INTO "Category" (id, "projectId", name) VALUES ('c1', 'p1', 'Security')`);
    await sql(old.url, `INSERT INTO "ChecklistItem" (id, "projectId", "categoryId", title, priority, status, evidence, "updatedAt") VALUES
      ('i1', 'p1', 'c1', 'WAF', 'P1', 'DONE', 'report', now()), ('i2', 'p1', 'c1', 'WAF', 'P2', 'OPEN', null, now())`);
    await sql(old.url, `INSERT INTO "ItemEvent" (id, "projectId", "itemId", field, "toValue", at) VALUES ('e1', 'p1', 'i1', 'status', 'DONE', '2026-01-05T10:00:00Z')`);
    await sql(old.url, `INSERT INTO "TestRun" (id, "projectId", name, kind, requests, "runDate") VALUES ('r-old', 'p1', 'Old run', 'LOAD', 42, '2026-01-10')`);
    await sql(old.url, `INSERT INTO "AuditLog" ("projectId", action, entity) VALUES ('p1', 'item.update', 'ChecklistItem')`);
    const oldFile = path.join(dir, "old.lgbak.gz");
    await createBackup(old.url, oldFile);
    const target = await newDb(); // at the code's migrations: rebuilt at the backup's, then migrated
    await seedDemo(target.db, "other");
    const result = await restoreBackup(target.url, oldFile, { yes: true });
    expect(result.schema).toBe("rebuilt");
    expect(result.appliedMigrations).toEqual(MIGRATIONS.slice(1));
    // The same as migrating the old database itself: the evidence-date backfill took the DONE event,
    // the run went to a default launch-evidence series, items got keys from their titles.
    await migrate(old.url);
    expect(await dumpTables(target.url, { skip: ["_prisma_migrations"] })).toEqual(await dumpTables(old.url, { skip: ["_prisma_migrations"] }));
    const [item] = await sql<{ evidenceAt: Date }>(target.url, `SELECT "evidenceAt" FROM "ChecklistItem" WHERE id = 'i1'`);
    expect(item.evidenceAt.toISOString()).toBe("2026-01-05T10:00:00.000Z");
    const runs = await sql<{ id: string; slug: string; launchEvidence: boolean }>(target.url,
      `SELECT t.id, s.slug, s."launchEvidence" FROM "TestRun" t JOIN "LoadTestSeries" s ON s.id = t."seriesId"`);
    expect(runs).toEqual([{ id: "r-old", slug: "default", launchEvidence: true }]);
    expect(await sql(target.url, `SELECT id, "key" FROM "ChecklistItem" ORDER BY id`)).toEqual([{ id: "i1", key: "waf" }, { id: "i2", key: "waf-2" }]);
    const applied = await sql<{ migration_name: string }>(target.url, `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`);
    expect(applied.map((m) => m.migration_name)).toEqual(MIGRATIONS);
    await expect(sql(target.url, `DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    expect(await migrate(target.url)).toEqual([]);
    fs.rmSync(oldDir, { recursive: true, force: true });
  });

  it("refuses a backup newer than the code, changing nothing", async () => {
    const target = await newDb();
    const before = await dumpTables(target.url);
    const oldDir = olderMigrationsDir(1);
    await expect(restoreBackup(target.url, file, { migrationsDir: oldDir, yes: true })).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackup(target.url, file, { migrationsDir: oldDir })).rejects.toThrow(/newer than this version.*20261126100100_append_only_records/);
    expect(await dumpTables(target.url)).toEqual(before);
    fs.rmSync(oldDir, { recursive: true, force: true });
  });

  it("fails loudly on a table Launchgate does not know, leaving no file", async () => {
    const t = await newDb();
    await sql(t.url, `CREATE TABLE "Stray" (id int PRIMARY KEY)`);
    const stray = path.join(dir, "stray.lgbak.gz");
    await expect(createBackup(t.url, stray)).rejects.toThrow(/does not know: Stray/);
    expect(fs.existsSync(stray) || fs.existsSync(`${stray}.partial`)).toBe(false);
  });
});
