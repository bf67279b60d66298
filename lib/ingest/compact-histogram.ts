/**
 * A small sparse log-bucket histogram (2% relative resolution) for per-second buckets and
 * steps, where a full HDR histogram per bucket would cost too much memory.
 */
const BASE = Math.log(1.02);

/** Bucket indexes of whole milliseconds below SMALL, computed once each (the same formula). */
const SMALL = 1 << 16;
const SMALL_INDEX = new Int32Array(SMALL);
const SMALL_KNOWN = new Uint8Array(SMALL);

function smallIndex(ms: number): number {
  if (!SMALL_KNOWN[ms]) {
    SMALL_INDEX[ms] = Math.floor(Math.log(ms) / BASE);
    SMALL_KNOWN[ms] = 1;
  }
  return SMALL_INDEX[ms];
}

export class CompactHistogram {
  private counts = new Map<number, number>();
  count = 0;

  record(ms: number, times = 1): void {
    const idx = ms <= 0.01 ? -1000 : ms < SMALL && ms === (ms | 0) ? smallIndex(ms) : Math.floor(Math.log(ms) / BASE);
    this.counts.set(idx, (this.counts.get(idx) ?? 0) + times);
    this.count += times;
  }

  merge(other: CompactHistogram): void {
    for (const [k, v] of other.counts) this.counts.set(k, (this.counts.get(k) ?? 0) + v);
    this.count += other.count;
  }

  percentile(p: number): number | null {
    if (this.count === 0) return null;
    const keys = [...this.counts.keys()].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (const k of keys) {
      seen += this.counts.get(k) ?? 0;
      if (seen >= rank) return k === -1000 ? 0 : Math.exp((k + 0.5) * BASE);
    }
    return null;
  }
}
