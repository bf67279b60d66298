import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/server/db";

export function tempDir(prefix = "launchgate-backup-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every public table as JSON text, rows in primary-key order: equal dumps mean equal databases. */
export async function dumpTables(url: string, opts: { skip?: string[] } = {}): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ name: string; pk: string }>(
      `SELECT c.relname AS name, string_agg(format('%I', a.attname), ', ' ORDER BY k.ord) AS pk
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE i.indisprimary AND c.relnamespace = 'public'::regnamespace GROUP BY c.relname ORDER BY c.relname`,
    );
    const out: Record<string, string> = {};
    for (const t of tables) {
      if (opts.skip?.includes(t.name)) continue;
      const { rows } = await c.query<{ j: string }>(`SELECT coalesce(json_agg(x ORDER BY ${t.pk}), '[]')::text AS j FROM "${t.name}" x`);
      out[t.name] = rows[0].j;
    }
    return out;
  } finally {
    await c.end();
  }
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

/** Rows beyond the demo that exercise every column kind: JSON (and JSON null), bigint, arrays, floats. */
export async function addExtraRows(db: Db, url: string): Promise<void> {
  const project = await db.project.findUniqueOrThrow({ where: { slug: "agent-platform" } });
  const item = await db.checklistItem.findFirstOrThrow({ where: { projectId: project.id } });
  const run = await db.testRun.findFirstOrThrow({ where: { projectId: project.id } });
  await db.itemEvent.create({ data: { projectId: project.id, itemId: item.id, actorName: "Lee Lead", field: "status", fromValue: "OPEN", toValue: "DONE", snapshot: { title: item.title, hours: 1.5, tags: ["a", "b"] } } });
  await db.auditLog.create({ data: { projectId: project.id, actorName: "Zoë “quotes”", action: "item.update", entity: "ChecklistItem", entityId: item.id, before: { status: "OPEN", nested: { list: [1, 2.5, null, "x"], empty: {} } }, after: Prisma.JsonNull } });
  await db.decision.create({ data: { projectId: project.id, verdict: "NO_GO", comment: "Not yet,\nsee blockers", asOf: new Date("2026-01-18T00:00:00Z"), signedByName: "Lee Lead", snapshot: { verdict: "NO_GO", scorePercent: 58, gates: [{ id: "open-p1", status: "fail" }] } } });
  await db.apiToken.create({ data: { projectId: project.id, name: "ci", role: "ENGINEER", tokenHash: "f".repeat(64), prefix: "lg_ci", expiresAt: new Date("2027-01-01T00:00:00Z") } });
  await db.runSample.create({ data: { runId: run.id, t: new Date("2026-01-18T10:00:00.123Z"), users: 50, rps: 12.25, metrics: { cpu: 0.83, heap: { used: 123, max: 456 } } } });
  await db.testRun.create({ data: { projectId: project.id, seriesId: run.seriesId, name: "Edge run", kind: "SOAK", runDate: new Date("2026-01-19T00:00:00Z"), fileBytes: 9007199254740993n, fileNames: ['a "quoted", {braced} name.csv', "back\\slash.json", ""], warnings: [], p95Ms: 1e-300 } });
  await sql(url, `UPDATE "ItemEvent" SET snapshot = '{"exact": 0.50, "big": 123456789012345678901234567890, "e": 1E+2}' WHERE "actorName" = 'Lee Lead'`);
  await sql(url, `UPDATE "TestRun" SET "p50Ms" = 'NaN', "p99Ms" = '-Infinity', "maxMs" = '-0' WHERE name = 'Edge run'`);
}

export function runCli(args: string[], env: Record<string, string>): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ["bin/launchgate.mjs", ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A migrations directory holding only the first `n` of the code's migrations (an older Launchgate). */
/** The code's migrations, oldest first (the tests must not hard-code them: every feature adds one). */
export function migrationNames(): string[] {
  const src = path.resolve("prisma", "migrations");
  return fs.readdirSync(src).filter((d) => fs.statSync(path.join(src, d)).isDirectory()).sort();
}

export function olderMigrationsDir(n: number): string {
  const src = path.resolve("prisma", "migrations");
  const dir = tempDir("launchgate-migrations-");
  const names = fs.readdirSync(src).filter((d) => fs.statSync(path.join(src, d)).isDirectory()).sort().slice(0, n);
  for (const name of names) fs.cpSync(path.join(src, name), path.join(dir, name), { recursive: true });
  return dir;
}
