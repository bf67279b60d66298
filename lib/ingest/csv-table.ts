import { scanCsv, type CsvColumns } from "./csv-scan";
import { IngestError } from "./errors";
import type { ParseContext, TextInput } from "./text-input";

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
  /**
   * Called once with the header; may throw IngestError for wrong columns. May return the indexes
   * of the columns `onRow` reads (-1 ignored): the other fields of unquoted rows are then "".
   * `repeated` among them: columns with few distinct values that onRow looks up in a Map, handed
   * out as one string object per value (see `FieldInterner`).
   */
  onHeader(h: CsvHeader): number[] | { read: number[]; repeated: number[]; digits?: number[] } | void;
  /**
   * `fields` is refilled for the next row: copy out what is kept. `numbers` has the value of a
   * `digits` column (then its field is "") or NaN (then read the field); see `CsvColumns`.
   */
  onRow(fields: string[], line: number, numbers: Float64Array | null): void;
  warnings: string[];
}

/** `n` flags, true at the given indexes (-1 and those past n ignored). */
function flags(n: number, indexes: number[]): boolean[] {
  const out = new Array<boolean>(n).fill(false);
  for (const i of indexes) if (i >= 0 && i < n) out[i] = true;
  return out;
}

/**
 * Streams a CSV file with a header line. Every row must have the header's field count:
 * a mismatch is an IngestError with the line, except for a final row cut off by the end of
 * the input (an interrupted run), which is ignored with a warning. Blank lines are skipped.
 */
export async function readCsvTable(input: TextInput, ctx: ParseContext, opts: TableOptions): Promise<number> {
  let header: CsvHeader | null = null;
  let rows = 0;
  const columns: CsvColumns = { wanted: null, repeated: null, digits: null, numbers: null };
  input.setLineLimit(ctx.maxLineBytes);
  const scan = { fileName: ctx.fileName, delimiter: opts.delimiter, maxLineChars: ctx.maxLineBytes, maxRecordChars: ctx.maxLineBytes, columns, reuseFields: true };
  await scanCsv(input.chunks, scan, (f, line, complete) => {
    if (f.length === 1 && f[0].trim() === "") return;
    if (!header) {
      const names = f.map((n) => n.trim());
      header = { names, index: new Map(names.map((n, i) => [n.toLowerCase(), i])), line };
      const used = opts.onHeader(header);
      if (used) {
        columns.wanted = flags(names.length, Array.isArray(used) ? used : used.read);
        if (!Array.isArray(used)) {
          columns.repeated = flags(names.length, used.repeated);
          if (used.digits) {
            columns.digits = flags(names.length, used.digits);
            columns.numbers = new Float64Array(names.length).fill(NaN);
          }
        }
      }
      return;
    }
    if (f.length !== header.names.length) {
      if (!complete) {
        opts.warnings.push(`line ${line}: truncated last line ignored (${f.length} of ${header.names.length} fields)`);
        return;
      }
      throw new IngestError({
        file: ctx.fileName,
        line,
        reason: `wrong number of fields: expected ${header.names.length} as in the header, found ${f.length}`,
      });
    }
    rows++;
    opts.onRow(f, line, columns.numbers ?? null);
  });
  if (!header) throw new IngestError({ file: ctx.fileName, line: 1, reason: "empty file" });
  return rows;
}
