import "server-only";
import { IngestError, type FormatId, type NormalizedRun, type ParseOptions } from "@/lib/ingest";
import { FORMAT_TOOL } from "@/lib/ingest/detect-format";
import { requireRequests, withFile } from "@/lib/ingest/errors";
import { readLocustPart } from "@/lib/ingest/locust-parts";
import { buildLocustRun, type LocustParts } from "@/lib/ingest/locust-run";
import { openDetected, parseDetected } from "@/lib/ingest/parse-run";
import { DETAIL_FORMATS, SUMMARY_FORMATS, mergeSummaryAndDetail } from "@/lib/ingest/parse-run-files";
import { toContext } from "@/lib/ingest/text-input";
import type { MeteredFile } from "./upload-meter";

// The same merge rule and format lists as lib/ingest `parseRunFiles`.
const SUMMARY = SUMMARY_FORMATS;
const DETAIL = DETAIL_FORMATS;

/**
 * `parseRunFiles` for files that arrive one after the other (a multipart upload: the next part
 * is only known once the current one has been read), so no file is ever buffered. Each file is
 * parsed, then drained so its digest is complete, before the next is asked for. `format` names
 * the format of a single file: with several, each is detected and a given format is refused.
 * A run without a single request is refused ("no requests found"), like `parseRunFiles`.
 */
export async function parseFileSequence(files: AsyncIterable<MeteredFile>, opts: ParseOptions = {}): Promise<NormalizedRun> {
  const names: string[] = [];
  return requireRequests(await combineFileSequence(files, opts, names), names);
}

async function combineFileSequence(files: AsyncIterable<MeteredFile>, opts: ParseOptions, names: string[]): Promise<NormalizedRun> {
  const locust: LocustParts = { warnings: [] };
  const locustWarnings: { name: string; warnings: string[] }[] = [];
  const runs: { name: string; format: FormatId; run: NormalizedRun }[] = [];
  for await (const file of files) {
    names.push(file.name);
    if (names.length === 2 && opts.format) {
      throw new IngestError({ reason: "format names the format of one file; leave it out when sending several files (each is detected)" });
    }
    const ctx = toContext({ ...opts, fileName: file.name });
    try {
      const { input, format } = await openDetected(file.stream, ctx);
      const warnings = input.info.warnings;
      if (FORMAT_TOOL[format] === "locust") {
        await readLocustPart(format, input, ctx, locust, warnings);
        locustWarnings.push({ name: file.name, warnings });
      } else {
        const run = await parseDetected(format, input, ctx);
        run.warnings = [...warnings, ...run.warnings];
        runs.push({ name: file.name, format, run });
      }
      await file.drain();
    } catch (e) {
      throw withFile(e, file.name);
    }
  }
  if (names.length === 0) throw new IngestError({ reason: "no files: send the result files in form fields named 'file'" });
  const several = names.length > 1;
  const prefix = (name: string, w: string[]) => (several ? w.map((x) => `${name}: ${x}`) : w);
  if (locustWarnings.length && runs.length) {
    throw new IngestError({ reason: `files of different tools cannot form one run: ${names.join(", ")}` });
  }
  if (locustWarnings.length) {
    for (const f of locustWarnings) locust.warnings.push(...prefix(f.name, f.warnings));
    return buildLocustRun(locust, several ? undefined : names[0]);
  }
  for (const r of runs) r.run.warnings = prefix(r.name, r.run.warnings);
  if (runs.length === 1) return runs[0].run;
  const summary = runs.filter((r) => SUMMARY.includes(r.format));
  const detail = runs.filter((r) => DETAIL.includes(r.format));
  if (runs.length === 2 && summary.length === 1 && detail.length === 1 && summary[0].run.tool === detail[0].run.tool) {
    return mergeSummaryAndDetail(summary[0].run, detail[0].run);
  }
  throw new IngestError({
    reason: `these files do not form one run (${runs.map((r) => `${r.name}: ${r.format}`).join(", ")}); upload one result file per run, or a summary with its detailed output`,
  });
}
