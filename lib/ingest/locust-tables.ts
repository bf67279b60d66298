import { columnOf, readCsvTable, requireColumns, type CsvHeader } from "./csv-table";
import type { ParseContext, TextInput } from "./text-input";
import type { ErrorKindCount } from "./types";
import { errorKindOf, toNum } from "./values";

export interface LocustRow {
  method: string | null;
  name: string;
  requests: number | null;
  failures: number | null;
  medianMs: number | null;
  meanMs: number | null;
  maxMs: number | null;
  rps: number | null;
  /** Percentile columns keyed by their number: "50", "95", "99.9", "100". */
  pct: Record<string, number | null>;
}

export interface LocustTable {
  kind: "stats" | "requests" | "distribution";
  rows: LocustRow[];
  total: LocustRow | null;
}

const HTTP_METHOD = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|TRACE|CONNECT)\s+(.+)$/;

function methodOf(v: string | undefined): string | null {
  const m = (v ?? "").trim();
  return m === "" || m.toLowerCase() === "none" ? null : m;
}

function isTotal(method: string | null, name: string): boolean {
  return method === null && (name === "Aggregated" || name === "Total");
}

/**
 * Locust request statistics in all its CSV spellings: 1.x/2.x `_stats.csv` ("Type", "Request
 * Count", percentiles), 0.13.x/0.14 `_stats.csv` ("# requests"), pre-0.13.3 `_requests.csv`
 * ("Method", no percentiles) and `_distribution.csv` ("Name" = "METHOD /path", percentiles).
 */
export async function readLocustTable(
  input: TextInput,
  ctx: ParseContext,
  kind: LocustTable["kind"],
  warnings: string[],
): Promise<LocustTable> {
  const table: LocustTable = { kind, rows: [], total: null };
  let c: Record<string, number> = {};
  let pctCols: [string, number][] = [];
  const file = ctx.fileName;
  await readCsvTable(input, ctx, {
    warnings,
    onHeader(h: CsvHeader) {
      const reqAliases = ["request count", "# requests"];
      const [name, requests] = requireColumns(h, file, [["name"], reqAliases]);
      c = {
        name,
        requests,
        method: columnOf(h, "type", "method"),
        failures: columnOf(h, "failure count", "# failures"),
        median: columnOf(h, "median response time"),
        mean: columnOf(h, "average response time"),
        max: columnOf(h, "max response time"),
        rps: columnOf(h, "requests/s"),
      };
      if (kind !== "distribution") requireColumns(h, file, [["failure count", "# failures"]]);
      pctCols = h.names.flatMap((n, i) => {
        const m = /^(\d+(?:\.\d+)?)%$/.exec(n.trim());
        return m ? [[m[1], i] as [string, number]] : [];
      });
    },
    onRow(f) {
      const get = (i: number) => (i >= 0 ? f[i] : undefined);
      let method = methodOf(get(c.method));
      let name = f[c.name];
      if (kind === "distribution" && method === null) {
        const m = HTTP_METHOD.exec(name);
        if (m) {
          method = m[1];
          name = m[2];
        }
      }
      const pct: Record<string, number | null> = {};
      for (const [k, i] of pctCols) pct[k] = toNum(f[i]);
      const row: LocustRow = {
        method,
        name,
        requests: toNum(f[c.requests]),
        failures: toNum(get(c.failures)),
        medianMs: toNum(get(c.median)),
        meanMs: toNum(get(c.mean)),
        maxMs: toNum(get(c.max)),
        rps: toNum(get(c.rps)),
        pct,
      };
      if (isTotal(method, name)) table.total = row;
      else table.rows.push(row);
    },
  });
  return table;
}

function kindOfLocustError(message: string): string {
  const http = /(\d{3}) (?:Server|Client) Error/.exec(message);
  return http ? `HTTP ${http[1]}` : errorKindOf(message);
}

/** `_failures.csv`: Method, Name, Error, Occurrences. */
export async function readLocustFailures(input: TextInput, ctx: ParseContext, warnings: string[]): Promise<ErrorKindCount[]> {
  const out: ErrorKindCount[] = [];
  let c: number[] = [];
  await readCsvTable(input, ctx, {
    warnings,
    onHeader(h) {
      c = requireColumns(h, ctx.fileName, [["method"], ["name"], ["error"], ["occurrences"]]);
    },
    onRow(f) {
      const message = f[c[2]];
      out.push({ kind: kindOfLocustError(message), count: toNum(f[c[3]]) ?? 0, endpoint: f[c[1]], message });
    },
  });
  return out;
}

/** `_exceptions.csv` (Locust ≥ 1.4.2): Count, Message, Traceback, Nodes. User-code errors. */
export async function readLocustExceptions(input: TextInput, ctx: ParseContext, warnings: string[]): Promise<ErrorKindCount[]> {
  const out: ErrorKindCount[] = [];
  let c: number[] = [];
  await readCsvTable(input, ctx, {
    warnings,
    onHeader(h) {
      c = requireColumns(h, ctx.fileName, [["count"], ["message"]]);
    },
    onRow(f) {
      out.push({ kind: "exception", count: toNum(f[c[0]]) ?? 0, endpoint: null, message: f[c[1]] });
    },
  });
  return out;
}
