import { detectDelimiter } from "./csv-records";
import { IngestError } from "./errors";
import { FieldInterner } from "./field-interner";
import { digitsAt } from "./values";

/** Receives each record: its fields, the 1-based line it starts on, and false when cut off by the end. */
export type RecordSink = (fields: string[], line: number, complete: boolean) => void;

export interface CsvColumns {
  wanted: boolean[] | null;
  repeated?: boolean[] | null;
  /**
   * `digits` columns of an unquoted line are read in place when they are 1 to 15 ASCII digits
   * (`digitsAt`): the value goes to `numbers` at the column's index and the field is "". Otherwise
   * (and for every column of a quoted record) `numbers` holds NaN and the field is the text.
   */
  digits?: boolean[] | null;
  numbers?: Float64Array | null;
}

export interface CsvScanOptions {
  fileName?: string;
  /** Detected from the first line when omitted: the most frequent of , ; TAB |. */
  delimiter?: string;
  /** A line (LF or CRLF) may not be longer (in characters). */
  maxLineChars: number;
  /** A record (its lines and their newlines) may not be longer. */
  maxRecordChars: number;
  /**
   * Set (once the header is known) to the columns the reader uses: an unquoted line then gets
   * only those fields sliced out, the others are "" (the field count stays the line's). A line
   * with a single field always has it. `repeated` columns (few distinct values) of unquoted lines
   * give the same string object for the same value (`FieldInterner`).
   */
  columns: CsvColumns;
  /**
   * The sink keeps no fields array past its call: unquoted lines then all get one array, refilled
   * line after line (an array per row, grown as it is filled, was ~1/10 of a JTL row's cost with its GC).
   */
  reuseFields?: boolean;
}

const tooLong = (file: string | undefined, line: number, max: number) =>
  new IngestError({ file, line, reason: `line is longer than the limit of ${max} characters` });

/**
 * RFC 4180 records straight from decoded text chunks: the same records, line numbers and errors
 * as `readCsvRecords(readLines(chunks))` (tests hold the two equal at every chunk boundary), without
 * a string per line. A line without quotes has its fields sliced out of the chunk between
 * `indexOf` hits; a line with quotes (fields holding delimiters, `""` escapes, newlines) goes
 * through the quoted-record state machine. Errors come in the old order: a too-long line of the
 * chunk first, then a too-long record, then whatever the sink threw for the chunk's records.
 */
