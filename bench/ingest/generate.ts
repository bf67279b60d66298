/** Generates large, realistic load-test outputs for the ingest benchmark (streamed to disk). */
import fs from "node:fs";
import { once } from "node:events";

/** Small deterministic PRNG (mulberry32): the same files on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  private buf: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(private readonly out: fs.WriteStream) {}
  async write(s: string): Promise<void> {
    this.buf.push(s);
    this.size += s.length;
    this.bytes += Buffer.byteLength(s);
    if (this.size > 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.buf.length) return;
    const ok = this.out.write(this.buf.join(""));
    this.buf = [];
    this.size = 0;
    if (!ok) await once(this.out, "drain");
  }
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, "finish");
  }
}

const LEVELS = [50, 100, 200, 400];
const ENDPOINTS = [["GET", "/api/products"], ["GET", "/api/products/{id}"], ["POST", "/api/cart"], ["POST", "/api/checkout"], ["GET", "/api/search"]];

/** Latency (ms) and failure odds grow with the user level: a stepped stress run. */
function sample(r: () => number, level: number) {
  const base = 20 + level * 0.6;
  const ms = base * (0.5 + r()) + (r() < 0.02 ? base * 4 * r() : 0);
  const failed = r() < (level >= 400 ? 0.03 : level >= 200 ? 0.004 : 0.0005);
  return { ms, failed };
}

const K6_METRICS: [string, string, string][] = [
  ["http_reqs", "counter", "default"], ["http_req_duration", "trend", "time"], ["http_req_blocked", "trend", "time"],
  ["http_req_connecting", "trend", "time"], ["http_req_tls_handshaking", "trend", "time"], ["http_req_sending", "trend", "time"],
  ["http_req_waiting", "trend", "time"], ["http_req_receiving", "trend", "time"], ["http_req_failed", "rate", "default"],
  ["data_sent", "counter", "data"], ["data_received", "counter", "data"], ["iteration_duration", "trend", "time"],
  ["iterations", "counter", "default"], ["checks", "rate", "default"], ["vus", "gauge", "default"], ["vus_max", "gauge", "default"],
];

/** k6 `--out json` NDJSON of about `targetBytes`: 4 levels of virtual users, one request per iteration. */
export async function generateK6Ndjson(path: string, targetBytes: number): Promise<{ bytes: number; lines: number }> {
  const w = new Writer(fs.createWriteStream(path));
  const r = rng(42);
  let lines = 0;
  for (const [name, type, contains] of K6_METRICS) {
    await w.write(`{"type":"Metric","data":{"name":"${name}","type":"${type}","contains":"${contains}","thresholds":[],"submetrics":null},"metric":"${name}"}\n`);
    lines++;
  }
  const start = Date.parse("2026-01-18T09:00:00Z");
  const perRequest = 4460; // bytes of the 14 points of one request (and its share of the vus points)
  const total = Math.floor(targetBytes / perRequest);
  const seconds = 1200;
  for (let i = 0; i < total; i++) {
    const tMs = start + (i / total) * seconds * 1000;
    const level = LEVELS[Math.min(LEVELS.length - 1, Math.floor(((tMs - start) / 1000 / seconds) * LEVELS.length))];
    const [method, path_] = ENDPOINTS[i % ENDPOINTS.length];
    const { ms, failed } = sample(r, level);
    const status = failed ? 503 : 200;
    const time = new Date(tMs).toISOString().replace("Z", "000+00:00");
    const tags = `{"expected_response":"${!failed}","group":"","method":"${method}","name":"https://shop.example.test${path_}","proto":"HTTP/1.1","scenario":"stepped","status":"${status}","url":"https://shop.example.test${path_}"}`;
    const p = (metric: string, value: number) => `{"metric":"${metric}","type":"Point","data":{"time":"${time}","value":${value},"tags":${tags}}}\n`;
    await w.write(
      p("http_reqs", 1) + p("http_req_duration", +ms.toFixed(4)) + p("http_req_blocked", +(r() * 0.05).toFixed(4)) +
      p("http_req_connecting", 0) + p("http_req_tls_handshaking", 0) + p("http_req_sending", +(r() * 0.1).toFixed(4)) +
      p("http_req_waiting", +(ms * 0.95).toFixed(4)) + p("http_req_receiving", +(ms * 0.05).toFixed(4)) + p("http_req_failed", failed ? 1 : 0) +
      p("data_sent", 180) + p("data_received", 2300) + p("iteration_duration", +(ms + 1000).toFixed(4)) + p("iterations", 1) +
      p("checks", failed ? 0 : 1),
    );
    lines += 14;
    if (i % 200 === 0) {
      const vt = `{"metric":"vus","type":"Point","data":{"time":"${time}","value":${level},"tags":{}}}\n`;
      await w.write(vt);
      lines++;
    }
  }
  await w.close();
  return { bytes: w.bytes, lines };
}

