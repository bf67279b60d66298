import { endpointKey, normalizeEndpointName, normalizeMethod } from "./normalize-endpoint";
import type { CompareEndpointInput } from "./types";

export interface KeyedEndpoint extends CompareEndpointInput {
  key: string;
  /** How many of the run's endpoints folded into this one (ids in paths left unnamed). */
  parts: number;
}

/**
 * Groups a run's endpoints by match key. Several endpoints with one key (`/tasks/1`, `/tasks/2`)
 * become one: requests, failures and throughput add up; the P95 is the largest of theirs, an
 * upper bound of the P95 of the whole group (at least 95 % of every part lies at or below it).
 */
export function keyEndpoints(endpoints: CompareEndpointInput[]): Map<string, KeyedEndpoint> {
  const out = new Map<string, KeyedEndpoint>();
  for (const e of endpoints) {
    const key = endpointKey(e.method, e.name);
    const prev = out.get(key);
    if (!prev) {
      out.set(key, { ...e, method: normalizeMethod(e.method), key, parts: 1 });
      continue;
    }
    prev.parts += 1;
    prev.requests += e.requests;
    prev.failures += e.failures;
    prev.p95Ms = prev.p95Ms === null ? e.p95Ms : e.p95Ms === null ? prev.p95Ms : Math.max(prev.p95Ms, e.p95Ms);
    prev.throughputRps = prev.throughputRps === null && e.throughputRps === null ? null : (prev.throughputRps ?? 0) + (e.throughputRps ?? 0);
    prev.durationSeconds = prev.durationSeconds ?? e.durationSeconds;
    if (prev.parts === 2) prev.name = normalizeEndpointName(prev.name);
  }
  return out;
}

/**
 * Pairs of (run, baseline) endpoints: equal keys first; then an endpoint without a method (JMeter
 * labels, some Locust names) pairs with the one unmatched endpoint of the other run of the same
 * normalized name, if there is exactly one.
 */
export function matchEndpoints(run: CompareEndpointInput[], baseline: CompareEndpointInput[]) {
  const a = keyEndpoints(run);
  const b = keyEndpoints(baseline);
  const pairs: { run: KeyedEndpoint | null; base: KeyedEndpoint | null }[] = [];
  for (const [key, e] of a) {
    const other = b.get(key);
    if (other) {
      pairs.push({ run: e, base: other });
      a.delete(key);
      b.delete(key);
    }
  }
  const nameOf = (e: KeyedEndpoint) => normalizeEndpointName(e.name);
  for (const [key, e] of a) {
    const candidates = [...b.values()].filter((o) => nameOf(o) === nameOf(e) && (o.method === null || e.method === null));
    if (candidates.length !== 1) continue;
    pairs.push({ run: e, base: candidates[0] });
    a.delete(key);
    b.delete(candidates[0].key);
  }
  for (const e of a.values()) pairs.push({ run: e, base: null });
  for (const e of b.values()) pairs.push({ run: null, base: e });
  return pairs;
}
