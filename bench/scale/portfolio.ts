/**
 * bench/scale/portfolio.ts: the home page and `gate <slug>`'s API calls in an organisation of 10
 * projects and of 1,000 (10–200 items, 5 categories, 3 runs each; built with SQL), through the
 * built server, one connection, warm (after a first visit). Target: 1,000 ≤ 3 × 10 for each.
 * Alone: NEXT_TELEMETRY_DISABLED=1 npx tsx --conditions=react-server bench/scale/portfolio.ts [--seconds 10]
 * Also run at the end of `npm run bench:scale`.
 */
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { createToken, ensureBuild, machine, startBenchDatabase, startServer } from "../lib/bench-env";
import { printTargets, type TargetCheck } from "../lib/targets";
import { generatePortfolioProjects } from "./generate-portfolio-org";

interface Figures { requests: number; p50: number; mean: number; p97_5: number }

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

async function measure(url: string, path: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  const r = await autocannon({ url: url + path, connections: 1, duration: seconds, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { requests: r.requests.total, p50: r.latency.p50, mean: r.latency.average, p97_5: r.latency.p97_5 };
}

/** Visits the portfolio until no summary is stale (the first visit of a big one refreshes in the background). */
async function warm(url: string, cookie: string): Promise<{ firstMs: number; freshMs: number }> {
  const t0 = performance.now();
  const first = await fetch(`${url}/`, { headers: { cookie } });
  if (first.status !== 200) throw new Error(`home page: ${first.status}`);
  await first.text();
  const firstMs = performance.now() - t0;
  for (let i = 0; i < 600; i++) {
    const body = (await (await fetch(`${url}/api/v1/projects?pageSize=1`, { headers: { cookie } })).json()) as { staleCount: number };
    if (body.staleCount === 0) return { firstMs, freshMs: performance.now() - t0 };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("summaries still stale after 2 minutes");
}

const ROUTES = (slug: string) => [
  { name: "home page /", path: "/", auth: "cookie" },
  { name: "home page ?sort=verdict&dir=desc", path: "/?sort=verdict&dir=desc", auth: "cookie" },
  { name: "GET /api/v1/projects?sort=score", path: "/api/v1/projects?sort=score", auth: "cookie" },
  { name: "gate: …/readiness", path: `/api/v1/projects/${slug}/readiness`, auth: "token" },
  { name: "gate: …/readiness/paths", path: `/api/v1/projects/${slug}/readiness/paths`, auth: "token" },
] as const;

/** Builds the two organisations in one throwaway database and server, measures, prints; returns the lines printed. */
export async function runPortfolioBench(opts: { seconds?: number; log?: (s: string) => void } = {}): Promise<number> {
  const seconds = opts.seconds ?? 10;
  const log = opts.log ?? ((s: string) => console.error(s));
  ensureBuild();
  const env = await startBenchDatabase();
  try {
    let t0 = Date.now();
    const small = await generatePortfolioProjects(env.db, 1, 9); // + the demo project = 10
    log(`portfolio: 10 projects (${small} generated items) in ${Date.now() - t0} ms`);
    const server = await startServer(env.pg.url);
    try {
      const cookie = await login(server.url, "admin@example.com", "bench-password");
      const token = await createToken(env.db, "pf-0001", "VIEWER");
      const headers = { cookie: { cookie }, token: { authorization: `Bearer ${token}` } };
      const run = async () => {
        const out: Figures[] = [];
        for (const r of ROUTES("pf-0001")) {
          await measure(server.url, r.path, headers[r.auth], 2);
          out.push(await measure(server.url, r.path, headers[r.auth], seconds));
        }
        return out;
      };
      const warm10 = await warm(server.url, cookie);
      const at10 = await run();
      t0 = Date.now();
      const big = await generatePortfolioProjects(env.db, 10, 999);
      const built = Date.now() - t0;
      log(`portfolio: 1,000 projects (${big} more items) in ${(built / 1000).toFixed(1)} s`);
      const warm1000 = await warm(server.url, cookie);
      const at1000 = await run();

      console.log(`\nbench/scale portfolio  ${new Date().toISOString().slice(0, 10)}  ${machine()}`);
      console.log(`organisation of 1,000 built with SQL in ${(built / 1000).toFixed(1)} s (${big + small} generated items)`);
      console.log(`first visit after building (stale summaries): 10 → ${warm10.firstMs.toFixed(0)} ms; 1,000 → ${warm1000.firstMs.toFixed(0)} ms, all 1,000 fresh after ${(warm1000.freshMs / 1000).toFixed(1)} s`);
      console.log(`${"route".padEnd(34)} ${"projects".padStart(8)} ${"requests".padStart(8)} ${"mean ms".padStart(8)} ${"p50 ms".padStart(7)} ${"p97.5".padStart(6)}`);
      ROUTES("pf-0001").forEach((r, i) => {
        for (const [n, f] of [["10", at10[i]], ["1,000", at1000[i]]] as const) {
          console.log(`${r.name.padEnd(34)} ${n.padStart(8)} ${String(f.requests).padStart(8)} ${f.mean.toFixed(1).padStart(8)} ${String(f.p50).padStart(7)} ${String(f.p97_5).padStart(6)}`);
        }
      });
      const checks: TargetCheck[] = ROUTES("pf-0001").map((r, i) => ({
        name: `${r.name} 1,000 / 10 (mean)`, value: at1000[i].mean / at10[i].mean, op: "≤", limit: 3, unit: "×",
        detail: `mean ${at10[i].mean.toFixed(1)} → ${at1000[i].mean.toFixed(1)} ms; p50 ${at10[i].p50} → ${at1000[i].p50} ms`,
      }));
      const gate10 = at10[3].mean + at10[4].mean;
      const gate1000 = at1000[3].mean + at1000[4].mean;
      checks.push({ name: "gate <slug> (both calls) 1,000 / 10", value: gate1000 / gate10, op: "≤", limit: 3, unit: "×", detail: `${gate10.toFixed(1)} → ${gate1000.toFixed(1)} ms` });
      return printTargets("bench/scale portfolio", checks);
    } finally {
      await server.stop();
    }
  } finally {
    await env.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--seconds");
  runPortfolioBench({ seconds: i > 0 ? Number(process.argv[i + 1]) : undefined }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