/** A JMeter CSV JTL with the full 17-column header and `rows` samples. */
export async function generateJmeterCsv(path: string, rows: number): Promise<{ bytes: number; lines: number }> {
  const w = new Writer(fs.createWriteStream(path));
  const r = rng(7);
  await w.write("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n");
  const start = Date.parse("2026-01-18T09:00:00Z");
  const seconds = 1800;
  for (let i = 0; i < rows; i++) {
    const tMs = Math.round(start + (i / rows) * seconds * 1000);
    const level = LEVELS[Math.min(LEVELS.length - 1, Math.floor((i / rows) * LEVELS.length))];
    const [method, path_] = ENDPOINTS[i % ENDPOINTS.length];
    const { ms, failed } = sample(r, level);
    const e = Math.round(ms);
    await w.write(
      `${tMs},${e},${method} ${path_},${failed ? 503 : 200},${failed ? "Service Unavailable" : "OK"},Stepped ${1 + (i % level)}-${i % 97},text,${!failed},${failed ? "Assertion failed: status 503" : ""},${2300 + (i % 50)},180,${level},${level},https://shop.example.test${path_},${Math.round(e * 0.9)},0,${i % 50 === 0 ? 3 : 0}\n`,
    );
  }
  await w.close();
  return { bytes: w.bytes, lines: rows + 1 };
}

/**
 * A Locust 2.x `--csv-full-history` stats_history CSV of `rows` rows: every second one row per
 * endpoint and one Aggregated row, users stepping through the four levels.
 */
export async function generateLocustHistory(path: string, rows: number): Promise<{ bytes: number; lines: number }> {
  const w = new Writer(fs.createWriteStream(path));
  const r = rng(11);
  await w.write("Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size\n");
  const perSecond = ENDPOINTS.length + 1;
  const seconds = Math.ceil(rows / perSecond);
  const start = Math.floor(Date.parse("2026-01-18T09:00:00Z") / 1000);
  const totals = new Map<string, { n: number; f: number }>();
  let written = 0;
  for (let s = 0; s < seconds && written < rows; s++) {
    const level = LEVELS[Math.min(LEVELS.length - 1, Math.floor((s / seconds) * LEVELS.length))];
    let aggN = 0, aggF = 0, aggRps = 0, aggFps = 0, aggP50 = 0;
    for (const [method, path_] of [...ENDPOINTS, ["", "Aggregated"]]) {
      if (written >= rows) break;
      const agg = path_ === "Aggregated";
      const { ms } = sample(r, level);
      const rps = agg ? aggRps : level * 0.12 * (0.8 + r() * 0.4);
      const fps = agg ? aggFps : rps * (level >= 400 ? 0.03 : level >= 200 ? 0.004 : 0.0005);
      const t = totals.get(path_) ?? { n: 0, f: 0 };
      if (agg) { t.n = aggN; t.f = aggF; } else { t.n += Math.round(rps); t.f += Math.round(fps); aggN += t.n; aggF += t.f; aggRps += rps; aggFps += fps; aggP50 = Math.max(aggP50, ms); }
      totals.set(path_, t);
      const p50 = Math.round(agg ? aggP50 : ms);
      const pct = [1, 1.1, 1.2, 1.3, 1.6, 2, 2.6, 3, 4, 5, 6].map((k) => Math.round(p50 * k)).join(",");
      await w.write(`${start + s},${level},${method},${path_},${rps.toFixed(6)},${fps.toFixed(6)},${pct},${t.n},${t.f},${p50},${(p50 * 1.1).toFixed(3)},${(p50 * 0.3).toFixed(3)},${(p50 * 6).toFixed(3)},2300.0\n`);
      written++;
    }
  }
  await w.close();
  return { bytes: w.bytes, lines: written + 1 };
}
