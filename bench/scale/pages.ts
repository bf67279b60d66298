/**
 * bench/scale pages: server time of the overview, checklist and blockers pages (a signed-in lead,
 * one connection, autocannon) on the demo (`agent-platform`) and on the 100× project (`large`),
 * and of the readiness API on the demo. Targets: each page 100× / demo ≤ 3; the demo overview /
 * the demo readiness API ≤ 3. Pages and API are asked for the same day (today, the pages' default).
 * Called from bench/scale/run.ts after its own measurements.
 */
import autocannon from "autocannon";
import type { Db } from "@/lib/server/db";
import { printTargets, type TargetCheck } from "../lib/targets";

const SLUGS = ["agent-platform", "large"] as const;
const PAGES = [
  ["overview", (slug: string) => `/projects/${slug}`],
  ["checklist", (slug: string) => `/projects/${slug}/checklist`],
  ["blockers", (slug: string) => `/projects/${slug}/blockers`],
] as const;

interface Figures { requests: number; p50: number; mean: number; kib: number }

async function measure(url: string, path: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  const r = await autocannon({ url: url + path, connections: 1, duration: seconds, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { requests: r.requests.total, p50: r.latency.p50, mean: r.latency.average, kib: r.requests.total ? r.throughput.total / r.requests.total / 1024 : 0 };
}

/**
 * A session of the demo's lead, made a lead of the 100× project too (the generator adds no members).
 * Logs in the way a browser does: CSRF token, then the credentials callback.
 */
export async function openPagesSession(db: Db, url: string): Promise<string> {
  const [user, large] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: "lead@example.com" }, select: { id: true } }),
    db.project.findUniqueOrThrow({ where: { slug: "large" }, select: { id: true } }),
  ]);
  await db.membership.upsert({
    where: { projectId_userId: { projectId: large.id, userId: user.id } },
    create: { userId: user.id, projectId: large.id, role: "LEAD" }, update: {},
  });
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: "lead@example.com", password: "bench-password", json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error("login failed");
  return session;
}

/** Measures and prints; `seconds` per figure (after a 2 s warm-up each). Returns the number of targets missed. */
export async function runPagesBench(url: string, cookie: string, seconds = 10): Promise<number> {
  const headers = { cookie };
  const fig = new Map<string, Figures>();
  const run = async (name: string, path: string) => {
    await measure(url, path, headers, 2);
    fig.set(name, await measure(url, path, headers, seconds));
  };
  for (const slug of SLUGS) for (const [page, path] of PAGES) await run(`${page} ${slug}`, path(slug));
  await run("readiness API agent-platform", "/api/v1/projects/agent-platform/readiness");

  console.log("\nbench/scale pages (server time, 1 connection, signed-in lead, today)");
  console.log("what                               requests  mean ms  p50 ms   KiB/response");
  for (const [name, m] of fig) {
    console.log(`${name.padEnd(34)} ${String(m.requests).padStart(8)}  ${m.mean.toFixed(1).padStart(7)}  ${String(m.p50).padStart(6)}  ${m.kib.toFixed(0).padStart(8)}`);
  }
  const ratio = (a: string, b: string): TargetCheck => {
    const x = fig.get(a)!, y = fig.get(b)!;
    // p50 is whole milliseconds in autocannon; the mean decides when p50 cannot (≤ 1 ms apart).
    return { name: `${a} / ${b} (mean)`, value: x.mean / y.mean, op: "≤", limit: 3, unit: "×", detail: `p50 ${x.p50} / ${y.p50} ms` };
  };
  return printTargets("bench/scale pages", [
    ...PAGES.map(([page]) => ratio(`${page} large`, `${page} agent-platform`)),
    ratio("overview agent-platform", "readiness API agent-platform"),
  ]);
}
