import { HdrCounts } from "./hdr-counts";

/** Values kept exactly before switching to an HDR histogram (memory stays flat beyond). */
const EXACT_LIMIT = 5000;

/**
 * Latency statistics with bounded memory. Up to EXACT_LIMIT values are kept and percentiles
 * use linear interpolation between closest ranks (what k6 prints); past that the values go
 * into an HDR histogram in microseconds with 3 significant digits (0.1% resolution), recorded
 * through `HdrCounts` (the library's figures without its per-value cost).
 */
export class LatencyRecorder {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  private exact: Float64Array | null = new Float64Array(16);
  private sorted = false;
  private hdr: HdrCounts | null = null;

  record(ms: number): void {
    if (!Number.isFinite(ms)) return;
    const v = ms < 0 ? 0 : ms;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (this.exact) {
      if (this.count > EXACT_LIMIT) {
        this.spill();
      } else {
        if (this.count > this.exact.length) {
          const grown = new Float64Array(Math.min(EXACT_LIMIT, this.exact.length * 4));
          grown.set(this.exact);
          this.exact = grown;
        }
        this.exact[this.count - 1] = v;
        this.sorted = false;
        return;
      }
    }
    this.hdr?.recordValue(Math.round(v * 1000));
  }

  private spill(): void {
    const hdr = new HdrCounts();
    const ex = this.exact;
    if (ex) for (let i = 0; i < this.count - 1; i++) hdr.recordValue(Math.round(ex[i] * 1000));
    this.exact = null;
    this.hdr = hdr;
  }

  mean(): number | null {
    return this.count ? this.sum / this.count : null;
  }

  maxValue(): number | null {
    return this.count ? this.max : null;
  }

  percentile(p: number): number | null {
    if (this.count === 0) return null;
    if (this.exact) {
      const n = this.count;
      if (!this.sorted) {
        this.exact.subarray(0, n).sort();
        this.sorted = true;
      }
      const idx = ((n - 1) * p) / 100;
      const lo = Math.floor(idx);
      const hi = Math.min(n - 1, Math.ceil(idx));
      const a = this.exact[lo];
      return a + (this.exact[hi] - a) * (idx - lo);
    }
    if (!this.hdr) return null;
    return Math.min(this.hdr.getValueAtPercentile(p) / 1000, this.max);
  }

  /** Drops the histogram. */
  destroy(): void {
    this.hdr = null;
    this.exact = null;
  }
}
