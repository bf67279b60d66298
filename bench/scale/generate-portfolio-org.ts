import type { Db } from "@/lib/server/db";

const CATEGORIES = ["Infrastructure", "Security", "Performance", "Monitoring", "Operations"];

/** Items of generated project i: 10 to 200, spread deterministically. */
export const itemsOf = (i: number) => 10 + ((i * 37) % 191);

/**
 * Projects `from`..`to` of the portfolio organisation, all in SQL (INSERT … SELECT generate_series):
 * each with 5 categories, 10–200 items (half P1, ~60 % done with evidence, a "created" event each
 * and a status event for the done ones), 3 load runs in its default series, and a target date for
 * two in three. Returns the number of items inserted.
 */
export async function generatePortfolioProjects(db: Db, from: number, to: number, log: (s: string) => void = () => {}): Promise<number> {
  let t = performance.now();
  const step = (what: string) => { log(`    ${what}: ${(performance.now() - t).toFixed(0)} ms`); t = performance.now(); };
  await db.$executeRaw`
    INSERT INTO "Project" (id, slug, name, description, "updatedAt", "targetLaunchDate")
    SELECT 'pf-' || i, 'pf-' || lpad(i::text, 4, '0'), 'Portfolio project ' || lpad(i::text, 4, '0'), 'Generated for bench/scale/portfolio.ts', now(),
           CASE WHEN i % 3 = 0 THEN NULL ELSE date '2027-01-01' + (i % 120) END
    FROM generate_series(${from}::int, ${to}::int) i`;
  step("projects");
  await db.$executeRaw`
    INSERT INTO "Category" (id, "projectId", key, name, position, weight)
    SELECT 'pfc-' || i || '-' || c, 'pf-' || i, 'cat-' || c, (${CATEGORIES}::text[])[c], c - 1, 1 + (c % 2)
    FROM generate_series(${from}::int, ${to}::int) i, generate_series(1, ${CATEGORIES.length}::int) c`;
  step("categories");
  // Items and their events in one statement, without per-row foreign-key checks and triggers
  // (session_replication_role = replica, this transaction only: the ids above are consistent by construction).
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
    await tx.$executeRaw`
      WITH it AS (
        INSERT INTO "ChecklistItem" (id, "projectId", "categoryId", key, title, priority, status, "estimateHours", "estimateLowHours", "estimateHighHours", evidence, "evidenceAt", "createdAt", "updatedAt")
        SELECT 'pfi-' || i || '-' || k, 'pf-' || i, 'pfc-' || i || '-' || (1 + k % ${CATEGORIES.length}::int), 'item-' || k, 'Item ' || k || ' of project ' || i,
               (CASE WHEN k % 10 < 5 THEN 'P1' WHEN k % 10 < 8 THEN 'P2' ELSE 'P3' END)::"Priority",
               (CASE WHEN (k * 7 + i) % 10 < 6 THEN 'DONE' ELSE 'OPEN' END)::"ItemStatus",
               1 + k % 8, 0.5 + k % 8, 2 * (1 + k % 8),
               CASE WHEN (k * 7 + i) % 10 < 6 THEN 'bench' END, CASE WHEN (k * 7 + i) % 10 < 6 THEN now() - interval '2 days' END,
               now() - interval '30 days' + (k || ' minutes')::interval, now()
        FROM generate_series(${from}::int, ${to}::int) i, LATERAL generate_series(1, 10 + (i * 37) % 191) k
        RETURNING id, "projectId", priority, status, "estimateHours", "createdAt"
      )
      INSERT INTO "ItemEvent" (id, "projectId", "itemId", at, field, "fromValue", "toValue", snapshot)
      SELECT 'pfe-' || it.id, it."projectId", it.id, it."createdAt", 'created', NULL, 'OPEN',
             jsonb_build_object('priority', it.priority, 'status', 'OPEN', 'estimateHours', it."estimateHours") FROM it
      UNION ALL
      SELECT 'pfd-' || it.id, it."projectId", it.id, now() - interval '1 day' * (1 + length(it.id) % 20), 'status', 'OPEN', 'DONE', NULL FROM it WHERE it.status = 'DONE'`;
    // The change triggers did not fire: note the projects' data as changed, as they would have.
    await tx.$executeRaw`INSERT INTO "ProjectDataChange" ("projectId") SELECT 'pf-' || i FROM generate_series(${from}::int, ${to}::int) i`;
  }, { timeout: 600_000 });
  let items = 0;
  for (let i = from; i <= to; i++) items += itemsOf(i);
  step("items and events");
  // seriesId is filled by the default-series trigger.
  await db.$executeRaw`
    INSERT INTO "TestRun" (id, "projectId", name, kind, tool, users, "durationSeconds", requests, failures, "p50Ms", "p95Ms", "p99Ms", "throughputRps", "runDate", "createdAt")
    SELECT 'pfr-' || i || '-' || r, 'pf-' || i, 'Load run ' || r, 'LOAD', 'k6', 50 * r, 300, 20000 * r, 5 * r, 20 + 5 * r, 80 + 40 * r, 150 + 60 * r, 60 * r,
           current_date - (10 - r), now() - interval '1 day' * (10 - r)
    FROM generate_series(${from}::int, ${to}::int) i, generate_series(1, 3) r`;
  step("runs");
  await db.$executeRawUnsafe(`ANALYZE`);
  step("analyze");
  return items;
}
