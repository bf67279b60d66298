/** Helpers for the import tests (imported by *.test.ts only). */
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/server/db";

export const SHARED_FIXTURES = path.resolve(__dirname, "../../../shared/fixtures/loadtests");
export const BUNDLED_FIXTURES = path.resolve(__dirname, "../fixtures/loadtests");

const DATA_FILE = /\.(csv|jtl|json|ndjson|log|xml)$/i;

/** Every data file of a fixture tree, as `tool/name` (READMEs, licences, scripts left out). */
export function listFixtureFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  for (const tool of fs.readdirSync(root).sort()) {
    const dir = path.join(root, tool);
    if (!fs.statSync(dir).isDirectory() || tool === "LICENSES") continue;
    for (const f of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, f);
      if (fs.statSync(full).isFile() && DATA_FILE.test(f)) out.push(`${tool}/${f}`);
    }
  }
  return out;
}

/** Locust companions that only make sense with a stats or history file of the same run. */
export const COMPANION_ONLY = /_(failures|exceptions|distribution)\.csv$/i;

/**
 * The runs a fixture tree holds: each file that stands alone, plus the files that together
 * form one run (Locust's stats + history + failures + exceptions, a summary + its detail).
 */
export function fixtureRuns(root: string): string[][] {
  const files = listFixtureFiles(root);
  const runs: string[][] = files.filter((f) => !COMPANION_ONLY.test(f)).map((f) => [f]);
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const m = /^((?:locust|generated)\/.+?)_(stats_history|stats|failures|exceptions|requests|distribution)\.csv$/i.exec(f)
      ?? /^((?:k6|gatling)\/.+?)__/.exec(f);
    if (m) groups.set(m[1], [...(groups.get(m[1]) ?? []), f]);
  }
  for (const g of groups.values()) if (g.length > 1) runs.push(g);
  return runs;
}

/** Row counts of every run table: an import that fails must leave them all unchanged. */
export async function runTableCounts(db: Db) {
  const [runs, endpoints, errors, steps, samples, audit] = await Promise.all([
    db.testRun.count(), db.runEndpoint.count(), db.runError.count(), db.runStep.count(), db.runSample.count(),
    db.auditLog.count({ where: { action: "run.import" } }),
  ]);
  return { runs, endpoints, errors, steps, samples, audit };
}
