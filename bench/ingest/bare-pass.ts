/**
 * The ingest benchmark's per-format yardstick: a bare pass over the same file in the same
 * process as the import — the floor of what any importer written in Node can do with it.
 *
 * Both kinds read the file with the same stream as the import (64 KiB chunks), split the bytes
 * into lines on Buffers (`indexOf(LF)`, the bytes up to a chunk's last LF decoded to a string
 * ONCE, the partial line carried as bytes into the next chunk), strip a CR before the LF, and
 * then, per line:
 *   - "csv":    every field sliced out as a string (an `indexOf(",")` walk, which beat
 *               `line.split(",")` about 2× here) — a plain CSV reader's floor (no quotes, no types);
 *   - "ndjson": `JSON.parse(line)` — every line, the way a generic NDJSON reader must.
 * Each result is touched (field count / one property) so the work cannot be optimized away.
 * No hashing, no byte limit, no numbers or dates parsed, no aggregation: the import does all of
 * that on top, so import / bare pass ≤ 1 is expected; the target is ≥ 0.5.
 */
import fs from "node:fs";

export type BareKind = "csv" | "ndjson";

export interface BarePass {
  kind: BareKind;
  bytes: number;
  lines: number;
  /** Fields (csv) or objects with a `type` property (ndjson): proof the work was done. */
  touched: number;
  seconds: number;
}

/** Every field of the line as a string, by walking indexOf: ~2× faster than `line.split(",")` in V8. */
function splitCommas(line: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const j = line.indexOf(",", from);
    if (j === -1) {
      out.push(line.slice(from));
      return out;
    }
    out.push(line.slice(from, j));
    from = j + 1;
  }
}

function perLine(kind: BareKind): (line: string) => number {
  if (kind === "csv") return (line) => splitCommas(line).length;
  return (line) => ((JSON.parse(line) as { type?: unknown }).type !== undefined ? 1 : 0);
}

/** One bare pass over `file`; see the module comment for exactly what it does. */
export async function barePass(file: string, kind: BareKind): Promise<BarePass> {
  const onLine = perLine(kind);
  const started = performance.now();
  let carry: Buffer | null = null;
  let bytes = 0;
  let lines = 0;
  let touched = 0;
  const handle = (text: string) => {
    let from = 0;
    for (;;) {
      const lf = text.indexOf("\n", from);
      const end = lf === -1 ? text.length : lf;
      const line = end > from && text.charCodeAt(end - 1) === 13 ? text.slice(from, end - 1) : text.slice(from, end);
      if (line.length) touched += onLine(line);
      lines++;
      if (lf === -1) return;
      from = lf + 1;
    }
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    const last = chunk.lastIndexOf(10);
    if (last === -1) {
      carry = carry ? Buffer.concat([carry, chunk]) : chunk;
      continue;
    }
    const whole: Buffer = carry ? Buffer.concat([carry, chunk.subarray(0, last)]) : chunk.subarray(0, last);
    handle(whole.toString("utf8"));
    carry = last + 1 < chunk.length ? chunk.subarray(last + 1) : null;
  }
  if (carry?.length) handle(carry.toString("utf8"));
  return { kind, bytes, lines, touched, seconds: (performance.now() - started) / 1000 };
}
