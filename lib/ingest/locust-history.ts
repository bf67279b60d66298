import { columnOf, readCsvTable, requireColumns } from "./csv-table";
import { PointSeries, type SamplePoint } from "./point-series";
import type { ParseContext, TextInput } from "./text-input";
import { toNum } from "./values";

/** A field by column index, undefined for a missing column (-1); not a closure per row. */
function col(f: string[], i: number): string | undefined {
  return i >= 0 ? f[i] : undefined;
}

/** The fields of a row's totals, as read (the row's array is reused for the next row: these are copied out). */
interface RawTotals {
  total: string;
  fails: string;
  median: string | undefined;
  avg: string | undefined;
  max: string | undefined;
}

function readRawTotals(f: string[], c: Record<string, number>, into: RawTotals): RawTotals {
  into.total = f[c.total];
  into.fails = f[c.fails];
  into.median = col(f, c.median);
  into.avg = col(f, c.avg);
  into.max = col(f, c.max);
  return into;
}

function totalsOf(r: RawTotals, method: string | null, name: string): LocustTotals {
  return {
    method,
    name,
    requests: toNum(r.total) ?? 0,
    failures: toNum(r.fails) ?? 0,
    medianMs: toNum(r.median),
    meanMs: toNum(r.avg),
    maxMs: toNum(r.max),
  };
}

const noTotals = (): RawTotals => ({ total: "", fails: "", median: undefined, avg: undefined, max: undefined });

interface EndpointRow {
  method: string | null;
  name: string;
  /** Of its last row so far. */
  raw: RawTotals;
}

/** The rows of one value of the type column: its method, and its endpoint rows by name (found without building a key). */
interface TypeRows {
  method: string | null;
  names: Map<string, EndpointRow>;
}

/** The first row of an endpoint (by type and name), kept under its key unless `max` endpoints are known. */
function addEndpointRow(endpoints: Map<string, EndpointRow>, t: TypeRows, method: string | null, name: string, max: number): EndpointRow | null {
  const key = `${method ?? ""} ${name}`;
  let row = endpoints.get(key);
  if (!row) {
    if (endpoints.size >= max) return null;
    row = { method, name, raw: noTotals() };
    endpoints.set(key, row);
  }
  t.names.set(name, row);
  return row;
}

export interface LocustTotals {
  method: string | null;
  name: string;
  requests: number;
  failures: number;
  medianMs: number | null;
  meanMs: number | null;
  maxMs: number | null;
}

export interface LocustHistory {
  points: SamplePoint[];
  /** First and last row with users or requests (the active part of the run), epoch ms. */
  activeFromMs: number | null;
  activeToMs: number | null;
  maxUsers: number | null;
  last: LocustTotals | null;
  endpoints: LocustTotals[];
}

/**
 * `_stats_history.csv` (Locust 1.x/2.x). Aggregated rows become samples: `requests` and
 * `failures` are the growth of the cumulative totals since the previous row, `rps` and the
 * percentiles are Locust's own (windowed) values, and `responseMs` is the interval mean
 * derived from the cumulative average when Locust wrote it with decimals (2.x), else null
 * (1.x rounds it to an integer, which makes a derived interval mean meaningless).
 * Per-endpoint rows (`--csv-full-history`) only feed the per-endpoint totals.
 */
export async function readLocustHistory(input: TextInput, ctx: ParseContext, warnings: string[]): Promise<LocustHistory> {
  const series = new PointSeries(ctx.maxSamples);
  const out: LocustHistory = { points: [], activeFromMs: null, activeToMs: null, maxUsers: null, last: null, endpoints: [] };
  const endpoints = new Map<string, EndpointRow>();
  const byType = new Map<string, TypeRows>();
  const scratch = noTotals();
  const c: Record<string, number> = {};
  const st: { prev: SamplePoint | null } = { prev: null };
  let prevTotals = { requests: 0, failures: 0, avg: "" };
  await readCsvTable(input, ctx, {
    warnings,
    onHeader(h) {
      const [ts, users, name, total, fails] = requireColumns(h, ctx.fileName, [
        ["timestamp"],
        ["user count"],
        ["name"],
        ["total request count"],
        ["total failure count"],
      ]);
      Object.assign(c, { ts, users, name, total, fails });
      c.type = columnOf(h, "type", "method");
      c.rps = columnOf(h, "requests/s");
      c.fps = columnOf(h, "failures/s");
      c.p50 = columnOf(h, "50%");
      c.p95 = columnOf(h, "95%");
      c.median = columnOf(h, "total median response time");
      c.avg = columnOf(h, "total average response time");
      c.max = columnOf(h, "total max response time");
      // Name and type find the endpoint on every row.
      return { read: Object.values(c), repeated: [name, c.type] };
    },
    onRow(f) {
      const name = f[c.name];
      const rawType = col(f, c.type) ?? "";
      let t = byType.get(rawType);
      if (!t) {
        const type = rawType.trim() || null;
        t = { method: type === "None" ? null : type, names: new Map() };
        byType.set(rawType, t);
      }
      const method = t.method;
      if (name !== "Aggregated") {
        // Only an endpoint's last row counts: its totals are kept as text, read once at the end.
        const row = t.names.get(name) ?? addEndpointRow(endpoints, t, method, name, ctx.maxEndpoints);
        if (row) {
          // method and name too: a method with a space can give two endpoints one key.
          row.method = method;
          row.name = name;
          readRawTotals(f, c, row.raw);
        }
        return;
      }
      const tRaw = toNum(f[c.ts]);
      if (tRaw === null) return;
      const totals = totalsOf(readRawTotals(f, c, scratch), method, name);
      const tMs = tRaw > 1e11 ? tRaw : tRaw * 1000;
      const users = toNum(f[c.users]);
      out.last = totals;
      if (users !== null && (out.maxUsers === null || users > out.maxUsers)) out.maxUsers = users;
      let requests = totals.requests - prevTotals.requests;
      let failures = totals.failures - prevTotals.failures;
      if (requests < 0 || failures < 0) {
        requests = totals.requests;
        failures = totals.failures;
      }
      const avgStr = (col(f, c.avg) ?? "").trim();
      let responseMs: number | null = null;
      if (requests > 0 && avgStr.includes(".") && (prevTotals.avg.includes(".") || prevTotals.requests === 0)) {
        const prevAvg = toNum(prevTotals.avg) ?? 0;
        responseMs = Math.max(0, ((totals.meanMs ?? 0) * totals.requests - prevAvg * prevTotals.requests) / requests);
      }
      if ((users ?? 0) > 0 || requests > 0) {
        if (out.activeFromMs === null) out.activeFromMs = tMs;
        out.activeToMs = tMs;
      }
      const prev = st.prev;
      if (prev) {
        prev.widthMs = Math.max(0, tMs - prev.tMs);
        series.push(prev);
      }
      st.prev = {
        tMs,
        widthMs: prev ? prev.widthMs : 1000,
        users,
        requests,
        failures,
        rps: toNum(col(f, c.rps)),
        failuresPerSec: toNum(col(f, c.fps)),
        p50Ms: toNum(col(f, c.p50)),
        p95Ms: toNum(col(f, c.p95)),
        responseMs,
      };
      prevTotals = { requests: totals.requests, failures: totals.failures, avg: avgStr };
    },
  });
  if (st.prev) series.push(st.prev);
  out.points = series.list();
  out.endpoints = [...endpoints.values()].map((e) => totalsOf(e.raw, e.method, e.name));
  return out;
}
