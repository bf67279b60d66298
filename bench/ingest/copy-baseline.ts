/**
 * The ingest benchmark's yardstick: the same requests, already normalized to one CSV row each
 * (time, endpoint, latency ms, ok), loaded with PostgreSQL's COPY into a table of that shape in the
 * same database. Normalizing is done first and not timed; only COPY is timed.
 */
import fs from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const csv = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One normalized row per request (k6 NDJSON, JMeter CSV) or per history row (Locust); returns the row count. */
export async function normalizeRequests(input: string, output: string): Promise<number> {
  const out = fs.createWriteStream(output);
  const lines = readline.createInterface({ input: fs.createReadStream(input), crlfDelay: Infinity });
  let rows = 0;
  let header: string[] | null = null;
  let buf: string[] = [];
  const flush = async () => {
    if (!out.write(buf.join(""))) await new Promise<void>((r) => out.once("drain", () => r()));
    buf = [];
  };
  for await (const line of lines) {
    if (input.endsWith(".ndjson")) {
      if (!line.includes('"metric":"http_req_duration"') || !line.includes('"type":"Point"')) continue;
      const p = JSON.parse(line) as { data: { time: string; value: number; tags: { name?: string; expected_response?: string } } };
      buf.push(`${p.data.time},${csv(p.data.tags.name ?? "")},${p.data.value},${p.data.tags.expected_response !== "false"}\n`);
    } else {
      if (!header) {
        header = line.split(",");
        continue;
      }
      const f = line.split(",");
      const at = (name: string) => f[header!.indexOf(name)];
      if (header[0] === "Timestamp") {
        // Locust history: one row per endpoint and second (its median, and whether it failed).
        buf.push(`${new Date(Number(at("Timestamp")) * 1000).toISOString()},${csv(at("Name"))},${at("50%") === "N/A" ? 0 : at("50%")},${Number(at("Failures/s")) === 0}\n`);
      } else {
        buf.push(`${new Date(Number(at("timeStamp"))).toISOString()},${csv(at("label"))},${at("elapsed")},${at("success")}\n`);
      }
    }
    rows++;
    if (buf.length >= 10_000) await flush();
  }
  await flush();
  out.end();
  await new Promise<void>((r) => out.once("finish", () => r()));
  return rows;
}

/** COPY the normalized file into a fresh table; returns the seconds COPY took. */
export async function copyRequests(databaseUrl: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS bench_request_rows; CREATE TABLE bench_request_rows (t timestamptz NOT NULL, endpoint text NOT NULL, latency_ms double precision NOT NULL, ok boolean NOT NULL)`);
    const started = performance.now();
    await pipeline(fs.createReadStream(file), client.query(copyFrom("COPY bench_request_rows FROM STDIN WITH (FORMAT csv)")));
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}
