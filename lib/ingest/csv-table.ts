import { readCsvRecords } from "./csv-records";
import { IngestError } from "./errors";
import { linesOf, type ParseContext, type TextInput } from "./text-input";

export interface CsvHeader {
  names: string[];
  /** Lower-cased, trimmed column name → index. */
  index: Map<string, number>;
  line: number;
}

export function columnOf(h: CsvHeader, ...aliases: string[]): number {
  for (const a of aliases) {
    const i = h.index.get(a.toLowerCase());
    if (i !== undefined) return i;
  }
  return -1;
}

export function requireColumns(h: CsvHeader, file: string | undefined, groups: string[][]): number[] {
  const missing: string[] = [];
  const idx = groups.map((aliases) => {
    const i = columnOf(h, ...aliases);
    if (i === -1) missing.push(aliases[0]);
    return i;
  });
  if (missing.length) {
    throw new IngestError({
      file,
      line: h.line,
      reason: `wrong columns: missing ${missing.map((m) => `"${m}"`).join(", ")} (header has ${h.names.length} columns: ${h.names.join(",").slice(0, 300)})`,
    });
  }
  return idx;
}

export interface TableOptions {
  delimiter?: string;
  /** Called once with the header; may throw IngestError for wrong columns. */
  onHeader(h: CsvHeader): void;
  onRow(fields: string[], line: number): void;
  warnings: string[];
}

/**
 * Streams a CSV file with a header line. Every row must have the header's field count:
 * a mismatch is an IngestError with the line, except for a final row cut off by the end of
 * the input (an interrupted run), which is ignored with a warning. Blank lines are skipped.
 */
export async function readCsvTable(input: TextInput, ctx: ParseContext, opts: TableOptions): Promise<number> {
  let header: CsvHeader | null = null;
  let rows = 0;
  const records = readCsvRecords(linesOf(input, ctx), {
    fileName: ctx.fileName,
    delimiter: opts.delimiter,
    maxRecordChars: ctx.maxLineBytes,
  });
  for await (const batch of records) {
    for (const rec of batch) {
      const f = rec.fields;
      if (f.length === 1 && f[0].trim() === "") continue;
      if (!header) {
        const names = f.map((n) => n.trim());
        header = { names, index: new Map(names.map((n, i) => [n.toLowerCase(), i])), line: rec.line };
        opts.onHeader(header);
        continue;
      }
      if (f.length !== header.names.length) {
        if (!rec.complete) {
          opts.warnings.push(`line ${rec.line}: truncated last line ignored (${f.length} of ${header.names.length} fields)`);
          continue;
        }
        throw new IngestError({
          file: ctx.fileName,
          line: rec.line,
          reason: `wrong number of fields: expected ${header.names.length} as in the header, found ${f.length}`,
        });
      }
      rows++;
      opts.onRow(f, rec.line);
    }
  }
  if (!header) throw new IngestError({ file: ctx.fileName, line: 1, reason: "empty file" });
  return rows;
}
