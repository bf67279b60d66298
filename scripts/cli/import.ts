import fs from "node:fs";
import path from "node:path";
import { getRunComparison } from "@/lib/server/compare/get-run-comparison";
import { getDb } from "@/lib/server/db";
import { AppError, InvalidInputError } from "@/lib/server/errors";
import { importRun, type ImportedRun, type RunPreview } from "@/lib/server/runs/import-run";
import { formatBytes } from "@/lib/server/runs/upload-meter";
import { ZRunImportOptions } from "@/lib/server/schemas/run-import";
import { printComparison } from "./compare-table";
import { flag, UsageError, withDatabase } from "./context";

const ms = (v: number | null) => (v === null ? "—" : `${Math.round(v * 10) / 10} ms`);

export function printRun(r: ImportedRun | RunPreview, slug: string): void {
  const head = r.dryRun
    ? `Dry run (nothing stored) for ${slug}: "${r.name}"${r.duplicateOf ? ` — already imported as run "${r.duplicateOf.name}" (id ${r.duplicateOf.id})` : ""}`
    : `Imported run "${r.name}" (id ${r.id}) into ${slug}`;
  console.log(head);
  console.log(`  series ${r.series.slug} ("${r.series.name}")${r.series.launchEvidence ? ", launch evidence" : ", not launch evidence"}${r.dryRun && !r.seriesExists ? " (would be created)" : ""}`);
  console.log(`  ${r.tool} ${r.format}, ${r.kind}, run date ${r.runDate}, ${r.users ?? "?"} users, ${r.durationSeconds ?? "?"} s`);
  console.log(`  ${r.requests} requests, ${r.failures} failures (${r.errorRatePercent}%), ${r.throughputRps ?? "?"} req/s`);
  console.log(`  p50 ${ms(r.p50Ms)}, p95 ${ms(r.p95Ms)}, p99 ${ms(r.p99Ms)}, max ${ms(r.maxMs)}`);
  console.log(`  ${r.endpoints.length} endpoints, ${r.errors.length} error kinds, ${r.steps.length} steps; ${r.fileNames.join(", ")} (${formatBytes(r.fileBytes)}, sha256 ${r.fileSha256.slice(0, 12)}…)`);
  for (const s of r.steps) console.log(`    step ${String(s.users).padStart(6)} users: ${s.requests} requests, ${s.errorRatePercent}% errors, p95 ${ms(s.p95Ms)}`);
  for (const w of r.warnings.slice(0, 20)) console.log(`  warning: ${w}`);
  if (r.warnings.length > 20) console.log(`  … and ${r.warnings.length - 20} more warnings`);
  if (!r.dryRun) for (const b of r.blockers) console.log(`  checklist: ${b.change} P1 item "${b.title}" (id ${b.itemId})`);
}

/**
 * `import <slug> <files…> [--series S] [--format F] [--name N] [--kind K] [--users U] [--run-date D] [--dry-run] [--json]
 * [--compare [--baseline RUN]]`: several files form one run (into series S, created when new; without it the tool's
 * test name or the default series). Exits 0 when imported, 1 when a file is bad (file:line: reason), a duplicate or
 * too large, 3 when the project is unknown. With --compare the imported run is then compared with its default
 * baseline (or --baseline), and the exit code is compare's: 0 no regression, 2 regression, 3 could not compare.
 */
export async function importCommand(flags: Record<string, string | true>, positional: string[]): Promise<number> {
  const [slug, ...paths] = positional;
  // Boolean flags: the flag parser takes the next word as a value (`--dry-run a.csv`); it is a file.
  const bool = (name: string) => {
    const v = flags[name];
    if (typeof v === "string" && !/^(true|false|1|0)$/i.test(v)) paths.push(v);
    return v === true || (typeof v === "string" && !/^(false|0)$/i.test(v));
  };
  const dryRun = bool("dry-run");
  const json = bool("json");
  const compare = bool("compare");
  const baseline = flag(flags, "baseline");
  if (!slug || paths.length === 0) throw new UsageError("import needs a project slug and at least one file");
  if (compare && dryRun) throw new UsageError("--compare needs a stored run: leave out --dry-run");
  if (baseline && !compare) throw new UsageError("--baseline goes with --compare");
  const parsed = ZRunImportOptions.safeParse({
    format: flag(flags, "format"), name: flag(flags, "name"), kind: flag(flags, "kind"), users: flag(flags, "users"), runDate: flag(flags, "run-date"),
    series: flag(flags, "series"),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  for (const p of paths) {
    if (!fs.existsSync(p) || !fs.statSync(p).isFile()) {
      console.error(`${p}: no such file`);
      return 1;
    }
  }
  const byName = new Map(paths.map((p) => [path.basename(p), p]));
  return withDatabase(async (db, dbUrl) => {
    const project = await db.project.findUnique({ where: { slug }, select: { id: true } });
    if (!project) {
      console.error(`No project '${slug}'.`);
      return 3;
    }
    const streams = paths.map((p) => fs.createReadStream(p, { highWaterMark: 64 * 1024 }));
    try {
      const run = await importRun({
        db, project, actor: { kind: "cli" }, options: parsed.data, dryRun,
        files: paths.map((p, i) => ({ name: path.basename(p), stream: streams[i] })),
      });
      if (compare && !run.dryRun) return await compareImported(dbUrl, project.id, run, slug, baseline, json);
      if (json) console.log(JSON.stringify(run, null, 2));
      else printRun(run, slug);
      return 0;
    } catch (err) {
      if (err instanceof InvalidInputError && err.details && typeof err.details === "object" && "reason" in err.details) {
        const d = err.details as { file: string | null; line: number | null; reason: string };
        const where = [d.file ? (byName.get(d.file) ?? d.file) : null, d.line].filter((x) => x !== null).join(":");
        console.error(`${where ? `${where}: ` : ""}${d.reason}`);
        return 1;
      }
      if (err instanceof AppError) {
        console.error(`launchgate import: ${err.message}`);
        return 1;
      }
      throw err;
    } finally {
      for (const s of streams) s.destroy();
    }
  }, { quiet: true });
}

/** `import … --compare`: the stored run against its baseline; exit 0 / 2, or 3 when it cannot be compared. */
async function compareImported(dbUrl: string, projectId: string, run: ImportedRun, slug: string, baseline: string | undefined, json: boolean): Promise<number> {
  process.env.DATABASE_URL = dbUrl;
  try {
    const comparison = await getRunComparison(projectId, run.id, baseline);
    if (json) {
      console.log(JSON.stringify({ run, comparison }, null, 2));
      return comparison.regressed ? 2 : 0;
    }
    printRun(run, slug);
    console.log("");
    return printComparison(comparison, false);
  } catch (err) {
    if (json) console.log(JSON.stringify({ run, comparison: null }, null, 2));
    else printRun(run, slug);
    console.error(`launchgate import --compare: imported, but could not compare: ${(err as Error).message}`);
    return 3;
  } finally {
    await getDb().$disconnect();
  }
}
