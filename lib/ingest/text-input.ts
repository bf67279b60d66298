import { decodeText, type DecodeInfo } from "./decode-stream";
import { readLines, type LineBatch } from "./line-reader";
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_ENDPOINTS,
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_SAMPLES,
  type FormatId,
  type ParseOptions,
} from "./types";

export interface ParseContext {
  fileName?: string;
  format?: FormatId;
  maxBytes: number;
  maxLineBytes: number;
  maxJsonBytes: number;
  maxSamples: number;
  maxEndpoints: number;
}

export function toContext(opts: ParseOptions = {}): ParseContext {
  return {
    fileName: opts.fileName,
    format: opts.format,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    maxLineBytes: opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    maxJsonBytes: opts.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES,
    maxSamples: opts.maxSamples ?? DEFAULT_MAX_SAMPLES,
    maxEndpoints: opts.maxEndpoints ?? DEFAULT_MAX_ENDPOINTS,
  };
}

/** Decoded text of one input with its first characters available for format detection. */
export interface TextInput {
  head: string;
  chunks: AsyncIterable<string>;
  info: DecodeInfo;
  /** Lowers the no-newline limit once the format is known to be line-oriented. */
  setLineLimit(bytes: number): void;
}

const HEAD_CHARS = 16 * 1024;

/**
 * Starts decoding and reads ahead until `HEAD_CHARS` characters (or the end) are available;
 * `chunks` replays them before the rest. JSON documents may be one long line, so the
 * decoder may hold up to the JSON limit without a newline.
 */
export async function openText(stream: AsyncIterable<Uint8Array>, ctx: ParseContext): Promise<TextInput> {
  const info: DecodeInfo = { encoding: "utf-8", bytesRead: 0, warnings: [] };
  const decodeOpts = {
    fileName: ctx.fileName,
    maxBytes: ctx.maxBytes,
    maxLineBytes: Math.max(ctx.maxLineBytes, ctx.maxJsonBytes),
  };
  const it = decodeText(stream, decodeOpts, info)[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_CHARS) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    buffered.push(r.value);
    size += r.value.length;
  }
  const head = buffered.join("").slice(0, HEAD_CHARS);
  async function* replay(): AsyncGenerator<string> {
    for (const b of buffered) yield b;
    buffered.length = 0;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return {
    head,
    chunks: replay(),
    info,
    setLineLimit: (bytes: number) => {
      decodeOpts.maxLineBytes = bytes;
    },
  };
}

export function linesOf(input: TextInput, ctx: ParseContext): AsyncGenerator<LineBatch> {
  input.setLineLimit(ctx.maxLineBytes);
  return readLines(input.chunks, { fileName: ctx.fileName, maxLineChars: ctx.maxLineBytes });
}
