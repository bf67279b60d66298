/** Small value helpers shared by the parsers. */

/**
 * A number from a CSV/JSON field; "N/A", "", "-" and non-finite values become null. For a string
 * this is: trim; "", "n/a", "na", "null", "none", "nan", "-", "undefined" (any case) → null; else
 * Number() when finite — computed without the trim and the word list on the hot path (values.test.ts
 * holds it equal to that spelled-out rule).
 */
export function toNum(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const plain = plainDecimal(v);
  if (plain >= 0) return plain;
  // Number() trims the same whitespace as trim(), and of the words only "" reads as finite (0).
  const n = Number(v);
  if (Number.isFinite(n)) return n === 0 && v.trim() === "" ? null : n;
  return null;
}

/** Exact powers of ten (every one up to 1e22 is a double). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** `Number(s)` for 1 to 15 ASCII digits, else -1 (see `plainDecimal`). */
export function plainDigits(s: string): number {
  return digitsAt(s, 0, s.length);
}

/** `plainDigits(text.slice(from, to))` read in place: no string is made. */
export function digitsAt(text: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * `Number(s)` for a plain decimal — ASCII digits, at most one "." after the first digit, at most
 * 15 digits — else -1. Read from the char codes: `Number()` of a fresh (sliced) string is a
 * runtime call (~25–70 ns), a CSV's numbers cost ~1/4 of that this way. The value is the same
 * double: the digits form an integer below 2^53 and the one division by an exact power of ten
 * is correctly rounded, as `Number()` is (the classic exact fast path of decimal conversion).
 */
export function plainDecimal(s: string): number {
  const n = s.length;
  if (n === 0 || n > 16) return -1;
  let v = 0;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) v = v * 10 + d;
    else if (d === -2 && point === -1 && i > 0) point = i;
    else return -1;
  }
  if (point === -1) return n <= 15 ? v : -1;
  return v / POW10[n - 1 - point];
}

export function round(v: number | null | undefined, digits = 2): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function errorRate(requests: number, failures: number): number {
  return requests > 0 ? (round((failures / requests) * 100, 4) ?? 0) : 0;
}

export function rate(count: number, seconds: number | null): number | null {
  return seconds && seconds > 0 ? round(count / seconds, 3) : null;
}

/** Epoch seconds, milliseconds or microseconds → milliseconds. */
export function epochToMs(n: number): number {
  if (n > 1e14) return n / 1000;
  if (n > 1e11) return n;
  return n * 1000;
}

const ISO_RE = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:[.,](\d+))?(Z|[+-]\d\d:?\d\d)?$/i;

/**
 * Milliseconds since the epoch from an ISO-8601 / RFC 3339 string of any fraction length
 * (k6 writes microseconds and a local offset). A time without zone is read as UTC.
 * Also accepts epoch numbers as strings. Returns null when unreadable.
 */
export function parseTimeMs(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? epochToMs(v) : null;
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (/^\d{9,16}(\.\d+)?$/.test(s)) return epochToMs(Number(s));
  const m = ISO_RE.exec(s);
  if (m) {
    const frac = (m[3] ?? "").padEnd(3, "0").slice(0, 3);
    let zone = m[4] ?? "Z";
    if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const ms = Date.parse(`${m[1]}T${m[2]}.${frac}${zone.toUpperCase()}`);
    if (Number.isFinite(ms)) {
      const extra = m[3] && m[3].length > 3 ? Number(`0.${m[3].slice(3)}`) : 0;
      return ms + extra;
    }
  }
  const alt = Date.parse(s.replace(/\//g, "-").replace(" ", "T") + (/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? "" : "Z"));
  return Number.isFinite(alt) ? alt : null;
}

export function isoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? null : new Date(Math.round(ms)).toISOString();
}

/** The kind of an error message: an exception class, an HTTP status or the message head. */
export function errorKindOf(message: string): string {
  const m = message.trim();
  const http = /(?:found|status(?: code)?|code)[: =]*\(?(\d{3})\b/i.exec(m) ?? /^(\d{3})\b/.exec(m);
  if (http) return `HTTP ${http[1]}`;
  const cls = /^([A-Za-z_][\w.$]*(?:Error|Exception|Timeout|Disconnected|Refused|Reset))\b/.exec(m);
  if (cls) return cls[1];
  const call = /^([A-Za-z_][\w.]*)\(/.exec(m);
  if (call) return call[1];
  const head = m.split(/[:\n]/)[0].trim();
  return head.length > 80 ? `${head.slice(0, 77)}...` : head || "error";
}
