/**
 * Reads the JSON reports that `npm test` asks Vitest and Playwright for and prints the slowest test
 * files, so CI shows where its time goes.
 */
import fs from "node:fs";

interface Timed { file: string; ms: number }

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Vitest's json reporter: one entry per test file with its start and end time. */
export function vitestFileTimes(file: string): Timed[] {
  const report = readJson(file) as { testResults?: { name: string; startTime: number; endTime: number }[] } | null;
  return (report?.testResults ?? []).map((r) => ({ file: r.name, ms: r.endTime - r.startTime }));
}

interface PwSuite { file?: string; suites?: PwSuite[]; specs?: { tests: { results: { duration: number }[] }[] }[] }

/** Playwright's json reporter: the durations of every test result, summed per spec file. */
export function playwrightFileTimes(file: string): Timed[] {
  const report = readJson(file) as { suites?: PwSuite[] } | null;
  const byFile = new Map<string, number>();
  const walk = (s: PwSuite, top: string) => {
    for (const spec of s.specs ?? []) for (const t of spec.tests) for (const r of t.results) byFile.set(top, (byFile.get(top) ?? 0) + r.duration);
    for (const child of s.suites ?? []) walk(child, top);
  };
  for (const s of report?.suites ?? []) walk(s, s.file ?? "?");
  return [...byFile].map(([f, ms]) => ({ file: f, ms }));
}

export function printSlowest(title: string, times: Timed[], n = 8): void {
  if (times.length === 0) return;
  const root = process.cwd() + "/";
  console.log(`\nSlowest ${title}:`);
  for (const t of [...times].sort((a, b) => b.ms - a.ms).slice(0, n)) {
    console.log(`  ${(t.ms / 1000).toFixed(1).padStart(7)} s  ${t.file.replace(root, "")}`);
  }
}
