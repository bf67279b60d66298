/**
 * Ingest benchmark (not a test): generates a ~1 GB k6 `--out json` NDJSON and a 2 M-row JMeter
 * CSV JTL into bench/out/ (kept for the next run; `--regenerate` to rebuild), imports each through
 * the real import service into a throwaway embedded PostgreSQL, and prints rows/s, MiB/s against a
 * bare pass over the same file (bare-pass.ts), peak RSS and the comparison with COPY, then the targets.
 *
 *   npx tsx --conditions=react-server bench/ingest/run.ts [--k6-bytes N] [--jmeter-rows N] [--regenerate]
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { createPrismaClient } from "@/lib/server/db";
import { startEmbeddedPostgres } from "@/lib/server/runtime/embedded-postgres";
import { migrate } from "@/lib/server/runtime/migrate";
import { printTargets, type TargetCheck } from "../lib/targets";
import { copyRequests, normalizeRequests } from "./copy-baseline";
import { generateJmeterCsv, generateK6Ndjson, generateLocustHistory } from "./generate";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OUT = path.join(ROOT, "bench", "out");
const TARGET_RSS_MB = 300;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function ensureFile(file: string, make: () => Promise<{ bytes: number; lines: number }>): Promise<void> {
  if (fs.existsSync(file) && !process.argv.includes("--regenerate")) {
    console.log(`using ${path.relative(ROOT, file)} (${(fs.statSync(file).size / 1024 ** 2).toFixed(0)} MiB; --regenerate to rebuild)`);
    return;
  }
  const t = performance.now();
  const r = await make();
  console.log(`generated ${path.relative(ROOT, file)}: ${(r.bytes / 1024 ** 2).toFixed(0)} MiB, ${r.lines.toLocaleString("en-US")} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

interface Figures {
  files: string[]; bytes: number; rows: number; seconds: number; rowsPerSecond: number; mbPerSecond: number;
  baselineRssMb: number; peakRssMb: number; timeMaxRssMb?: number;
  /** null in a --memory-only child (whose figures give the RSS only). */
  bare: { kind: "csv" | "ndjson"; seconds: number; lines: number; mbPerSecond: number; allSeconds: number[] };
  run: { tool: string; format: string; requests: number; failures: number; p95Ms: number | null; users: number | null; steps: number; samples: number; endpoints: number };
}

/**
 * One import in a child process (so generation garbage does not count), under /usr/bin/time -v when
 * present; `memoryOnly`: without the bare passes, for the import's own peak RSS.
 */
