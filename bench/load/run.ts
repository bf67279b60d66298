/**
 * bench/load: the seed's stress profile against Launchgate itself. 10, 50, 200, 300, 400 and 500
 * concurrent connections on a realistic mix (overview page with a session, readiness API, checklist
 * API, item PATCH with a token), and the same server's no-database route (/api/live) at each level
 * as the ceiling. Loopback only. Run: npm run bench:load [-- --seconds 30]
 * Targets: 0 errors at every level; mix req/s ≥ 50% of the ceiling's; P95 at 500 ≤ 3 × P95 at 50.
 */
import autocannon from "autocannon";
import { createToken, ensureBuild, machine, startBenchDatabase, startServer } from "../lib/bench-env";

const argLevels = process.argv.indexOf("--levels");
const LEVELS = argLevels > 0 ? process.argv[argLevels + 1].split(",").map(Number) : [10, 50, 200, 300, 400, 500];
const SLUG = "agent-platform";
const argSeconds = process.argv.indexOf("--seconds");
const SECONDS = argSeconds > 0 ? Number(process.argv[argSeconds + 1]) : 30;
const CEILING_SECONDS = Math.max(10, Math.round(SECONDS / 3));

async function login(url: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const cookies = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error("login failed");
  return session;
}

/** Status codes seen, by route, to say what the non-2xx were. */
const statusByPath = new Map<string, Map<number, number>>();
function countStatus(path: string, status: number): void {
  const key = path.replace(/items\/[^/?]+/, "items/{id}");
  const m = statusByPath.get(key) ?? new Map<number, number>();
  m.set(status, (m.get(status) ?? 0) + 1);
  statusByPath.set(key, m);
}

interface Row { level: number; kind: string; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; total: number }

function summarize(level: number, kind: string, r: { requests: { average: number; total: number }; latency: { p50: number; p90: number; p97_5: number; p99: number }; errors: number; non2xx: number; timeouts: number }, hist: number[]): Row {
  const sorted = hist.sort((a, b) => a - b);
  const p95 = Math.round(sorted.length ? sorted[Math.ceil(0.95 * sorted.length) - 1] : r.latency.p97_5);
  return { level, kind, rps: r.requests.average, p50: r.latency.p50, p95, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, total: r.requests.total };
}

async function main() {
  const log = (s: string) => console.error(s);
  ensureBuild();
  const env = await startBenchDatabase();
  const project = await env.db.project.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
  const cat = await env.db.category.findFirstOrThrow({ where: { projectId: project.id } });
  // P3 items to PATCH round-robin (4 per connection at the top level), each with the version the
  // last response gave, so writers do not conflict with each other. (autocannon resets a
  // connection's context every pass through the request list, so versions live here.)
  const versions = new Map<string, number>();
  const items = await env.db.$transaction(
    Array.from({ length: 4 * Math.max(...LEVELS) }, (_, i) => env.db.checklistItem.create({ data: { projectId: project.id, categoryId: cat.id, title: `load item ${i}`, priority: "P3" }, select: { id: true } })),
  );
  const server = await startServer(env.pg.url);
  const rows: Row[] = [];
  try {
    const token = await createToken(env.db, SLUG, "ENGINEER");
    const cookie = await login(server.url, "lead@example.com", "bench-password");
    const auth = { authorization: `Bearer ${token}` };
    for (const level of LEVELS) {
      log(`level ${level}: mix for ${SECONDS} s…`);
      const latencies: number[] = [];
      let next = 0;
      const mix = autocannon({
        url: server.url, connections: level, duration: SECONDS, timeout: 30,
        requests: [
          { method: "GET", path: `/projects/${SLUG}`, headers: { cookie }, onResponse: (st: number) => countStatus("overview page", st) },
          { method: "GET", path: `/api/v1/projects/${SLUG}/readiness`, headers: auth, onResponse: (st: number) => countStatus("readiness API", st) },
          { method: "GET", path: `/api/v1/projects/${SLUG}/items?pageSize=50&sort=priority`, headers: auth, onResponse: (st: number) => countStatus("items API", st) },
          {
            method: "PATCH",
            setupRequest: (req: Record<string, unknown>) => {
              const id = items[next++ % items.length].id;
              const version = versions.get(id) ?? 1;
              return { ...req, path: `/api/v1/projects/${SLUG}/items/${id}`, headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ status: version % 2 ? "IN_PROGRESS" : "OPEN", version }) };
            },
            onResponse: (status: number, body: string) => {
              countStatus("item PATCH", status);
              if (status === 200) {
                const r = JSON.parse(body) as { id: string; version: number };
                versions.set(r.id, Math.max(versions.get(r.id) ?? 1, r.version));
              }
            },
          },
        ],
      });
      mix.on("response", (_c: unknown, _s: number, _b: number, t: number) => latencies.push(t));
      const mixResult = await mix;
      rows.push(summarize(level, "mix", mixResult, latencies));
      log(`level ${level}: ceiling /api/live for ${CEILING_SECONDS} s…`);
      const ceilLat: number[] = [];
      const ceil = autocannon({ url: `${server.url}/api/live`, connections: level, duration: CEILING_SECONDS, timeout: 30 });
      ceil.on("response", (_c: unknown, _s: number, _b: number, t: number) => ceilLat.push(t));
      rows.push(summarize(level, "ceiling", await ceil, ceilLat));
    }
  } finally {
    await server.stop();
    await env.close();
  }
  console.log(`bench/load  ${new Date().toISOString().slice(0, 10)}  ${machine()}  ${SECONDS} s per level (ceiling ${CEILING_SECONDS} s)`);
  console.log("conns  route    req/s    p50 ms  p95 ms  p99 ms  errors  non-2xx  requests");
  for (const r of rows) {
    console.log(`${String(r.level).padStart(5)}  ${r.kind.padEnd(7)} ${r.rps.toFixed(1).padStart(7)}  ${String(r.p50).padStart(6)}  ${String(r.p95).padStart(6)}  ${String(r.p99).padStart(6)}  ${String(r.errors).padStart(6)}  ${String(r.non2xx).padStart(7)}  ${String(r.total).padStart(8)}`);
  }
  console.log(`status codes of the mix: ${[...statusByPath].map(([p, m]) => `${p} ${[...m].map(([st, n]) => `${st}×${n}`).join(" ")}`).join("; ")}`);
  const mixRows = rows.filter((r) => r.kind === "mix");
  const errorsOk = mixRows.every((r) => r.errors === 0 && r.non2xx === 0);
  const ratios = LEVELS.map((l) => rows.find((r) => r.level === l && r.kind === "mix")!.rps / rows.find((r) => r.level === l && r.kind === "ceiling")!.rps);
  const p95At = (l: number) => rows.find((r) => r.level === l && r.kind === "mix")?.p95 ?? NaN;
  const p95ratio = p95At(500) / p95At(50);
  console.log(`0 errors at every level: ${errorsOk ? "met" : "NOT met"}`);
  console.log(`mix req/s / ceiling req/s per level: ${ratios.map((x) => `${(x * 100).toFixed(0)}%`).join(", ")} (target ≥ 50%): ${ratios.every((x) => x >= 0.5) ? "met" : "NOT met"}`);
  console.log(`P95 at 500 / P95 at 50: ${p95ratio.toFixed(2)} (target ≤ 3): ${p95ratio <= 3 ? "met" : "NOT met"}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
