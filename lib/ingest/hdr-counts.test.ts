import { build } from "hdr-histogram-js";
import { describe, expect, it } from "vitest";
import { HdrCounts, hdrIndex, hdrValueAt } from "./hdr-counts";
import { LatencyRecorder } from "./latency-recorder";

const PERCENTILES = [0, 1, 25, 50, 90, 95, 99, 99.9, 99.99, 100];

/** Deterministic values over the whole range a latency in µs can take, with powers of two and their neighbours. */
function values(): number[] {
  const out: number[] = [0, 1, 2, 2047, 2048, 2049, 4095, 4096, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 40 + 12345];
  for (let k = 0; k < 45; k++) out.push(2 ** k - 1, 2 ** k, 2 ** k + 1);
  let a = 12345;
  for (let i = 0; i < 20000; i++) {
    a = (a * 1103515245 + 12345) % 2 ** 31;
    out.push(Math.round((a / 2 ** 31) ** 3 * 10 ** (1 + (i % 9))));
  }
  return out;
}

describe("HdrCounts", () => {
  it("indexes every value where hdr-histogram-js counts it", () => {
    const lib = build({ numberOfSignificantValueDigits: 3 }) as unknown as { countsArrayIndex(v: number): number };
    for (const v of values()) {
      expect(hdrIndex(v)).toBe(lib.countsArrayIndex(v));
      expect(hdrIndex(hdrValueAt(hdrIndex(v)))).toBe(hdrIndex(v));
    }
  });

  it("gives the library's percentiles for the same values", () => {
    const lib = build({ bitBucketSize: "packed", numberOfSignificantValueDigits: 3 });
    const ours = new HdrCounts();
    for (const v of values()) {
      lib.recordValue(v);
      ours.recordValue(v);
    }
    expect(ours.totalCount).toBe(lib.totalCount);
    for (const p of PERCENTILES) expect(ours.getValueAtPercentile(p)).toBe(lib.getValueAtPercentile(p));
  });

  it("keeps a LatencyRecorder's percentiles past the exact limit equal to the library's", () => {
    const rec = new LatencyRecorder();
    const lib = build({ bitBucketSize: "packed", numberOfSignificantValueDigits: 3 });
    let max = 0;
    for (const v of values()) {
      const ms = v / 1000;
      rec.record(ms);
      lib.recordValue(Math.round(ms * 1000));
      max = Math.max(max, ms);
    }
    for (const p of [50, 95, 99]) expect(rec.percentile(p)).toBe(Math.min(lib.getValueAtPercentile(p) / 1000, max));
  });
});
