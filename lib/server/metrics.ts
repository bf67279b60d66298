import "server-only";

/** In-process Prometheus metrics (counters and histograms), rendered by /metrics. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Hist {
  buckets: number[];
  sum: number;
  count: number;
}
interface Store {
  requests: Map<string, number>;
  latency: Map<string, Hist>;
  counters: Map<string, number>;
}
const g = globalThis as unknown as { launchgateMetrics?: Store };
g.launchgateMetrics ??= { requests: new Map(), latency: new Map(), counters: new Map() };
const store = g.launchgateMetrics;

export function recordHttpRequest(route: string, method: string, status: number, ms: number): void {
  const key = `${route}\u0000${method}\u0000${status}`;
  store.requests.set(key, (store.requests.get(key) ?? 0) + 1);
  const hk = `${route}\u0000${method}`;
  const h = store.latency.get(hk) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
  const s = ms / 1000;
  BUCKETS.forEach((b, i) => {
    if (s <= b) h.buckets[i]++;
  });
  h.sum += s;
  h.count++;
  store.latency.set(hk, h);
}

export function incrementCounter(name: string, by = 1): void {
  store.counters.set(name, (store.counters.get(name) ?? 0) + by);
}

export function getMetricsStore(): Readonly<Store> {
  return store;
}
export { BUCKETS as LATENCY_BUCKETS };
