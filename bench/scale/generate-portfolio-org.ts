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
export async function generatePortfolioProjects(db: Db, from: number, to: number): Promise<number> {
  await db.$executeRaw`
    INSERT INTO "Project" (id, slug, name, description, "updatedAt", "targetLaunchDate")
    SELECT 'pf-' || i, 'pf-' || lpad(i::text, 4, '0'), 'Portfolio project ' || lpad(i::text, 4, '0'), 'Generated for bench/scale/portfolio.ts', now(),
           CASE WHEN i % 3 = 0 THEN NULL ELSE date '2027-01-01' + (i % 120) END
    FROM generate_series(${from}::int, ${to}::int) i`;
  await db.$executeRaw`
    INSERT INTO "Category" (id, "projectId", name, position, weight)
    SELECT 'pfc-' || i || '-' || c, 'pf-' || i, (${CATEGORIES}::text[])[c], c - 1, 1 + (c % 2)
    FROM generate_series(${from}::int, ${to}::int) i, generate_series(1, ${CATEGORIES.length}::int) c`;
  const items = await db.$executeRaw`
    INSERT INTO "ChecklistItem" (id, "projectId", "categoryId", title, priority, status, "estimateHours", "estimateLowHours", "estimateHighHours", evidence, "evidenceAt", "createdAt", "updatedAt")
    SELECT 'pfi-' || i || '-' || k, 'pf-' || i, 'pfc-' || i || '-' || (1 + k % ${CATEGORIES.length}::int), 'Item ' || k || ' of project ' || i,
           (CASE WHEN k % 10 < 5 THEN 'P1' WHEN k % 10 < 8 THEN 'P2' ELSE 'P3' END)::"Priority",
           (CASE WHEN (k * 7 + i) % 10 < 6 THEN 'DONE' ELSE 'OPEN' END)::"ItemStatus",
           1 + k % 8, 0.5 + k % 8, 2 * (1 + k % 8),
           CASE WHEN (k * 7 + i) % 10 < 6 THEN 'bench' END, CASE WHEN (k * 7 + i) % 10 < 6 THEN now() - interval '2 days' END,
           now() - interval '30 days' + (k || ' minutes')::interval, now()
    FROM generate_series(${from}::int, ${to}::int) i, LATERAL generate_series(1, 10 + (i * 37) % 191) k`;
  await db.$executeRaw`
    INSERT INTO "ItemEvent" (id, "projectId", "itemId", at, field, "toValue", snapshot)
    SELECT 'pfe-' || it.id, it."projectId", it.id, it."createdAt", 'created', 'OPEN',
           jsonb_build_object('priority', it.priority, 'status', 'OPEN', 'estimateHours', it."estimateHours")
    FROM "ChecklistItem" it WHERE it.id LIKE 'pfi-%' AND substring(it."projectId" FROM 4)::int BETWEEN ${from}::int AND ${to}::int`;
  await db.$executeRaw`
    INSERT INTO "ItemEvent" (id, "projectId", "itemId", at, field, "fromValue", "toValue")
    SELECT 'pfd-' || it.id, it."projectId", it.id, now() - interval '1 day' * (1 + length(it.id) % 20), 'status', 'OPEN', 'DONE'
    FROM "ChecklistItem" it WHERE it.id LIKE 'pfi-%' AND it.status = 'DONE' AND substring(it."projectId" FROM 4)::int BETWEEN ${from}::int AND ${to}::int`;
  // seriesId is filled by the default-series trigger.
  await db.$executeRaw`
    INSERT INTO "TestRun" (id, "projectId", name, kind, tool, users, "durationSeconds", requests, failures, "p50Ms", "p95Ms", "p99Ms", "throughputRps", "runDate", "createdAt")
    SELECT 'pfr-' || i || '-' || r, 'pf-' || i, 'Load run ' || r, 'LOAD', 'k6', 50 * r, 300, 20000 * r, 5 * r, 20 + 5 * r, 80 + 40 * r, 150 + 60 * r, 60 * r,
           current_date - (10 - r), now() - interval '1 day' * (10 - r)
    FROM generate_series(${from}::int, ${to}::int) i, generate_series(1, 3) r`;
  return items;
}
