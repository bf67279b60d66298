import "server-only";
import crypto from "node:crypto";
import type { RunFile } from "@/lib/ingest";
import { PayloadTooLargeError } from "../errors";

interface Metered {
  name: string;
  hash: crypto.Hash;
  bytes: number;
  done: boolean;
}

export interface MeteredFile extends RunFile {
  /** Reads (and hashes) whatever the parser left unread, so the digest covers the whole file. */
  drain(): Promise<void>;
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** LF bytes in the chunk: searched in its latin1 copy (one byte a character), ~2× faster than Buffer#indexOf per LF. */
function countNewlines(chunk: Uint8Array): number {
  const s = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
  let n = 0;
  let i = s.indexOf("\n");
  while (i !== -1) {
    n++;
    i = s.indexOf("\n", i + 1);
  }
  return n;
}

/**
 * Sits between the upload and the parser: hashes every byte (SHA-256), counts bytes and lines,
 * and refuses the upload (413) as soon as all files together pass `maxBytes` — while streaming,
 * so nothing beyond one chunk is ever held.
 */
export class UploadMeter {
  totalBytes = 0;
  lines = 0;
  exceeded = false;
  private readonly files: Metered[] = [];

  constructor(readonly maxBytes: number) {}

  get fileNames(): string[] {
    return this.files.map((f) => f.name);
  }

  tooLarge(): PayloadTooLargeError {
    return new PayloadTooLargeError(
      `The upload is larger than the limit of ${formatBytes(this.maxBytes)} (${this.maxBytes} bytes, LAUNCHGATE_MAX_UPLOAD_BYTES); nothing was stored`,
    );
  }

  /** Wraps one file. The parser may stop early (even via `return()`): the source stays open for `drain()`. */
  wrap(file: RunFile): MeteredFile {
    const m: Metered = { name: file.name, hash: crypto.createHash("sha256"), bytes: 0, done: false };
    this.files.push(m);
    const source = file.stream[Symbol.asyncIterator]();
    let lastByte = 10;
    const pull = async (): Promise<IteratorResult<Uint8Array>> => {
      if (m.done) return { done: true, value: undefined };
      const r = await source.next();
      if (r.done) {
        m.done = true;
        if (m.bytes > 0 && lastByte !== 10) this.lines++;
        return { done: true, value: undefined };
      }
      const chunk = r.value;
      this.totalBytes += chunk.byteLength;
      m.bytes += chunk.byteLength;
      if (this.totalBytes > this.maxBytes) {
        this.exceeded = true;
        throw this.tooLarge();
      }
      m.hash.update(chunk);
      this.lines += countNewlines(chunk);
      if (chunk.byteLength) lastByte = chunk[chunk.byteLength - 1];
      return { done: false, value: chunk };
    };
    const drain = async () => {
      while (!(await pull()).done);
    };
    return {
      name: file.name,
      drain,
      stream: {
        [Symbol.asyncIterator]: () => ({ next: pull, return: async () => ({ done: true, value: undefined }) }),
      },
    };
  }

  /**
   * The upload's digest: the file's SHA-256, or for several files the SHA-256 of their sorted
   * hex digests joined by newlines (the same files in any order give the same digest).
   */
  sha256(): string {
    const digests = this.files.map((f) => {
      if (!f.done) throw new Error(`internal: ${f.name} was not read to its end`);
      return f.hash.digest("hex");
    });
    if (digests.length === 1) return digests[0];
    return crypto.createHash("sha256").update(digests.sort().join("\n")).digest("hex");
  }
}
