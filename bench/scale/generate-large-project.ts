import crypto from "node:crypto";
import type { Db } from "@/lib/server/db";

const CATEGORIES = ["Infrastructure", "Security", "Performance", "Monitoring", "Backup & Recovery", "Documentation", "Operations"];

/** A deterministic pseudo-random generator, so every run of the benchmark builds the same data. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The 100× project: 5,000 items (with their events), 1,000 load runs (some stepped) and one
 * stability run, 1,000,000 samples in all. Inserted with multi-row inserts in batches.
 */
export async function generateLargeProject(db: Db, slug: string, log: (s: string) => void): Promise<void> {
  const rand = rng(42);
  const project = await db.project.create({ data: { slug, name: "Large project (100× the demo)", expectedProductionUsers: 400, workingDays: ["Mon", "Tue", "Wed", "Thu", "Fri"] } });
  const cats = await Promise.all(CATEGORIES.map((name, position) => db.category.create({ data: { projectId: project.id, name, position } })));
  const start = Date.parse("2026-01-01T09:00:00Z");
  const items = Array.from({ length: 5000 }, (_, i) => {
    const p1 = rand() < 0.6;
    const done = rand() < 0.5;
    const ml = Math.round(1 + rand() * 15);
    return {
      id: crypto.randomUUID(), projectId: project.id, categoryId: cats[i % cats.length].id, title: `Item ${i}: ${p1 ? "critical" : "routine"} work`,
      priority: (p1 ? "P1" : rand() < 0.5 ? "P2" : "P3") as "P1" | "P2" | "P3", status: (done ? "DONE" : "OPEN") as "DONE" | "OPEN",
      estimateHours: ml, estimateLowHours: Math.max(0.5, ml - 1), estimateHighHours: ml * 2, createdAt: new Date(start + i * 60_000), evidence: done ? "bench" : null,
    };
  });
  for (let i = 0; i < items.length; i += 1000) await db.checklistItem.createMany({ data: items.slice(i, i + 1000) });
  const events = items.flatMap((it, i) => {
    const created = { projectId: project.id, itemId: it.id, at: it.createdAt, field: "created", toValue: "OPEN", snapshot: { priority: it.priority, status: "OPEN", estimateHours: it.estimateHours } };
    return it.status === "DONE" ? [created, { projectId: project.id, itemId: it.id, at: new Date(start + 86_400_000 * (1 + (i % 20))), field: "status", fromValue: "OPEN", toValue: "DONE" }] : [created];
  });
  for (let i = 0; i < events.length; i += 2000) await db.itemEvent.createMany({ data: events.slice(i, i + 2000) });
  log(`  5,000 items, ${events.length} events`);
  const { id: seriesId } = await db.loadTestSeries.create({ data: { projectId: project.id, slug: "default", name: "Default", environment: "unspecified", launchEvidence: true } });
  const runIds: string[] = [];
  const runs = Array.from({ length: 1000 }, (_, i) => {
    const users = 10 * (1 + (i % 60));
    const requests = 1000 + Math.floor(rand() * 100_000);
    const id = crypto.randomUUID();
    runIds.push(id);
    return {
      id, projectId: project.id, seriesId, name: `Run ${i}`, kind: "LOAD" as const, tool: "locust", users, durationSeconds: 300, requests,
      failures: Math.floor(requests * (users > 400 ? 0.02 : 0.0005)), p50Ms: 10 + users / 10, p95Ms: 40 + users, p99Ms: 80 + users * 2, throughputRps: Math.min(users * 0.7, 300),
      runDate: new Date(start + (i % 30) * 86_400_000), createdAt: new Date(start + i * 3_600_000),
    };
  });
  await db.testRun.createMany({ data: runs });
  const stab = await db.testRun.create({
    data: { projectId: project.id, seriesId, name: "Soak", kind: "STABILITY", runDate: new Date("2026-01-20T00:00:00Z"), baselineMeanMs: 10, baselineP99Ms: 30, intervalSeconds: 1, requests: 0, failures: 0 },
  });
  // 1,000,000 samples: 1,000 on each of 999 load runs and 1,000 on the stability run, made in SQL.
  const sampled = [...runIds.slice(0, 999), stab.id];
  await db.$executeRawUnsafe(
    `INSERT INTO "RunSample" ("runId", t, users, requests, failures, rps, "responseMs", "p95Ms", metrics)
     SELECT r.id, timestamp '2026-01-01 09:00:00' + (k || ' seconds')::interval, 100, 50, (random() < 0.01)::int, 50,
            8 + random() * 4, 20 + random() * 10, CASE WHEN r.id = $2 THEN jsonb_build_object('apiMemPercent', 40 + random()) END
     FROM unnest($1::text[]) AS r(id), generate_series(0, 999) AS k`,
    sampled, stab.id,
  );
  const total = sampled.length * 1000;
  log(`  1,000 runs, ${total.toLocaleString()} samples`);
}
