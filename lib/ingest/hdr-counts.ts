import { build, type Histogram } from "hdr-histogram-js";

/**
 * The counts of an HDR histogram (lowest discernible value 1, 3 significant digits, auto-resize:
 * what `build({ numberOfSignificantValueDigits: 3 })` makes), recorded without the library's
 * per-value cost: the packed histogram spent ~0.5 µs a value, this a few ns. The index of a value
 * is computed exactly as hdr-histogram-js does (a test checks it against the library), the
 * counts live in 1 KiB pages allocated when first hit (latencies of one endpoint fill a few),
 * and a percentile is read from a library histogram rebuilt from the counts — the same counts
 * give the library's own answer, so the figures are identical to recording into it directly.
 */

/** 3 significant digits: 2000 needs 11 bits, so sub-buckets of 2048, half of it 1024. */
const SUB_BUCKET_HALF_MAGNITUDE = 10;
const SUB_BUCKET_HALF = 1 << SUB_BUCKET_HALF_MAGNITUDE;
const PAGE_BITS = 8;
const PAGE = 1 << PAGE_BITS;
const TWO_32 = 2 ** 32;

/** The library's countsArrayIndex for a value ≥ 0 (integers; the library floors the rest the same way). */
export function hdrIndex(value: number): number {
  if (value < TWO_32 && value === Math.floor(value)) {
    const bucket = Math.max(31 - Math.clz32(value) - SUB_BUCKET_HALF_MAGNITUDE, 0);
    return bucket * SUB_BUCKET_HALF + (value >>> bucket);
  }
  const bucket = Math.max(Math.floor(Math.log2(value)) - SUB_BUCKET_HALF_MAGNITUDE, 0);
  return bucket * SUB_BUCKET_HALF + Math.floor(value / 2 ** bucket);
}

/** The lowest value that lands at `index` (the library's valueFromIndex). */
export function hdrValueAt(index: number): number {
  let bucket = Math.floor(index / SUB_BUCKET_HALF) - 1;
  let sub = (index % SUB_BUCKET_HALF) + SUB_BUCKET_HALF;
  if (bucket < 0) {
    sub -= SUB_BUCKET_HALF;
    bucket = 0;
  }
  return sub * 2 ** bucket;
}

export class HdrCounts {
  totalCount = 0;
  private pages: (Uint32Array | undefined)[] = [];

  recordValue(value: number): void {
    const i = hdrIndex(value);
    const p = i >>> PAGE_BITS;
    let page = this.pages[p];
    if (page === undefined) {
      while (this.pages.length < p) this.pages.push(undefined);
      page = new Uint32Array(PAGE);
      this.pages[p] = page;
    }
    page[i & (PAGE - 1)]++;
    this.totalCount++;
  }

  /** A library histogram with the same counts (32-bit counters: built, read, dropped). */
  toHistogram(): Histogram {
    const h = build({ bitBucketSize: 32, numberOfSignificantValueDigits: 3 });
    for (let p = 0; p < this.pages.length; p++) {
      const page = this.pages[p];
      if (!page) continue;
      for (let k = 0; k < PAGE; k++) if (page[k]) h.recordValueWithCount(hdrValueAt(p * PAGE + k), page[k]);
    }
    return h;
  }

  getValueAtPercentile(p: number): number {
    return this.toHistogram().getValueAtPercentile(p);
  }
}
