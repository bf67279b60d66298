import { roundTo } from "../format-number";

export interface OverlaySampleInput {
  t: string;
  rps: number | null;
  p95Ms: number | null;
  responseMs: number | null;
}

export interface OverlayPoint {
  /** Seconds since each run's own first sample. */
  s: number;
  runLatencyMs: number | null;
  baselineLatencyMs: number | null;
  runRps: number | null;
  baselineRps: number | null;
}

export interface OverlaySeries {
  points: OverlayPoint[];
  /** "P95" when both runs have windowed P95s, else "Mean response time" (or whichever one run has). */
  latencyLabel: string;
  bucketSeconds: number;
  has: { latency: boolean; rps: boolean };
}

const mean = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? roundTo(v.reduce((a, b) => a + b, 0) / v.length, 2) : null;
};

/**
 * Both runs' time series on one elapsed-time axis, each aligned from its own start (DESIGN item 6):
 * samples fall into buckets of `bucketSeconds` (1 s, widened so at most `maxPoints` remain), a
 * bucket takes the mean of each series' samples in it. Latency is the P95 when both runs have
 * one, else the mean response time, so the two lines measure the same thing.
 */
export function buildOverlaySeries(run: readonly OverlaySampleInput[], baseline: readonly OverlaySampleInput[], maxPoints = 400): OverlaySeries {
  const bothP95 = run.some((s) => s.p95Ms !== null) && baseline.some((s) => s.p95Ms !== null);
  const bothMean = run.some((s) => s.responseMs !== null) && baseline.some((s) => s.responseMs !== null);
  const useP95 = bothP95 || (!bothMean && [...run, ...baseline].some((s) => s.p95Ms !== null));
  const rel = (xs: readonly OverlaySampleInput[]) => {
    const sorted = [...xs].sort((a, b) => Date.parse(a.t) - Date.parse(b.t));
    const t0 = sorted.length ? Date.parse(sorted[0].t) : 0;
    return sorted.map((x) => ({ s: (Date.parse(x.t) - t0) / 1000, latency: useP95 ? x.p95Ms : x.responseMs, rps: x.rps }));
  };
  const a = rel(run);
  const b = rel(baseline);
  const span = Math.max(a.at(-1)?.s ?? 0, b.at(-1)?.s ?? 0);
  const bucketSeconds = Math.max(1, Math.ceil((span + 1) / Math.max(1, maxPoints)));
  const buckets = new Map<number, { ra: (number | null)[]; rr: (number | null)[]; ba: (number | null)[]; br: (number | null)[] }>();
  const at = (s: number) => {
    const k = Math.floor(s / bucketSeconds);
    let v = buckets.get(k);
    if (!v) buckets.set(k, (v = { ra: [], rr: [], ba: [], br: [] }));
    return v;
  };
  for (const p of a) { const v = at(p.s); v.ra.push(p.latency); v.rr.push(p.rps); }
  for (const p of b) { const v = at(p.s); v.ba.push(p.latency); v.br.push(p.rps); }
  const points = [...buckets.entries()].sort((x, y) => x[0] - y[0]).map(([k, v]) => ({
    s: k * bucketSeconds, runLatencyMs: mean(v.ra), baselineLatencyMs: mean(v.ba), runRps: mean(v.rr), baselineRps: mean(v.br),
  }));
  return {
    points,
    latencyLabel: useP95 ? "P95" : "Mean response time",
    bucketSeconds,
    has: {
      latency: points.some((p) => p.runLatencyMs !== null || p.baselineLatencyMs !== null),
      rps: points.some((p) => p.runRps !== null || p.baselineRps !== null),
    },
  };
}
