/** Slots of the table (a power of two) and the distinct values kept in it (at most half full). */
const SIZE = 4096;
const MASK = SIZE - 1;
const MAX_VALUES = SIZE / 2;
/** Longer values are sliced as they are: hashing them in place would save nothing. */
const MAX_LENGTH = 256;
/** Slots of the cache of recent values (a power of two). */
const RECENT = 256;

/**
 * One string object per distinct value of a CSV column with few values (a JTL's label, a Locust
 * row's name and type). A parser looks such a field up in a Map on every row, and a Map lookup of
 * a freshly sliced string costs ~100 ns in V8 (its hash is computed, then it is compared with the
 * key through a runtime call) — a tenth of a JTL row's whole cost. Here the field's characters
 * are hashed and compared in place in the chunk, no string is made for a value seen before, and
 * the string handed out is the one the parser's Map already holds (hash cached, same object), so
 * that lookup is cheap too. Past MAX_VALUES distinct values, new ones are sliced as before.
 */
export class FieldInterner {
  private readonly hashes = new Int32Array(SIZE);
  private readonly values: (string | undefined)[] = new Array<string | undefined>(SIZE).fill(undefined);
  private count = 0;
  /**
   * The last value seen with each (length, first and last character): tried first, so that a known
   * value costs one comparison instead of hashing it and then comparing it.
   */
  private readonly recent: (string | undefined)[] = new Array<string | undefined>(RECENT).fill(undefined);

  /** `text.slice(from, to)`, or the equal string handed out before. */
  get(text: string, from: number, to: number): string {
    const len = to - from;
    if (len > MAX_LENGTH) return text.slice(from, to);
    if (len === 0) return "";
    const r = (len * 31 + text.charCodeAt(from) * 7 + text.charCodeAt(to - 1)) & (RECENT - 1);
    const guess = this.recent[r];
    if (guess !== undefined && guess.length === len && sameChars(guess, text, from)) return guess;
    const v = this.lookUp(text, from, to);
    this.recent[r] = v;
    return v;
  }

  private lookUp(text: string, from: number, to: number): string {
    const len = to - from;
    let h = len;
    for (let i = from; i < to; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    let slot = h & MASK;
    for (;;) {
      const v = this.values[slot];
      if (v === undefined) break;
      if (this.hashes[slot] === h && v.length === len && sameChars(v, text, from)) return v;
      slot = (slot + 1) & MASK;
    }
    if (this.count >= MAX_VALUES) return text.slice(from, to);
    const s = flatCopy(text.slice(from, to));
    this.values[slot] = s;
    this.hashes[slot] = h;
    this.count++;
    return s;
  }
}

/**
 * A copy of its own: a slice of 13 characters or more is a view into the chunk, slower to compare
 * character by character (every row does) and keeping the whole 64 KiB chunk alive.
 */
function flatCopy(s: string): string {
  return s.split("").join("");
}

function sameChars(v: string, text: string, from: number): boolean {
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}
