import { CompactHistogram } from "./compact-histogram";
import type { RunSample } from "./types";
import { isoOrNull, round } from "./values";

interface Bucket {
  requests: number;
  failures: number;
  sumMs: number;
  hist: CompactHistogram;
  users: number | null;
}

/** One finished bucket, with its histogram so that steps can merge exact-enough percentiles. */
export interface SeriesPoint {
  tMs: number;
  widthMs: number;
  users: number | null;
  requests: number;
  failures: number;
  rps: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  hist?: CompactHistogram;
}

/**
 * Per-request events → a time series of 1-second buckets. When the run spans more than
 * `maxSamples` buckets the width doubles (2 s, 4 s, ...) and neighbours merge, so memory
 * stays bounded whatever the file size. Gaps are filled with empty buckets whose user
 * count carries over from the previous bucket.
 */
export class TimeSeriesBuilder {
  private widthMs = 1000;
  private origin: number | null = null;
  private buckets = new Map<number, Bucket>();
  private minIdx = Infinity;
  private maxIdx = -Infinity;
  private lastIdx = NaN;
  private lastBucket: Bucket | null = null;

  constructor(private readonly maxSamples: number) {}

  private bucket(tMs: number): Bucket {
    if (this.origin === null) this.origin = Math.floor(tMs / 1000) * 1000;
    let idx = Math.floor((tMs - this.origin) / this.widthMs);
    // Requests come mostly in time order: the previous row's bucket is usually this one.
    if (idx === this.lastIdx && this.lastBucket) return this.lastBucket;
    let b = this.buckets.get(idx);
    if (!b) {
      if (idx < this.minIdx) this.minIdx = idx;
      if (idx > this.maxIdx) this.maxIdx = idx;
      if (this.maxIdx - this.minIdx + 1 > this.maxSamples) {
        this.widen();
        idx = Math.floor((tMs - this.origin) / this.widthMs);
        b = this.buckets.get(idx);
      }
      if (!b) {
        b = { requests: 0, failures: 0, sumMs: 0, hist: new CompactHistogram(), users: null };
        this.buckets.set(idx, b);
        if (idx < this.minIdx) this.minIdx = idx;
        if (idx > this.maxIdx) this.maxIdx = idx;
      }
    }
    this.lastIdx = idx;
    this.lastBucket = b;
    return b;
  }

  private widen(): void {
    this.lastBucket = null;
    while (this.maxIdx - this.minIdx + 1 > this.maxSamples) {
      this.widthMs *= 2;
      const merged = new Map<number, Bucket>();
      for (const [idx, b] of this.buckets) {
        const k = Math.floor(idx / 2);
        const m = merged.get(k);
        if (!m) {
          merged.set(k, b);
          continue;
        }
        m.requests += b.requests;
        m.failures += b.failures;
        m.sumMs += b.sumMs;
        m.hist.merge(b.hist);
        if (b.users !== null) m.users = Math.max(m.users ?? 0, b.users);
      }
      this.buckets = merged;
      this.minIdx = Math.floor(this.minIdx / 2);
      this.maxIdx = Math.floor(this.maxIdx / 2);
    }
  }

  addRequest(tMs: number, latencyMs: number | null, failed: boolean): void {
    const b = this.bucket(tMs);
    b.requests++;
    if (failed) b.failures++;
    if (latencyMs !== null) {
      b.sumMs += latencyMs;
      b.hist.record(latencyMs);
    }
  }

  setUsers(tMs: number, users: number): void {
    const b = this.bucket(tMs);
    b.users = b.users === null ? users : Math.max(b.users, users);
  }

  get isEmpty(): boolean {
    return this.buckets.size === 0;
  }

  points(): SeriesPoint[] {
    const out: SeriesPoint[] = [];
    if (this.origin === null) return out;
    let users: number | null = null;
    for (let i = this.minIdx; i <= this.maxIdx; i++) {
      const b = this.buckets.get(i);
      if (b?.users !== null && b?.users !== undefined) users = b.users;
      const sec = this.widthMs / 1000;
      out.push({
        tMs: this.origin + i * this.widthMs,
        widthMs: this.widthMs,
        users,
        requests: b?.requests ?? 0,
        failures: b?.failures ?? 0,
        rps: round((b?.requests ?? 0) / sec, 3),
        p50Ms: b ? round(b.hist.percentile(50)) : null,
        p95Ms: b ? round(b.hist.percentile(95)) : null,
        hist: b?.hist,
      });
    }
    return out;
  }

  samples(points: SeriesPoint[] = this.points()): RunSample[] {
    return points.map((p) => {
      const b = this.buckets.get(Math.floor((p.tMs - (this.origin ?? 0)) / this.widthMs));
      const sec = p.widthMs / 1000;
      return {
        t: isoOrNull(p.tMs) ?? "",
        users: p.users,
        requests: p.requests,
        failures: p.failures,
        rps: p.rps,
        failuresPerSec: round(p.failures / sec, 3),
        p50Ms: p.p50Ms,
        p95Ms: p.p95Ms,
        responseMs: b && b.hist.count > 0 ? round(b.sumMs / b.hist.count) : null,
      };
    });
  }
}