function importInChild(url: string, projectId: string, file: string, memoryOnly = false): Figures {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const node = [process.execPath, "--expose-gc", tsx, "--conditions=react-server", path.join(ROOT, "bench", "ingest", "import-one.ts"), projectId, file];
  if (memoryOnly) node.push("--memory-only");
  const useTime = fs.existsSync("/usr/bin/time");
  const r = spawnSync(useTime ? "/usr/bin/time" : node[0], useTime ? ["-v", ...node] : node.slice(1), {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" }, encoding: "utf8", maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`import of ${file} failed:\n${r.stdout}\n${r.stderr}`);
  const figures = JSON.parse(r.stdout.trim().split("\n").pop()!) as Figures;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (m) figures.timeMaxRssMb = Number(m[1]) / 1024;
  return figures;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const k6 = path.join(OUT, "k6-1gb.ndjson");
  const jtl = path.join(OUT, "jmeter-2m.jtl");
  // 1 GB (10^9 bytes): just under the default upload limit of 1 GiB, so the same file also goes through the API.
  await ensureFile(k6, () => generateK6Ndjson(k6, arg("k6-bytes", 1e9)));
  await ensureFile(jtl, () => generateJmeterCsv(jtl, arg("jmeter-rows", 2_000_000)));
  const locust = path.join(OUT, "locust-1m_stats_history.csv");
  await ensureFile(locust, () => generateLocustHistory(locust, arg("locust-rows", 1_000_000)));

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "launchgate-bench-ingest-"));
  fs.chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir, log: () => {}, quiet: true });
  try {
    await migrate(pg.url);
    const db = createPrismaClient(pg.url, { max: 2 });
    const project = await db.project.create({ data: { slug: "bench", name: "Ingest benchmark" } });
    // A second project for the memory-only imports of the same files (one project refuses a file twice).
    const memoryProject = await db.project.create({ data: { slug: "bench-memory", name: "Ingest benchmark (memory)" } });
    await db.$disconnect();
    // Speed against the bare pass in one child; the peak RSS from a second child that only imports
    // (the bare pass splits every CSV field into a string and leaves a grown heap behind).
    const results = [k6, jtl, locust].map((f) => {
      const speed = importInChild(pg.url, project.id, f);
      const memory = importInChild(pg.url, memoryProject.id, f, true);
      return { ...speed, baselineRssMb: memory.baselineRssMb, peakRssMb: memory.peakRssMb, timeMaxRssMb: memory.timeMaxRssMb, withBareRssMb: speed.timeMaxRssMb ?? speed.peakRssMb };
    });
    // The yardstick: COPY of the same requests, normalized, into a table in the same database.
    const baselines: { file: string; requests: number; copySeconds: number; importSeconds: number }[] = [];
    for (const [i, f] of [k6, jtl, locust].entries()) {
      const normalized = `${f}.requests.csv`;
      const requests = await normalizeRequests(f, normalized);
      const copySeconds = await copyRequests(pg.url, normalized);
      fs.rmSync(normalized, { force: true });
      baselines.push({ file: path.basename(f), requests, copySeconds, importSeconds: results[i].seconds });
    }
    console.log(`\nIngest benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM`);
    console.log("| file | size | input rows | time | rows/s | MiB/s | peak RSS, import alone (sampled) | max RSS, import alone (time -v) | run |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const r of results) {
      const rss = r.timeMaxRssMb ?? r.peakRssMb;
      console.log(
        `| ${r.files.join(", ")} | ${(r.bytes / 1024 ** 2).toFixed(0)} MiB | ${r.rows.toLocaleString("en-US")} | ${r.seconds.toFixed(1)} s | ${Math.round(r.rowsPerSecond).toLocaleString("en-US")} | ${r.mbPerSecond.toFixed(1)} | ${r.peakRssMb.toFixed(0)} MB (start ${r.baselineRssMb.toFixed(0)}) | ${r.timeMaxRssMb ? `${r.timeMaxRssMb.toFixed(0)} MB` : "—"} | ${r.run.requests.toLocaleString("en-US")} requests, ${r.run.steps} steps, ${r.run.samples} samples, p95 ${r.run.p95Ms} ms |` +
          (rss > TARGET_RSS_MB ? ` OVER the ${TARGET_RSS_MB} MB target` : ""),
      );
    }
    console.log("\n| file | import MiB/s | bare pass MiB/s (mean of the passes before / after; what it does) | import / bare pass |");
    console.log("| --- | ---: | ---: | ---: |");
    for (const r of results) {
      const what = r.bare.kind === "csv" ? "lines split, every field sliced" : "lines split, JSON.parse each";
      console.log(`| ${r.files.join(", ")} | ${r.mbPerSecond.toFixed(1)} | ${r.bare.mbPerSecond.toFixed(1)} (${r.bare.allSeconds.map((x) => x.toFixed(2)).join(" / ")} s; ${what}) | ${(r.mbPerSecond / r.bare.mbPerSecond).toFixed(2)} |`);
    }
    console.log("\n| file | normalized rows | import: rows/s | COPY of the normalized rows: rows/s | import / COPY |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const b of baselines) {
      const imp = b.requests / b.importSeconds;
      const copy = b.requests / b.copySeconds;
      console.log(`| ${b.file} | ${b.requests.toLocaleString("en-US")} | ${Math.round(imp).toLocaleString("en-US")} (${b.importSeconds.toFixed(1)} s) | ${Math.round(copy).toLocaleString("en-US")} (${b.copySeconds.toFixed(1)} s) | ${((imp / copy) * 100).toFixed(0)}% (target ≥ 50%) |`);
    }
    const checks: TargetCheck[] = [];
    for (const [i, r] of results.entries()) {
      const name = r.files.join(", ");
      checks.push({
        name: `${name}: import / bare pass (MiB/s)`, value: r.mbPerSecond / r.bare.mbPerSecond, op: "≥", limit: 0.5, unit: "×",
        detail: `import ${r.mbPerSecond.toFixed(1)} MiB/s, bare ${r.bare.kind === "csv" ? "CSV split" : "JSON.parse"} pass ${r.bare.mbPerSecond.toFixed(1)} MiB/s`,
      });
      checks.push({
        name: `${name}: peak RSS`, value: r.timeMaxRssMb ?? r.peakRssMb, op: "≤", limit: TARGET_RSS_MB, unit: " MB",
        detail: `an import alone: sampled ${r.peakRssMb.toFixed(0)} MB, start ${r.baselineRssMb.toFixed(0)} MB; ${r.withBareRssMb.toFixed(0)} MB in the child that also ran the bare passes`,
      });
      const b = baselines[i];
      const imp = b.requests / b.importSeconds;
      const copy = b.requests / b.copySeconds;
      checks.push({
        name: `${name}: import / COPY (rows/s)`, value: (imp / copy) * 100, op: "≥", limit: 50, unit: " %",
        detail: `${Math.round(imp).toLocaleString("en-US")} vs ${Math.round(copy).toLocaleString("en-US")} normalized rows/s`,
      });
    }
    printTargets("Ingest", checks);
  } finally {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
