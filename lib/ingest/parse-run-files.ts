import { FORMAT_TOOL } from "./detect-format";
import { IngestError, requireRequests, withFile } from "./errors";
import { readLocustPart } from "./locust-parts";
import { buildLocustRun, type LocustParts } from "./locust-run";
import { openDetected, parseDetected } from "./parse-run";
import { toContext } from "./text-input";
import type { FormatId, NormalizedRun, ParseOptions, RunFile } from "./types";

/** Summary formats hold the tool's own totals; detail formats hold the time series. */
export const SUMMARY_FORMATS: FormatId[] = ["k6-summary-export-json", "k6-handle-summary-json", "gatling-stats-json"];
export const DETAIL_FORMATS: FormatId[] = ["k6-ndjson", "gatling-simulation-log"];

/**
 * A summary file plus the detailed output of the same run (k6 summary + NDJSON, Gatling
 * stats.json + simulation.log): totals and percentiles from the summary, the time series,
 * steps, start and (when the summary has none) endpoints, errors and users from the detail.
 */
export function mergeSummaryAndDetail(summary: NormalizedRun, detail: NormalizedRun): NormalizedRun {
  const run: NormalizedRun = { ...summary };
  run.samples = detail.samples;
  run.steps = detail.steps;
  run.startedAt = summary.startedAt ?? detail.startedAt;
  run.users = summary.users ?? detail.users;
  run.name = summary.name ?? detail.name;
  run.testName = summary.testName ?? detail.testName ?? null;
  if (!run.endpoints.length) run.endpoints = detail.endpoints;
  if (detail.errors.some((e) => e.kind !== "KO")) run.errors = [...detail.errors];
  if (detail.requests !== summary.requests || detail.failures !== summary.failures) {
    run.warnings = [
      ...run.warnings,
      `the detailed output counts ${detail.requests} requests / ${detail.failures} failures, the summary ${summary.requests} / ${summary.failures}: the summary's figures are used`,
    ];
  }
  return run;
}

/**
 * Several files of ONE run, e.g. Locust's stats + stats_history + failures (+ exceptions),
 * the pre-0.13.3 requests + distribution pair, or a summary with its detailed output.
 * Files are read one after the other. Warnings are prefixed with their file name. A run without a
 * single request is refused ("no requests found").
 */
export async function parseRunFiles(files: RunFile[], opts: ParseOptions = {}): Promise<NormalizedRun> {
  return requireRequests(await combineRunFiles(files, opts), files.map((f) => f.name));
}

async function combineRunFiles(files: RunFile[], opts: ParseOptions): Promise<NormalizedRun> {
  if (files.length === 0) throw new IngestError({ reason: "no files" });
  const locust: LocustParts = { warnings: [] };
  const runs: { name: string; format: FormatId; run: NormalizedRun }[] = [];
  let locustFiles = 0;
  for (const file of files) {
    const ctx = toContext({ ...opts, fileName: file.name, format: files.length === 1 ? opts.format : undefined });
    try {
      const { input, format } = await openDetected(file.stream, ctx);
      const warnings = input.info.warnings;
      if (FORMAT_TOOL[format] === "locust") {
        locustFiles++;
        await readLocustPart(format, input, ctx, locust, warnings);
        locust.warnings.push(...warnings.map((w) => (files.length > 1 ? `${file.name}: ${w}` : w)));
      } else {
        const run = await parseDetected(format, input, ctx);
        run.warnings = [...warnings, ...run.warnings].map((w) => (files.length > 1 ? `${file.name}: ${w}` : w));
        runs.push({ name: file.name, format, run });
      }
    } catch (e) {
      throw withFile(e, file.name);
    }
  }
  if (locustFiles && runs.length) {
    throw new IngestError({ reason: `files of different tools cannot form one run: ${files.map((f) => f.name).join(", ")}` });
  }
  if (locustFiles) return buildLocustRun(locust, files.length === 1 ? files[0].name : undefined);
  if (runs.length === 1) return runs[0].run;
  const summary = runs.filter((r) => SUMMARY_FORMATS.includes(r.format));
  const detail = runs.filter((r) => DETAIL_FORMATS.includes(r.format));
  if (
    runs.length === 2 &&
    summary.length === 1 &&
    detail.length === 1 &&
    summary[0].run.tool === detail[0].run.tool
  ) {
    return mergeSummaryAndDetail(summary[0].run, detail[0].run);
  }
  throw new IngestError({
    reason: `these files do not form one run (${runs.map((r) => `${r.name}: ${r.format}`).join(", ")}); upload one result file per run, or a summary with its detailed output`,
  });
}
