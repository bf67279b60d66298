import { createReadStream } from "node:fs";

/** Streams a file from disk in 64 KiB chunks (the parsers themselves do no I/O). */
export function streamFromFile(path: string, highWaterMark = 64 * 1024): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark });
}
