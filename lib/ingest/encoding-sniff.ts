/**
 * Byte-level sniffing used by the decoder: BOMs, UTF-16 without BOM, binary content and
 * which legacy encoding a non-UTF-8 text is in.
 */

export type TextEncodingId = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "windows-1252";

export interface BomResult {
  encoding: TextEncodingId | null;
  bomLength: number;
}

export function sniffBom(b: Uint8Array): BomResult {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  return { encoding: null, bomLength: 0 };
}

/** UTF-16 text without BOM: mostly-ASCII content has a zero in every other byte. */
export function sniffUtf16WithoutBom(b: Uint8Array): TextEncodingId | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

/** A reason when the bytes are not a text file at all, else null. */
export function sniffBinary(b: Uint8Array): string | null {
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return "gzip-compressed content; decompress the file first";
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    return "zip archive; extract the result file first";
  }
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return "binary content (NUL bytes); expected a text file";
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) control++;
  }
  if (n > 0 && control / n > 0.1) return "binary content (control bytes); expected a text file";
  return null;
}

/** Index of the first byte that breaks UTF-8, or -1. Only used to locate an error. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Chooses the legacy encoding of bytes that are not UTF-8. Chinese tools (Locust users
 * in China write GBK) produce pairs of high bytes in the GB2312 range; Western single-byte
 * text has isolated high bytes next to ASCII. We pick GB18030 only when every high byte
 * pairs up and most pairs lie in the GB2312 range, else windows-1252 (a superset of latin1
 * for printable characters).
 */
export function sniffLegacyEncoding(b: Uint8Array): TextEncodingId {
  let pairs = 0;
  let strong = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const d = b[i + 1];
    if (c < 0x81 || c > 0xfe || d === undefined) return "windows-1252";
    if (d >= 0x30 && d <= 0x39) {
      // GB18030 four-byte sequence: lead, digit, lead, digit.
      const e = b[i + 2];
      const f = b[i + 3];
      if (e === undefined || f === undefined || e < 0x81 || e > 0xfe || f < 0x30 || f > 0x39) return "windows-1252";
      pairs++;
      i += 4;
      continue;
    }
    if (d < 0x40 || d === 0x7f || d > 0xfe) return "windows-1252";
    pairs++;
    if (c >= 0xa1 && d >= 0xa1) strong++;
    i += 2;
  }
  return pairs > 0 && strong >= pairs * 0.8 ? "gb18030" : "windows-1252";
}
