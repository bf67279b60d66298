import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { restoreBackup } from "@/lib/server/backup/restore-backup";
import { createBackup } from "@/lib/server/backup/write-backup";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { sql, tempDir } from "./helpers";

const ROWS = 200_000;
let source: Awaited<ReturnType<typeof createTestDatabase>>;
let target: Awaited<ReturnType<typeof createTestDatabase>>;
const dir = tempDir();

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  await seedDemo(source.db, "pw");
  const run = await source.db.testRun.findFirstOrThrow();
  await sql(source.url, `DELETE FROM "RunSample"`);
  await sql(
    source.url,
    `INSERT INTO "RunSample" ("runId", t, users, requests, rps, "responseMs", metrics)
     SELECT $1, timestamp '2026-01-18 10:00' + g * interval '1 second', g % 500, g, g / 7.0, g % 997 * 1.5,
            jsonb_build_object('cpu', (g % 100) / 100.0, 'label', 'sample ' || g)
     FROM generate_series(1, ${ROWS}) g`,
    [run.id],
  );
});
afterAll(async () => {
  await Promise.all([source.drop(), target.drop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

// Memory note: the writer pages through RunSample by primary key (2000 rows a query) into a gzip
// stream with backpressure, and the restore reads the file line by line into 1000-row INSERTs, so
// neither holds a table in memory. No timing or memory assertion here: it completes and counts match.
describe("a backup of 200k run samples", () => {
  it("streams through and restores with every row", async () => {
    const file = path.join(dir, "large.lgbak.gz");
    const backup = await createBackup(source.url, file);
    expect(backup.counts.RunSample).toBe(ROWS);
    const restored = await restoreBackup(target.url, file);
    expect(restored.counts.RunSample).toBe(ROWS);
    const check = `SELECT count(*)::int AS n, max(id)::text AS max, sum(requests)::text AS req, md5(string_agg(metrics::text, ',' ORDER BY id)) AS m FROM "RunSample"`;
    expect(await sql(target.url, check)).toEqual(await sql(source.url, check));
  });
});
