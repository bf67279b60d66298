import { IngestError } from "./errors";

/** A batch of consecutive lines; `first` is the 1-based number of `lines[0]`. */
export interface LineBatch {
  first: number;
  lines: string[];
  /** True only on the last batch when the input's final line had no newline. */
  unterminatedTail: boolean;
}

export interface LineReaderOptions {
  fileName?: string;
  maxLineChars: number;
}

/** Splits decoded text into lines (LF or CRLF), in batches, enforcing a line length limit. */
export async function* readLines(chunks: AsyncIterable<string>, opts: LineReaderOptions): AsyncGenerator<LineBatch> {
  let carry = "";
  let next = 1;
  for await (const chunk of chunks) {
    const text = carry ? carry + chunk : chunk;
    const parts = text.split("\n");
    carry = parts.pop() ?? "";
    if (carry.length > opts.maxLineChars) {
      throw new IngestError({
        file: opts.fileName,
        line: next + parts.length,
        reason: `line is longer than the limit of ${opts.maxLineChars} characters`,
      });
    }
    if (parts.length === 0) continue;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (p.length > opts.maxLineChars) {
        throw new IngestError({
          file: opts.fileName,
          line: next + i,
          reason: `line is longer than the limit of ${opts.maxLineChars} characters`,
        });
      }
      if (p.endsWith("\r")) parts[i] = p.slice(0, -1);
    }
    yield { first: next, lines: parts, unterminatedTail: false };
    next += parts.length;
  }
  if (carry !== "") {
    yield { first: next, lines: [carry.endsWith("\r") ? carry.slice(0, -1) : carry], unterminatedTail: true };
  }
}

/** Collects the whole text of a small document, refusing more than `maxChars`. */
export async function readAllText(chunks: AsyncIterable<string>, maxChars: number, fileName?: string): Promise<string> {
  const parts: string[] = [];
  let size = 0;
  let lines = 1;
  for await (const c of chunks) {
    size += c.length;
    if (size > maxChars) {
      throw new IngestError({
        file: fileName,
        line: lines,
        reason: `document is larger than the ${maxChars}-character limit for whole-document JSON formats`,
      });
    }
    parts.push(c);
    lines += c.split("\n").length - 1;
  }
  return parts.join("");
}
