import { spawnSync } from "node:child_process";
import fs from "node:fs";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "metrics-test");
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("/metrics", () => {
  it("exposes request counts, latency histograms, the pool, imports and verdicts in valid Prometheus text", async () => {
    const { recordHttpRequest, incrementCounter } = await import("@/lib/server/metrics");
    recordHttpRequest("/api/v1/projects/{slug}/readiness", "GET", 200, 12);
    recordHttpRequest("/api/v1/projects/{slug}/readiness", "GET", 200, 700);
    recordHttpRequest("/api/v1/projects/{slug}/items/{id}", "PATCH", 409, 5);
    incrementCounter("import_rows_total", 1234);
    // What scripts/serve.mjs's limiter publishes (scripts/lib/admission.mjs, tested there).
    const { createLimiter } = await import("@/scripts/lib/admission.mjs");
    const limiter = createLimiter({ maxConcurrent: 1, queueLimit: 1, queueWaitMs: 60_000 });
    (globalThis as Record<symbol, unknown>)[Symbol.for("launchgate.admission")] = limiter;
    limiter.enter(() => {}, () => {});
    limiter.enter(() => {}, () => {});
    limiter.enter(() => {}, () => {});
    const { GET } = await import("@/app/metrics/route");
    const res = await GET(new Request("http://127.0.0.1/metrics"));
    expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    const text = await res.text();
    const families = parsePrometheusTextFormat(text) as { name: string; type: string; metrics: { value?: string; labels?: Record<string, string>; buckets?: Record<string, string>; count?: string }[] }[];
    const byName = new Map(families.map((f) => [f.name, f]));
    const req = byName.get("launchgate_http_requests_total")!;
    expect(req.type).toBe("COUNTER");
    expect(req.metrics.find((m) => m.labels?.method === "GET")?.value).toBe("2");
    expect(req.metrics.find((m) => m.labels?.status === "409")?.value).toBe("1");
    const hist = byName.get("launchgate_http_request_duration_seconds")!;
    expect(hist.type).toBe("HISTOGRAM");
    // (this parser collapses labelled histograms, so the series are checked on the text; promtool below validates them)
    const series = `route="/api/v1/projects/{slug}/readiness",method="GET"`;
    expect(text).toContain(`launchgate_http_request_duration_seconds_bucket{${series},le="0.025"} 1`);
    expect(text).toContain(`launchgate_http_request_duration_seconds_bucket{${series},le="1"} 2`);
    expect(text).toContain(`launchgate_http_request_duration_seconds_bucket{${series},le="+Inf"} 2`);
    expect(text).toContain('launchgate_http_request_duration_seconds_count{route="/api/v1/projects/{slug}/readiness",method="GET"} 2');
    expect(byName.get("launchgate_db_pool_connections")!.metrics).toHaveLength(3);
    expect(byName.get("launchgate_import_rows_total")!.metrics[0].value).toBe("1234");
    expect(byName.get("launchgate_admission_in_flight")!.metrics[0].value).toBe("1");
    expect(byName.get("launchgate_admission_queued")!.metrics[0].value).toBe("1");
    expect(byName.get("launchgate_admission_rejected_total")!.metrics).toEqual(expect.arrayContaining([{ labels: { reason: "queue_full" }, value: "1" }, { labels: { reason: "wait_timeout" }, value: "0" }]));
    const verdict = byName.get("launchgate_project_verdict")!;
    expect(verdict.metrics).toEqual([{ labels: { project: "agent-platform" }, value: "0" }]);
    expect(byName.get("launchgate_database_up")!.metrics[0].value).toBe("1");

    // The real Prometheus tooling agrees, where installed (apt-get install prometheus).
    if (fs.existsSync("/usr/bin/promtool")) {
      const check = spawnSync("/usr/bin/promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
      expect(check.status, check.stdout + check.stderr).toBe(0);
    } else {
      console.warn("promtool not installed: skipped the promtool check (the parser check ran)");
    }
  });

  it("requires the bearer token when LAUNCHGATE_METRICS_TOKEN is set", async () => {
    process.env.LAUNCHGATE_METRICS_TOKEN = "scrape-secret";
    const { GET } = await import("@/app/metrics/route");
    expect((await GET(new Request("http://127.0.0.1/metrics"))).status).toBe(401);
    expect((await GET(new Request("http://127.0.0.1/metrics", { headers: { authorization: "Bearer scrape-secret" } }))).status).toBe(200);
    delete process.env.LAUNCHGATE_METRICS_TOKEN;
  });
});
