/**
 * Child process of the ingest benchmark: imports the files given on the command line as one run
 * through the real import service (stream → parse → one transaction) into DATABASE_URL, samples its
 * own RSS every 100 ms; the bare pass (bare-pass.ts) over the same file runs in the same process just
 * before and just after it — the yardstick is their mean — and one JSON line gives the figures.
 * With --memory-only there is no bare pass: the peak RSS of a process that only imports, as a
 * server does (the bare pass's CSV fields leave a grown heap behind that is not the import's).
 */
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/server/db";
import { getMetricsStore } from "@/lib/server/metrics";
import { importRun } from "@/lib/server/runs/import-run";
import { barePass } from "./bare-pass";

function warmupFile(file: string): { name: string; stream: AsyncIterable<Uint8Array> } {
  const fd = fs.openSync(file, "r");
  const head = Buffer.alloc(256 * 1024);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const bytes = head.subarray(0, head.lastIndexOf(10, n - 1) + 1);
  return { name: path.basename(file), stream: (async function* () { yield bytes; })() };
}

async function main() {
  // --memory-only: the import alone (no bare pass), for its peak RSS in a process that only imports.
  const memoryOnly = process.argv.includes("--memory-only");
  const [projectId, ...files] = process.argv.slice(2).filter((a) => a !== "--memory-only");
  const db = createPrismaClient(process.env.DATABASE_URL!, { max: 4 });
  // Warm up as a server that has imported before: the database client is loaded, and one small
  // import (the file's first ~256 KiB, whole lines, same name) has run every statement once — the
  // first import in a process pays ~1 s once for that (Prisma preparing each query), not per MiB.
  await db.testRun.count();
  await importRun({ db, project: { id: projectId }, actor: { kind: "cli" }, maxBytes: 4 * 1024 ** 3, files: [warmupFile(files[0])] });
  // The bare passes bracket the import, so that a change in the (shared) machine's load weighs on both.
  const kind = files[0].endsWith(".ndjson") ? "ndjson" : "csv";
  const before = memoryOnly ? null : await barePass(files[0], kind);
  // Its garbage collected (run.ts starts this with --expose-gc), so that it does not count as the import's memory.
  (globalThis as { gc?: () => void }).gc?.();
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const rowsBefore = getMetricsStore().counters.get("import_rows_total") ?? 0;
  const started = performance.now();
  const run = await importRun({
    db, project: { id: projectId }, actor: { kind: "cli" }, maxBytes: 4 * 1024 ** 3,
    files: files.map((f) => ({ name: path.basename(f), stream: fs.createReadStream(f, { highWaterMark: 64 * 1024 }) })),
  });
  const ms = performance.now() - started;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const rows = (getMetricsStore().counters.get("import_rows_total") ?? 0) - rowsBefore;
  const [samples, steps, endpoints] = await Promise.all([
    db.runSample.count({ where: { runId: run.id } }), db.runStep.count({ where: { runId: run.id } }), db.runEndpoint.count({ where: { runId: run.id } }),
  ]);
  await db.$disconnect();
  const passes = before ? [before, await barePass(files[0], kind)] : [];
  const seconds = before ? (passes[0].seconds + passes[1].seconds) / 2 : NaN;
  console.log(JSON.stringify({
    bare: before ? { kind, seconds, lines: before.lines, mbPerSecond: before.bytes / 1024 / 1024 / seconds, allSeconds: passes.map((p) => p.seconds) } : null,
    files: files.map((f) => path.basename(f)), bytes: run.fileBytes, rows, seconds: ms / 1000, rowsPerSecond: rows / (ms / 1000),
    mbPerSecond: run.fileBytes / 1024 / 1024 / (ms / 1000), baselineRssMb: baselineRss / 1024 / 1024, peakRssMb: peakRss / 1024 / 1024,
    run: { tool: run.tool, format: run.format, requests: run.requests, failures: run.failures, p95Ms: run.p95Ms, users: run.users, steps, samples, endpoints },
  }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
