import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { restoreBackup } from "@/lib/server/backup/restore-backup";
import { verifyBackupFile } from "@/lib/server/backup/read-backup";
import { createBackup } from "@/lib/server/backup/write-backup";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { sql, tempDir } from "./helpers";

let source: Awaited<ReturnType<typeof createTestDatabase>>;
let target: Awaited<ReturnType<typeof createTestDatabase>>;
let projectId: string;
const dir = tempDir();
const SAMPLES_PER_RUN = 10;

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  await seedDemo(source.db, "pw");
  projectId = (await source.db.project.findFirstOrThrow()).id;
  // Enough rows that the backup takes many pages, so the writer below overlaps it.
  const run = await source.db.testRun.findFirstOrThrow();
  await sql(source.url, `INSERT INTO "RunSample" ("runId", t, users) SELECT $1, now() + g * interval '1 second', g FROM generate_series(1, 30000) g`, [run.id]);
});
afterAll(async () => {
  await Promise.all([source.drop(), target.drop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Commits, one transaction at a time, a run with its samples and an audit entry until stopped. */
function startWriter(url: string) {
  const state = { stop: false, committed: 0, done: Promise.resolve() };
  state.done = (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      for (let n = 0; !state.stop; n++) {
        await c.query("BEGIN");
        await c.query(`INSERT INTO "TestRun" (id, "projectId", name, kind, "runDate") VALUES ($1, $2, $1, 'LOAD', current_date)`, [`concurrent-${n}`, projectId]);
        await c.query(`INSERT INTO "RunSample" ("runId", t) SELECT $1, now() FROM generate_series(1, ${SAMPLES_PER_RUN})`, [`concurrent-${n}`]);
        await c.query(`INSERT INTO "AuditLog" (action, entity, "entityId", after) VALUES ('run.import', 'TestRun', $1, $2)`, [`concurrent-${n}`, JSON.stringify({ n })]);
        await c.query("COMMIT");
        state.committed++;
      }
    } finally {
      await c.end();
    }
  })();
  return state;
}

describe("a backup taken while the app writes", () => {
  it("is one consistent snapshot: counts match the trailer, no run without its samples and audit entry", async () => {
    const writer = startWriter(source.url);
    while (writer.committed < 3) await new Promise((r) => setTimeout(r, 10));
    const file = path.join(dir, "busy.lgbak.gz");
    const startedAt = writer.committed;
    const result = await createBackup(source.url, file, { batchSize: 250 });
    const during = writer.committed - startedAt;
    writer.stop = true;
    await writer.done;
    expect(during).toBeGreaterThan(0); // the writer really committed while the backup ran

    const { counts } = await verifyBackupFile(file);
    expect(counts).toEqual(result.counts);
    await restoreBackup(target.url, file);
    for (const [table, n] of Object.entries(result.counts)) {
      expect((await sql(target.url, `SELECT count(*)::int AS n FROM "${table}"`))[0].n, table).toBe(n);
    }
    const runs = await sql<{ id: string; samples: number; audits: number }>(
      target.url,
      `SELECT r.id, (SELECT count(*)::int FROM "RunSample" s WHERE s."runId" = r.id) AS samples,
              (SELECT count(*)::int FROM "AuditLog" a WHERE a."entityId" = r.id) AS audits
       FROM "TestRun" r WHERE r.id LIKE 'concurrent-%'`,
    );
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThan(writer.committed);
    for (const r of runs) expect([r.id, r.samples, r.audits]).toEqual([r.id, SAMPLES_PER_RUN, 1]);
    const orphans = await sql(target.url, `SELECT 1 FROM "AuditLog" a WHERE a."entityId" LIKE 'concurrent-%' AND NOT EXISTS (SELECT 1 FROM "TestRun" r WHERE r.id = a."entityId")`);
    expect(orphans).toHaveLength(0);
  });
});
