/**
 * View model of the stability page: latency over time against the baseline, markers where requests
 * failed, resource series (CPU, memory, database connections) from the samples' metrics, a summary
 * of any other metric, and the labels of score, health and verdict.
 */
import { roundTo } from "../format-number";
import type { StabilityHealth, StabilityVerdict } from "../compute-stability";

export interface StabilitySampleInput {
  t: string;
  responseMs: number | null;
  requests: number | null;
  failures: number | null;
  metrics: Record<string, unknown> | null;
}

export interface LatencyPoint {
  /** Seconds since the first sample. */
  s: number;
  responseMs: number | null;
  baselineMs: number | null;
  failures: number;
}

export interface ResourceChart {
  id: "cpu" | "memory" | "connections";
  title: string;
  unit: string;
  series: { key: string; label: string }[];
  points: ({ s: number } & Record<string, number | null>)[];
}

export interface MetricSummary {
  key: string;
  label: string;
  min: number;
  mean: number;
  max: number;
}

export interface StabilityChartModel {
  latency: LatencyPoint[];
  errorMarkers: { s: number; responseMs: number; failures: number }[];
  resources: ResourceChart[];
  otherMetrics: MetricSummary[];
  durationSeconds: number;
}

const RESOURCE_GROUPS: Omit<ResourceChart, "points">[] = [
  { id: "cpu", title: "CPU", unit: "%", series: [{ key: "apiCpuPercent", label: "API CPU" }, { key: "dbCpuPercent", label: "Database CPU" }] },
  { id: "memory", title: "Memory", unit: "%", series: [{ key: "apiMemPercent", label: "API memory" }, { key: "dbMemPercent", label: "Database memory" }] },
  { id: "connections", title: "Database connections", unit: "", series: [{ key: "dbConnections", label: "Connections" }] },
];
const GROUPED = new Set(RESOURCE_GROUPS.flatMap((g) => g.series.map((s) => s.key)));

/** "dbCacheHitPercent" → "Db cache hit %", "redisMemMb" → "Redis mem MB". */
export function metricLabel(key: string): string {
  const words = key
    .replace(/Percent$/, " %")
    .replace(/PerSec$/, " /s")
    .replace(/Mb$/, " MB")
    .replace(/Ms$/, " ms")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1).replace(/ mb$/, " MB");
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function thin<T>(points: T[], maxPoints: number): T[] {
  const step = Math.ceil(points.length / Math.max(1, maxPoints));
  return step <= 1 ? points : points.filter((_, i) => i % step === 0);
}

export function buildStabilityChart(samples: readonly StabilitySampleInput[], baselineMeanMs: number | null, maxPoints = 600): StabilityChartModel {
  const sorted = [...samples].sort((a, b) => Date.parse(a.t) - Date.parse(b.t));
  const t0 = sorted.length ? Date.parse(sorted[0].t) : 0;
  const at = (s: StabilitySampleInput) => (Date.parse(s.t) - t0) / 1000;

  const latency = sorted.map((s) => ({ s: at(s), responseMs: s.responseMs, baselineMs: baselineMeanMs, failures: s.failures ?? 0 }));
  // Every failing sample is marked, also when the line itself is thinned.
  const errorMarkers = latency
    .filter((p) => p.failures > 0)
    .map((p) => ({ s: p.s, responseMs: p.responseMs ?? baselineMeanMs ?? 0, failures: p.failures }));

  const resources: ResourceChart[] = [];
  for (const g of RESOURCE_GROUPS) {
    const series = g.series.filter((ser) => sorted.some((s) => num(s.metrics?.[ser.key]) !== null));
    if (!series.length) continue;
    const points = sorted.map((s) => {
      const p: { s: number } & Record<string, number | null> = { s: at(s) };
      for (const ser of series) p[ser.key] = num(s.metrics?.[ser.key]);
      return p;
    });
    resources.push({ ...g, series, points: thin(points, maxPoints) });
  }

  const others = new Map<string, number[]>();
  for (const s of sorted) {
    for (const [k, v] of Object.entries(s.metrics ?? {})) {
      const n = num(v);
      if (n === null || GROUPED.has(k)) continue;
      const list = others.get(k) ?? [];
      list.push(n);
      others.set(k, list);
    }
  }
  const otherMetrics = [...others.entries()]
    .map(([key, values]) => ({
      key,
      label: metricLabel(key),
      min: roundTo(Math.min(...values), 2),
      mean: roundTo(values.reduce((a, b) => a + b, 0) / values.length, 2),
      max: roundTo(Math.max(...values), 2),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return {
    latency: thin(latency, maxPoints),
    errorMarkers,
    resources,
    otherMetrics,
    durationSeconds: latency.length ? latency[latency.length - 1].s : 0,
  };
}

export const HEALTH_LABELS: Record<StabilityHealth, string> = { HEALTHY: "Healthy", DEGRADED: "Degraded", CRITICAL: "Critical" };
export const STABILITY_VERDICT_LABELS: Record<StabilityVerdict, string> = {
  PROCEED: "Proceed",
  PROCEED_WITH_MONITORING: "Proceed with monitoring",
  DO_NOT_PROCEED: "Do not proceed",
};

/** "+16.6%", "−60.2%", "—". */
export function formatSignedPercent(value: number | null): string {
  if (value === null) return "—";
  if (value === 0) return "0%";
  return `${value > 0 ? "+" : "−"}${Math.abs(value)}%`;
}
