/**
 * Child process of the ingest benchmark: imports the files given on the command line as one run
 * through the real import service (stream → parse → one transaction) into DATABASE_URL, samples its
 * own RSS every 100 ms, then makes the bare pass (bare-pass.ts) over the same file twice in the
 * same process — the yardstick is the faster of the two — and prints one JSON line with the figures.
 */
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/server/db";
import { getMetricsStore } from "@/lib/server/metrics";
import { importRun } from "@/lib/server/runs/import-run";
import { barePass } from "./bare-pass";

async function main() {
  const [projectId, ...files] = process.argv.slice(2);
  const db = createPrismaClient(process.env.DATABASE_URL!, { max: 4 });
  // Warm up: the database client (its query engine) is loaded in any server process before an upload.
  await db.testRun.count();
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  const run = await importRun({
    db, project: { id: projectId }, actor: { kind: "cli" }, maxBytes: 4 * 1024 ** 3,
    files: files.map((f) => ({ name: path.basename(f), stream: fs.createReadStream(f, { highWaterMark: 64 * 1024 }) })),
  });
  const ms = performance.now() - started;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const rows = getMetricsStore().counters.get("import_rows_total") ?? 0;
  const [samples, steps, endpoints] = await Promise.all([
    db.runSample.count({ where: { runId: run.id } }), db.runStep.count({ where: { runId: run.id } }), db.runEndpoint.count({ where: { runId: run.id } }),
  ]);
  await db.$disconnect();
  const kind = files[0].endsWith(".ndjson") ? "ndjson" : "csv";
  const passes = [await barePass(files[0], kind), await barePass(files[0], kind)];
  const bare = passes.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  console.log(JSON.stringify({
    bare: { kind, seconds: bare.seconds, lines: bare.lines, mbPerSecond: bare.bytes / 1024 / 1024 / bare.seconds, allSeconds: passes.map((p) => p.seconds) },
    files: files.map((f) => path.basename(f)), bytes: run.fileBytes, rows, seconds: ms / 1000, rowsPerSecond: rows / (ms / 1000),
    mbPerSecond: run.fileBytes / 1024 / 1024 / (ms / 1000), baselineRssMb: baselineRss / 1024 / 1024, peakRssMb: peakRss / 1024 / 1024,
    run: { tool: run.tool, format: run.format, requests: run.requests, failures: run.failures, p95Ms: run.p95Ms, users: run.users, steps, samples, endpoints },
  }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
