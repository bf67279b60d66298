import "server-only";
import { getPoolStats } from "./db";
import { getDb } from "./db";
import { getMetricsStore, LATENCY_BUCKETS } from "./metrics";
import { getReadiness } from "./readiness/get-readiness";
import { todayUtc } from "./readiness/load-readiness-input";

const VERDICT_VALUE = { NO_GO: 0, CONDITIONAL_GO: 1, GO: 2 } as const;
const TTL_MS = 60_000;

function esc(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

/** What scripts/serve.mjs's admission control publishes (absent under `next dev`/`next start`). */
interface AdmissionStats {
  inFlight: number;
  queued: number;
  maxConcurrent: number;
  queueLimit: number;
  rejected: Record<string, number>;
}
function admissionStats(): AdmissionStats | null {
  const a = (globalThis as Record<symbol, { stats?: () => AdmissionStats } | undefined>)[Symbol.for("launchgate.admission")];
  return typeof a?.stats === "function" ? a.stats() : null;
}

function admissionLines(a: AdmissionStats): string[] {
  return [
    "# HELP launchgate_admission_in_flight Page renders and API requests being processed now.", "# TYPE launchgate_admission_in_flight gauge", `launchgate_admission_in_flight ${a.inFlight}`,
    "# HELP launchgate_admission_queued Requests waiting for a slot.", "# TYPE launchgate_admission_queued gauge", `launchgate_admission_queued ${a.queued}`,
    "# HELP launchgate_admission_max_concurrent Slots (LAUNCHGATE_MAX_CONCURRENT).", "# TYPE launchgate_admission_max_concurrent gauge", `launchgate_admission_max_concurrent ${a.maxConcurrent}`,
    "# HELP launchgate_admission_queue_limit Queue length limit (LAUNCHGATE_QUEUE_LIMIT).", "# TYPE launchgate_admission_queue_limit gauge", `launchgate_admission_queue_limit ${a.queueLimit}`,
    "# HELP launchgate_admission_rejected_total Requests answered 503 busy, by reason.", "# TYPE launchgate_admission_rejected_total counter",
    // queueFull → queue_full, waitTimeout → wait_timeout, databaseUnavailable → database_unavailable
    ...Object.entries(a.rejected).map(([reason, n]) => `launchgate_admission_rejected_total{reason="${reason.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"} ${n}`),
  ];
}

type ProjectGauge = { slug: string; verdict: number; score: number | null; blockers: number };
const g = globalThis as unknown as { launchgateVerdictCache?: { at: number; rows: ProjectGauge[] } };

/** Verdict per project, recomputed at most once a minute (a scrape must stay cheap). */
async function projectGauges(): Promise<ProjectGauge[]> {
  const cached = g.launchgateVerdictCache;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.rows;
  const projects = await getDb().project.findMany({ select: { id: true, slug: true, name: true }, orderBy: { slug: "asc" }, take: 200 });
  const asOf = todayUtc();
  const rows: ProjectGauge[] = [];
  for (const p of projects) {
    const r = await getReadiness(p, asOf);
    rows.push({ slug: p.slug, verdict: VERDICT_VALUE[r.verdict.value], score: r.score.overallPercent, blockers: r.blockers.open });
  }
  g.launchgateVerdictCache = { at: Date.now(), rows };
  return rows;
}

/** Everything /metrics shows, in the Prometheus text exposition format (version 0.0.4). */
export async function renderMetrics(): Promise<string> {
  const store = getMetricsStore();
  const out: string[] = [];
  out.push("# HELP launchgate_http_requests_total API requests by route, method and status.", "# TYPE launchgate_http_requests_total counter");
  for (const [key, n] of store.requests) {
    const [route, method, status] = key.split("\u0000");
    out.push(`launchgate_http_requests_total{route="${esc(route)}",method="${method}",status="${status}"} ${n}`);
  }
  out.push("# HELP launchgate_http_request_duration_seconds API request latency.", "# TYPE launchgate_http_request_duration_seconds histogram");
  for (const [key, h] of store.latency) {
    const [route, method] = key.split("\u0000");
    const labels = `route="${esc(route)}",method="${method}"`;
    LATENCY_BUCKETS.forEach((b, i) => out.push(`launchgate_http_request_duration_seconds_bucket{${labels},le="${b}"} ${h.buckets[i]}`));
    out.push(`launchgate_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
    out.push(`launchgate_http_request_duration_seconds_sum{${labels}} ${h.sum.toFixed(6)}`);
    out.push(`launchgate_http_request_duration_seconds_count{${labels}} ${h.count}`);
  }
  const pool = getPoolStats();
  out.push("# HELP launchgate_db_pool_connections Database connections of this process by state.", "# TYPE launchgate_db_pool_connections gauge");
  out.push(`launchgate_db_pool_connections{state="in_use"} ${pool ? pool.total - pool.idle : 0}`);
  out.push(`launchgate_db_pool_connections{state="idle"} ${pool ? pool.idle : 0}`);
  out.push(`launchgate_db_pool_connections{state="waiting"} ${pool ? pool.waiting : 0}`);
  out.push("# HELP launchgate_db_pool_max Size limit of the connection pool.", "# TYPE launchgate_db_pool_max gauge", `launchgate_db_pool_max ${pool?.max ?? 0}`);
  const admission = admissionStats();
  if (admission) out.push(...admissionLines(admission));
  out.push("# HELP launchgate_import_rows_total Load-test rows and points read by imports.", "# TYPE launchgate_import_rows_total counter");
  out.push(`launchgate_import_rows_total ${store.counters.get("import_rows_total") ?? 0}`);
  out.push("# HELP launchgate_import_runs_total Load-test runs imported.", "# TYPE launchgate_import_runs_total counter");
  out.push(`launchgate_import_runs_total ${store.counters.get("import_runs_total") ?? 0}`);
  try {
    const gauges = await projectGauges();
    out.push("# HELP launchgate_project_verdict Verdict per project as of today: 0 NO-GO, 1 CONDITIONAL GO, 2 GO.", "# TYPE launchgate_project_verdict gauge");
    for (const p of gauges) out.push(`launchgate_project_verdict{project="${esc(p.slug)}"} ${p.verdict}`);
    out.push("# HELP launchgate_project_score_percent Readiness score per project.", "# TYPE launchgate_project_score_percent gauge");
    for (const p of gauges) if (p.score !== null) out.push(`launchgate_project_score_percent{project="${esc(p.slug)}"} ${p.score}`);
    out.push("# HELP launchgate_project_open_blockers Open P1 blockers per project.", "# TYPE launchgate_project_open_blockers gauge");
    for (const p of gauges) out.push(`launchgate_project_open_blockers{project="${esc(p.slug)}"} ${p.blockers}`);
    out.push("# HELP launchgate_database_up Whether the last scrape reached the database.", "# TYPE launchgate_database_up gauge", "launchgate_database_up 1");
  } catch {
    out.push("# HELP launchgate_database_up Whether the last scrape reached the database.", "# TYPE launchgate_database_up gauge", "launchgate_database_up 0");
  }
  const mem = process.memoryUsage();
  out.push("# HELP process_resident_memory_bytes Resident memory size in bytes.", "# TYPE process_resident_memory_bytes gauge", `process_resident_memory_bytes ${mem.rss}`);
  out.push("# HELP nodejs_heap_used_bytes V8 heap in use.", "# TYPE nodejs_heap_used_bytes gauge", `nodejs_heap_used_bytes ${mem.heapUsed}`);
  out.push("# HELP process_uptime_seconds Seconds since the process started.", "# TYPE process_uptime_seconds gauge", `process_uptime_seconds ${process.uptime().toFixed(1)}`);
  return out.join("\n") + "\n";
}
