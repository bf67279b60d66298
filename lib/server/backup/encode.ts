import "server-only";
import { quoteIdent } from "./format";

/**
 * How a column travels through a backup. Unsupported types (bytea, geometric, ranges, json arrays...)
 * make the backup fail loudly rather than write something a restore could not read back.
 *   json     json/jsonb: the JSON value itself (SQL NULL vs JSON null kept apart by "jn")
 *   bignum   int8/numeric: a string, so no digit is lost to a JS number
 *   number   int2/int4/float4/float8 (NaN and ±Infinity are strings, as PostgreSQL writes them)
 *   plain    text, varchar, bool, uuid, enums, dates, times and timestamps (ISO 8601)
 *   array    a one-dimensional array of a plain/number/bignum element type
 */
export type ColumnKind = "json" | "bignum" | "number" | "plain" | "array";

const PLAIN = new Set(["text", "varchar", "bpchar", "name", "bool", "uuid", "date", "time", "timetz", "timestamp", "timestamptz", "citext"]);
const NUMBER = new Set(["int2", "int4", "float4", "float8"]);
const BIGNUM = new Set(["int8", "numeric"]);

export interface PgTypeInfo {
  typname: string;
  typtype: string;
  elemTypname: string | null;
  elemTyptype: string | null;
}

function scalarKind(typname: string, typtype: string): Exclude<ColumnKind, "array" | "json"> | null {
  if (typtype === "e" || PLAIN.has(typname)) return "plain";
  if (NUMBER.has(typname)) return "number";
  if (BIGNUM.has(typname)) return "bignum";
  return null;
}

/** The column's kind, or null when backups do not support its type. */
export function getColumnKind(t: PgTypeInfo): ColumnKind | null {
  if (t.typname === "json" || t.typname === "jsonb") return "json";
  if (t.elemTypname && t.elemTyptype) return scalarKind(t.elemTypname, t.elemTyptype) ? "array" : null;
  return scalarKind(t.typname, t.typtype);
}

export interface EncodedColumn {
  name: string;
  /** PostgreSQL's name of the type, e.g. `timestamp(3) without time zone`, `text[]`, `"Role"`. */
  type: string;
  typname: string;
  kind: ColumnKind;
  /** int8[]/numeric[] are read as text[] so their digits survive JSON. */
  bigElements: boolean;
}

export function toEncodedColumn(name: string, type: string, t: PgTypeInfo): EncodedColumn | null {
  const kind = getColumnKind(t);
  if (!kind) return null;
  const bigElements = kind === "array" && BIGNUM.has(t.elemTypname ?? "");
  return { name, type, typname: t.typname, kind, bigElements };
}

/** The SQL expression that puts a column into the row's JSON array. */
export function selectExpression(c: EncodedColumn): string {
  const id = quoteIdent(c.name);
  if (c.kind === "bignum") return `${id}::text`;
  if (c.kind === "array" && c.bigElements) return `${id}::text[]`;
  return id;
}

/** `SELECT` list that lists the columns holding a JSON null (as opposed to SQL NULL), or null when none can. */
export function jsonNullExpression(columns: EncodedColumn[]): string | null {
  const parts = columns.flatMap((c, i) => {
    if (c.kind !== "json") return [];
    const fn = c.typname === "json" ? "json_typeof" : "jsonb_typeof";
    return [`CASE WHEN ${fn}(${quoteIdent(c.name)}) = 'null' THEN ${i} END`];
  });
  return parts.length ? `array_remove(ARRAY[${parts.join(", ")}]::int[], NULL)` : null;
}

/**
 * A value read from a backup row as a query parameter for its column. A JSON column gets the row's
 * raw line (or SQL NULL) and `parameterSql` picks its element out in PostgreSQL: the `json` type keeps
 * the source text, so numbers JS could not hold exactly (0.50, 2^64) come back as they were.
 */
export function toParameter(kind: ColumnKind, value: unknown, isJsonNull: boolean, rawLine: string): unknown {
  if (kind === "json") return value === null && !isJsonNull ? null : rawLine;
  if (kind === "number" && typeof value === "number" && Object.is(value, -0)) return "-0";
  return value;
}

/** The INSERT placeholder for parameter `n` of a column at `index` in the backup's column list. */
export function parameterSql(c: Pick<EncodedColumn, "kind" | "typname">, n: number, index: number): string {
  return c.kind === "json" ? `($${n}::json -> 'r' -> ${index})::${c.typname}` : `$${n}`;
}