export async function scanCsv(chunks: AsyncIterable<string>, opts: CsvScanOptions, sink: RecordSink): Promise<void> {
  const file = opts.fileName;
  const maxLine = opts.maxLineChars;
  let delim = opts.delimiter ?? "";
  let carry = "";
  let next = 1;
  // A quoted record in progress.
  let open = false;
  let inQuotes = false;
  let fields: string[] = [];
  let field = "";
  let startLine = 0;
  let size = 0;
  // The first error the sink threw for the current chunk: thrown once the chunk is scanned.
  let failed: unknown = null;
  const interner = new FieldInterner();
  const shared: string[] | null = opts.reuseFields ? [] : null;

  const emit = (f: string[], line: number, complete: boolean) => {
    if (failed !== null) return;
    try {
      sink(f, line, complete);
    } catch (e) {
      failed = e;
    }
  };

  /** The quoted-record state machine over one line (without its newline); true when a record ended. */
  const quoted = (line: string, lineNo: number): boolean => {
    if (!open) {
      open = true;
      startLine = lineNo;
      fields = [];
      field = "";
      size = 0;
    } else {
      field += "\n";
    }
    size += line.length + 1;
    if (size > opts.maxRecordChars) {
      throw new IngestError({ file, line: startLine, reason: `record is longer than the limit of ${opts.maxRecordChars} characters` });
    }
    let i = 0;
    const n = line.length;
    while (i < n) {
      if (inQuotes) {
        const j = line.indexOf('"', i);
        if (j === -1) {
          field += line.slice(i);
          i = n;
        } else if (line[j + 1] === '"') {
          field += line.slice(i, j) + '"';
          i = j + 2;
        } else {
          field += line.slice(i, j);
          inQuotes = false;
          i = j + 1;
        }
      } else if (line[i] === '"' && field === "") {
        inQuotes = true;
        i++;
      } else {
        const j = line.indexOf(delim, i);
        if (j === -1) {
          field += line.slice(i);
          i = n;
        } else {
          fields.push(field + line.slice(i, j));
          field = "";
          i = j + delim.length;
        }
      }
    }
    if (inQuotes) return false;
    fields.push(field);
    open = false;
    return true;
  };

  /** Scans the complete lines of `text` (up to `stop`, exclusive of the newline there). */
  const scanLines = (text: string, stop: number, tail: boolean) => {
    let pos = 0;
    let nextQuote = -2;
    let nextDelim = -2;
    while (pos <= stop) {
      let end = tail ? stop : text.indexOf("\n", pos);
      if (end === -1 || end > stop) break;
      const lf = end;
      if (end > pos && text.charCodeAt(end - 1) === 13) end--;
      const lineNo = next++;
      if (!delim) delim = detectDelimiter(text.slice(pos, end));
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (!open && (nextQuote === -1 || nextQuote >= end)) {
        const wanted = opts.columns.wanted;
        const repeated = opts.columns.repeated ?? null;
        const digits = opts.columns.digits ?? null;
        const numbers = opts.columns.numbers ?? null;
        const d = delim;
        const dLen = d.length;
        const out: string[] = shared ?? [];
        let from = pos;
        let k = 0;
        for (; ; k++) {
          if (nextDelim !== -1 && nextDelim < from) nextDelim = text.indexOf(d, from);
          const last = nextDelim === -1 || nextDelim + dLen > end;
          const to = last ? end : nextDelim;
          if (digits !== null && numbers !== null && digits[k] === true) {
            // A timestamp is read without making a string (a slice of 13 characters is a view, slow to read).
            const v = digitsAt(text, from, to);
            numbers[k] = v >= 0 ? v : NaN;
            out[k] = v >= 0 ? "" : text.slice(from, to);
          } else if ((last && k === 0) || !wanted || wanted[k] !== false) {
            out[k] = repeated !== null && repeated[k] === true ? interner.get(text, from, to) : text.slice(from, to);
          } else {
            out[k] = "";
          }
          if (last) break;
          from = nextDelim + dLen;
        }
        if (out.length !== k + 1) out.length = k + 1;
        emit(out, lineNo, !tail);
      } else if (quoted(text.slice(pos, end), lineNo)) {
        opts.columns.numbers?.fill(NaN);
        emit(fields, startLine, !tail);
      }
      pos = lf + 1;
      if (tail) break;
    }
  };

  for await (const chunk of chunks) {
    const text = carry ? carry + chunk : chunk;
    const last = text.lastIndexOf("\n");
    carry = last === -1 ? text : text.slice(last + 1);
    if (carry.length > maxLine) throw tooLong(file, next + (last === -1 ? 0 : countLines(text, last)), maxLine);
    if (last === -1) continue;
    // Only a text longer than the limit can hold a too-long line: then look before scanning.
    if (last > maxLine) checkLineLengths(text, last, next, maxLine, file);
    scanLines(text, last, false);
    if (failed !== null) throw failed;
  }
  if (carry !== "") {
    scanLines(carry, carry.length, true);
    if (failed !== null) throw failed;
  }
  if (open) {
    fields.push(field);
    opts.columns.numbers?.fill(NaN);
    sink(fields, startLine, false);
  }
}

function countLines(text: string, last: number): number {
  let n = 0;
  let i = text.indexOf("\n");
  while (i !== -1 && i <= last) {
    n++;
    i = text.indexOf("\n", i + 1);
  }
  return n;
}

function checkLineLengths(text: string, last: number, first: number, max: number, file: string | undefined): void {
  let pos = 0;
  let n = first;
  while (pos <= last) {
    const lf = text.indexOf("\n", pos);
    if (lf === -1 || lf > last) return;
    if (lf - pos > max) throw tooLong(file, n, max);
    pos = lf + 1;
    n++;
  }
}
