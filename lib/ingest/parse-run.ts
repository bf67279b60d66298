import { parseArtilleryReport } from "./artillery-report";
import { detectFormat } from "./detect-format";
import { IngestError, withFile } from "./errors";
import { parseGatlingLog } from "./gatling-log";
import { parseGatlingStats } from "./gatling-stats";
import { parseJmeterCsv } from "./jmeter-csv";
import { parseJmeterXml } from "./jmeter-xml";
import { readJson } from "./json-input";
import { parseK6Ndjson } from "./k6-ndjson";
import { parseK6Summary } from "./k6-summary";
import { readLocustPart } from "./locust-parts";
import { buildLocustRun, type LocustParts } from "./locust-run";
import { openText, toContext, type ParseContext, type TextInput } from "./text-input";
import type { FormatId, NormalizedRun, ParseOptions } from "./types";

export async function parseDetected(format: FormatId, input: TextInput, ctx: ParseContext): Promise<NormalizedRun> {
  switch (format) {
    case "locust-stats-csv":
    case "locust-requests-csv":
    case "locust-distribution-csv":
    case "locust-stats-history-csv":
    case "locust-failures-csv":
    case "locust-exceptions-csv": {
      const parts: LocustParts = { warnings: [] };
      await readLocustPart(format, input, ctx, parts);
      return buildLocustRun(parts, ctx.fileName);
    }
    case "k6-summary-export-json":
    case "k6-handle-summary-json": {
      const doc = await readJson(input, ctx);
      if (typeof doc !== "object" || doc === null || !("metrics" in doc)) {
        throw new IngestError({ file: ctx.fileName, line: 1, reason: "not a k6 summary: no metrics object" });
      }
      return parseK6Summary(doc);
    }
    case "k6-ndjson":
      return parseK6Ndjson(input, ctx);
    case "jmeter-csv":
      return parseJmeterCsv(input, ctx);
    case "jmeter-xml":
      return parseJmeterXml(input, ctx);
    case "gatling-simulation-log":
      return parseGatlingLog(input, ctx);
    case "gatling-stats-json":
      return parseGatlingStats(await readJson(input, ctx), ctx.fileName);
    case "artillery-v1-json":
    case "artillery-v2-json":
      return parseArtilleryReport(await readJson(input, ctx), ctx.fileName);
  }
}

/** Opens, decodes and detects one input; throws IngestError for empty or unknown content. */
export async function openDetected(
  stream: AsyncIterable<Uint8Array>,
  ctx: ParseContext,
): Promise<{ input: TextInput; format: FormatId }> {
  let input: TextInput;
  try {
    input = await openText(stream, ctx);
  } catch (e) {
    if (e instanceof IngestError && /binary/.test(e.reason) && /simulation\.log$/i.test(ctx.fileName ?? "")) {
      throw new IngestError({
        file: ctx.fileName,
        line: e.line,
        reason: "binary simulation.log (Gatling 3.10 and later) is not supported: upload js/stats.json from the HTML report",
      });
    }
    throw e;
  }
  if (!input.head.trim()) throw new IngestError({ file: ctx.fileName, line: 1, reason: "empty file" });
  const format = ctx.format ?? detectFormat(input.head, ctx.fileName);
  if (!format) {
    throw new IngestError({
      file: ctx.fileName,
      line: 1,
      reason:
        "unknown format: expected Locust CSV, k6 JSON/NDJSON, JMeter JTL (CSV with header or XML), Gatling simulation.log or stats.json, or an Artillery JSON report",
    });
  }
  return { input, format };
}

/**
 * Parses one load-test result file into a NormalizedRun. The format is detected from the
 * content (and the file name) unless `format` is given. Throws IngestError for bad input.
 */
export async function parseRun(stream: AsyncIterable<Uint8Array>, opts: ParseOptions = {}): Promise<NormalizedRun> {
  const ctx = toContext(opts);
  try {
    const { input, format } = await openDetected(stream, ctx);
    const run = await parseDetected(format, input, ctx);
    run.warnings.unshift(...input.info.warnings);
    return run;
  } catch (e) {
    throw withFile(e, ctx.fileName);
  }
}
