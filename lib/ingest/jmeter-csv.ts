import { columnOf, readCsvTable, requireColumns } from "./csv-table";
import { IngestError } from "./errors";
import { JmeterCollector, type JmeterSample } from "./jmeter-common";
import type { ParseContext, TextInput } from "./text-input";
import type { NormalizedRun } from "./types";
import { parseTimeMs, plainDigits, toNum } from "./values";

const DIGITS = /^\d+$/;

/**
 * CSV JTL with a header line, any of JMeter's column sets (17 with URL/IdleTime/Connect,
 * 16 without URL, Taurus' 12 with Hostname, ...). `timeStamp` is epoch ms or a formatted
 * date; a final row cut off mid-record is ignored with a warning.
 */
export async function parseJmeterCsv(input: TextInput, ctx: ParseContext): Promise<NormalizedRun> {
  if (/^\s*\d{10,13}[,;\t|]/.test(input.head)) {
    throw new IngestError({
      file: ctx.fileName,
      line: 1,
      reason: "CSV JTL without a header line: save it with jmeter.save.saveservice.print_field_names=true",
    });
  }
  const collector = new JmeterCollector(ctx);
  const warnings: string[] = [];
  const c: Record<string, number> = {};
  const sample: JmeterSample = {
    tMs: null, elapsedMs: null, label: "", method: null, responseCode: "", responseMessage: "", success: true, failureMessage: "", allThreads: null,
  };
  let badTime = 0;
  let lastRaw: string | null = null;
  let lastParsed: number | null = null;
  const rows = await readCsvTable(input, ctx, {
    warnings,
    onHeader(h) {
      const [ts, elapsed, label, success] = requireColumns(h, ctx.fileName, [
        ["timeStamp"],
        ["elapsed"],
        ["label"],
        ["success"],
      ]);
      Object.assign(c, { ts, elapsed, label, success });
      c.code = columnOf(h, "responseCode");
      c.message = columnOf(h, "responseMessage");
      c.failure = columnOf(h, "failureMessage");
      c.threads = columnOf(h, "allThreads");
      // The label is looked up among the endpoints on every row.
      return { read: Object.values(c), repeated: [label], digits: [ts] };
    },
    onRow(f, _line, numbers) {
      const raw = f[c.ts];
      // Epoch milliseconds were read by the scan (numbers), else they are the field's text.
      const digits = numbers !== null && numbers[c.ts] >= 0 ? numbers[c.ts] : plainDigits(raw);
      let tMs: number | null;
      if (digits >= 0) tMs = digits;
      else if (DIGITS.test(raw)) tMs = Number(raw);
      else {
        // A formatted timeStamp is the same string for many rows in a row: parsed once.
        if (raw !== lastRaw) {
          lastRaw = raw;
          lastParsed = parseTimeMs(raw);
        }
        tMs = lastParsed;
      }
      if (tMs === null) badTime++;
      const ok = f[c.success];
      // One sample object filled row after row: the collector does not keep it.
      sample.tMs = tMs;
      sample.elapsedMs = toNum(f[c.elapsed]);
      sample.label = f[c.label];
      sample.responseCode = c.code >= 0 ? f[c.code] : "";
      sample.responseMessage = c.message >= 0 ? f[c.message] : "";
      sample.success = ok === "true" || ok.trim().toLowerCase() === "true";
      sample.failureMessage = c.failure >= 0 ? f[c.failure] : "";
      sample.allThreads = c.threads >= 0 ? toNum(f[c.threads]) : null;
      collector.add(sample);
    },
  });
  if (rows === 0) throw new IngestError({ file: ctx.fileName, line: 2, reason: "the JTL has a header but no samples" });
  const run = collector.build("jmeter-csv");
  if (badTime) run.warnings.push(`${badTime} rows with an unreadable timeStamp left out of the time series`);
  run.warnings.push(...warnings);
  return run;
}
