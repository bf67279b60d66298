import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import { pipeline } from "node:stream";
import zlib from "node:zlib";
import {
  BACKUP_FORMAT, BACKUP_VERSION, BackupFileError, ZBackupHeader, ZBackupTrailer,
  type TBackupHeader, type TBackupRow, type TBackupTable, type TBackupTrailer,
} from "./format";

export type BackupEvent =
  | { type: "header"; header: TBackupHeader }
  | { type: "row"; table: TBackupTable; row: TBackupRow; raw: string }
  | { type: "end"; trailer: TBackupTrailer; counts: Record<string, number> };

const MAX_LINE_BYTES = 256 * 1024 * 1024;

/** Uncompressed lines (without their newline) and whether each ended with one. */
async function* splitLines(input: AsyncIterable<Buffer>): AsyncGenerator<{ line: Buffer; newline: boolean }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of input) {
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, i);
      yield { line: pending.length ? Buffer.concat([...pending, piece]) : piece, newline: true };
      pending = [];
      pendingBytes = 0;
      start = i + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES) throw new Error("a line longer than 256 MiB");
    }
  }
  if (pending.length) yield { line: Buffer.concat(pending), newline: false };
}

function describeStreamError(err: NodeJS.ErrnoException): string {
  if (err.code === "ENOENT") return "no such file";
  if (err.code === "EISDIR") return "is a directory, not a backup file";
  if (err.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(err.message)) return "the file is truncated (the gzip stream ends early)";
  if (err.code === "Z_DATA_ERROR" && /header/i.test(err.message)) return "not a gzip file, so not a Launchgate backup";
  if (err.code?.startsWith("Z_")) return `corrupt gzip data (${err.message})`;
  return err.message;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} is not valid JSON`);
  }
}

function checkHeader(value: unknown): TBackupHeader {
  const v = value as { format?: unknown; version?: unknown } | null;
  if (!v || typeof v !== "object" || v.format !== BACKUP_FORMAT) throw new Error("not a Launchgate backup (no header)");
  if (v.version !== BACKUP_VERSION) throw new Error(`unknown backup format version ${String(v.version)} (this Launchgate reads version ${BACKUP_VERSION})`);
  const parsed = ZBackupHeader.safeParse(value);
  if (!parsed.success) throw new Error(`malformed header (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

/**
 * Streams a backup file and checks it as it goes: gzip integrity, header and format version, that
 * rows name a table of the header with its number of columns and come table by table in the
 * header's order, and at the end the trailer's counts and SHA-256. Any problem throws a
 * BackupFileError; the last event ("end") is only yielded for a complete, intact file.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupEvent> {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  pipeline(source, gunzip, () => {});
  const hash = crypto.createHash("sha256");
  let header: TBackupHeader | null = null;
  let tables = new Map<string, { table: TBackupTable; index: number }>();
  const counts: Record<string, number> = {};
  let current = -1;
  let lineNo = 0;
  let trailer: TBackupTrailer | null = null;
  let sha256 = "";
  try {
    for await (const { line, newline } of splitLines(gunzip)) {
      lineNo++;
      if (trailer) {
        if (line.length) throw new Error("data after the trailer");
        continue;
      }
      if (!header) {
        header = checkHeader(parseJson(line.toString("utf8"), "the first line"));
        tables = new Map(header.tables.map((t, index) => [t.name, { table: t, index }]));
        for (const t of header.tables) counts[t.name] = 0;
        hash.update(line).update("\n");
        yield { type: "header", header };
        continue;
      }
      const raw = line.toString("utf8");
      const value = parseJson(raw, `line ${lineNo}`) as Partial<TBackupRow> & { trailer?: unknown };
      if (value && typeof value === "object" && "trailer" in value) {
        const parsed = ZBackupTrailer.safeParse(value);
        if (!parsed.success) throw new Error("malformed trailer");
        trailer = parsed.data.trailer;
        sha256 = hash.digest("hex");
        continue;
      }
      const entry = typeof value?.t === "string" ? tables.get(value.t) : undefined;
      if (!entry || !Array.isArray(value.r)) throw new Error(`line ${lineNo} is not a row of a table in the header`);
      if (value.r.length !== entry.table.columns.length) throw new Error(`line ${lineNo}: ${entry.table.name} row has ${value.r.length} values, the header lists ${entry.table.columns.length} columns`);
      if (entry.index < current) throw new Error(`line ${lineNo}: ${entry.table.name} rows after a later table's`);
      if (!newline) break;
      current = entry.index;
      counts[entry.table.name]++;
      hash.update(line).update("\n");
      yield { type: "row", table: entry.table, row: value as TBackupRow, raw };
    }
    if (!trailer) throw new Error(header ? "missing trailer: the file is truncated" : "the file is empty");
    if (trailer.sha256 !== sha256) throw new Error("checksum mismatch: the content does not match the trailer's SHA-256");
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const expected = trailer.counts;
    const wrong = Object.keys({ ...counts, ...expected }).filter((t) => counts[t] !== expected[t]);
    if (wrong.length || total !== trailer.rows) throw new Error(`row counts do not match the trailer (${wrong.join(", ") || "total"})`);
    yield { type: "end", trailer, counts };
  } catch (err) {
    throw err instanceof BackupFileError ? err : new BackupFileError(file, describeStreamError(err as NodeJS.ErrnoException));
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** Reads the whole file through readBackup; returns its header, trailer and counts. */
export async function verifyBackupFile(file: string): Promise<{ header: TBackupHeader; trailer: TBackupTrailer; counts: Record<string, number> }> {
  let header: TBackupHeader | null = null;
  for await (const ev of readBackup(file)) {
    if (ev.type === "header") header = ev.header;
    if (ev.type === "end") return { header: header!, trailer: ev.trailer, counts: ev.counts };
  }
  throw new BackupFileError(file, "missing trailer: the file is truncated");
}
