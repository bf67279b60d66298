import iconv from "iconv-lite";
import { IngestError } from "./errors";
import {
  firstInvalidUtf8,
  sniffBinary,
  sniffBom,
  sniffLegacyEncoding,
  sniffUtf16WithoutBom,
  type TextEncodingId,
} from "./encoding-sniff";

export interface DecodeOptions {
  fileName?: string;
  maxBytes: number;
  /** Bytes without a newline that may be held before giving up. */
  maxLineBytes: number;
}

export interface DecodeInfo {
  encoding: TextEncodingId;
  bytesRead: number;
  warnings: string[];
}

const SNIFF_BYTES = 8192;
const LF = 0x0a;

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function countLf(b: Uint8Array, end = b.length): number {
  let n = 0;
  let i = b.indexOf(LF);
  while (i !== -1 && i < end) {
    n++;
    i = b.indexOf(LF, i + 1);
  }
  return n;
}

function countNewlines(s: string): number {
  let n = 0;
  let i = s.indexOf("\n");
  while (i !== -1) {
    n++;
    i = s.indexOf("\n", i + 1);
  }
  return n;
}

/**
 * Decodes a byte stream into text chunks while enforcing `maxBytes`.
 * UTF-8 (with or without BOM) and UTF-16 (BOM, or the zero-byte pattern) are recognised.
 * Byte-oriented text is decoded in pieces that end at a newline, so no character is split;
 * a piece that is not valid UTF-8 is decoded with a legacy encoding (GB18030 or
 * windows-1252, see `sniffLegacyEncoding`) and a warning names the first bad line.
 */
export async function* decodeText(
  stream: AsyncIterable<Uint8Array>,
  opts: DecodeOptions,
  info: DecodeInfo,
): AsyncGenerator<string> {
  const file = opts.fileName;
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let utf16: TextDecoder | null = null;
  let decided = false;
  let head: Uint8Array[] = [];
  let headLen = 0;
  let pending: Uint8Array[] = [];
  let pendingLen = 0;
  let lineNo = 1;
  let fallback: TextEncodingId | null = null;

  const decodeBytes = (bytes: Uint8Array): string => {
    try {
      return utf8.decode(bytes);
    } catch {
      if (!fallback) {
        fallback = sniffLegacyEncoding(bytes);
        info.encoding = fallback;
        const bad = firstInvalidUtf8(bytes);
        const line = lineNo + countLf(bytes, bad < 0 ? 0 : bad);
        info.warnings.push(`line ${line}: not valid UTF-8, decoded as ${fallback}`);
      }
      return iconv.decode(bytes, fallback);
    }
  };

  function* feed(chunk: Uint8Array): Generator<string> {
    if (utf16) {
      const text = utf16.decode(chunk, { stream: true });
      lineNo += countNewlines(text);
      if (text) yield text;
      return;
    }
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      const line = lineNo + pending.reduce((n, p) => n + countLf(p), 0) + countLf(chunk, nul);
      throw new IngestError({ file, line, reason: "binary content (NUL byte); expected a text file" });
    }
    const lastLf = chunk.lastIndexOf(LF);
    if (lastLf === -1) {
      pending.push(chunk);
      pendingLen += chunk.length;
      if (pendingLen > opts.maxLineBytes) {
        throw new IngestError({ file, line: lineNo, reason: `line is longer than the limit of ${opts.maxLineBytes} bytes` });
      }
      return;
    }
    pending.push(chunk.subarray(0, lastLf + 1));
    const bytes = concat(pending, pendingLen + lastLf + 1);
    const rest = Uint8Array.prototype.slice.call(chunk, lastLf + 1);
    pending = rest.length ? [rest] : [];
    pendingLen = rest.length;
    const text = decodeBytes(bytes);
    // The same LFs as in the bytes (UTF-8 and the legacy encodings keep ASCII), counted ~5× faster in the string.
    lineNo += countNewlines(text);
    yield text;
  }

  function* start(bytes: Uint8Array): Generator<string> {
    const bom = sniffBom(bytes);
    const enc = bom.encoding ?? sniffUtf16WithoutBom(bytes);
    if (enc === "utf-16le" || enc === "utf-16be") {
      info.encoding = enc;
      utf16 = new TextDecoder(enc, { ignoreBOM: true });
    } else {
      const reason = sniffBinary(bytes.subarray(bom.bomLength));
      if (reason) {
        const nul = bytes.indexOf(0);
        throw new IngestError({ file, line: 1 + countLf(bytes, nul < 0 ? 0 : nul), reason });
      }
      info.encoding = "utf-8";
    }
    yield* feed(bytes.subarray(bom.bomLength));
  }

  for await (const raw of stream) {
    const chunk = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
    info.bytesRead += chunk.length;
    if (info.bytesRead > opts.maxBytes) {
      throw new IngestError({
        file,
        line: lineNo + pending.reduce((n, p) => n + countLf(p), 0),
        reason: `file exceeds the size limit of ${opts.maxBytes} bytes`,
      });
    }
    if (!decided) {
      head.push(chunk);
      headLen += chunk.length;
      if (headLen < SNIFF_BYTES) continue;
      decided = true;
      const bytes = concat(head, headLen);
      head = [];
      yield* start(bytes);
      continue;
    }
    yield* feed(chunk);
  }
  if (!decided && headLen > 0) yield* start(concat(head, headLen));
  if (utf16) {
    const tail = (utf16 as TextDecoder).decode();
    if (tail) yield tail;
  } else if (pendingLen > 0) {
    yield decodeBytes(concat(pending, pendingLen));
  }
}
