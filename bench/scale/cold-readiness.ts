/**
 * bench/scale, cold part: the first readiness computation after a change (the cached result
 * cleared), in process, at 1× (the demo) and 100× ("large"): median of 9 after one warm-up, the projects measured in turn, with
 * the split load (SQL + timeline) / compute (replay to the day + readiness); and the same through the
 * running server's API, as the next reader after a change waits for it. Target: 100× ≤ 5 × 1×.
 */
import type { TargetCheck } from "../lib/targets";

const AS_OF = "2026-01-18";
const RUNS = 9;

export interface ColdFigures {
  /** getReadiness, cache cleared: fingerprint + load + compute. */
  totalMs: number;
  /** loadProjectTimeline alone. */
  loadMs: number;
  /** readinessInputAsOf + computeReadiness alone. */
  computeMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Cold figures for each slug, against the database at `url`. */
export async function measureColdReadiness(url: string, slugs: readonly string[]): Promise<Record<string, ColdFigures>> {
  process.env.DATABASE_URL = url;
  const { getDb } = await import("@/lib/server/db");
  const { getReadiness, clearReadinessCache } = await import("@/lib/server/readiness/get-readiness");
  const { loadProjectTimeline } = await import("@/lib/server/history/load-project-timeline");
  const { readinessInputAsOf } = await import("@/lib/domain/history/readiness-input-as-of");
  const { computeReadiness } = await import("@/lib/domain");
  const projects = await Promise.all(slugs.map((slug) => getDb().project.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, name: true } })));
  const times = projects.map(() => ({ total: [] as number[], load: [] as number[], compute: [] as number[] }));
  // The projects in turn within each round, so that a busy moment of a shared machine weighs on both.
  for (let i = 0; i <= RUNS; i++) {
    for (const [k, p] of projects.entries()) {
      clearReadinessCache();
      const a = performance.now();
      await getReadiness(p, AS_OF);
      const b = performance.now();
      const timeline = await loadProjectTimeline(p.id, { from: AS_OF, to: AS_OF });
      const c = performance.now();
      computeReadiness(readinessInputAsOf(timeline, AS_OF));
      const d = performance.now();
      if (i === 0) continue;
      times[k].total.push(b - a); times[k].load.push(c - b); times[k].compute.push(d - c);
    }
  }
  const out: Record<string, ColdFigures> = {};
  for (const [k, slug] of slugs.entries()) out[slug] = { totalMs: median(times[k].total), loadMs: median(times[k].load), computeMs: median(times[k].compute) };
  await getDb().$disconnect();
  return out;
}

/**
 * The same first read after a change, as a reader meets it: a change (the project row touched, which
 * moves the fingerprint as any edit does), then the next `GET …/readiness?asOf=` through the running
 * server, timed by the client. Median of 9 after one warm-up, the projects in turn.
 */
export async function measureColdReadinessApi(serverUrl: string, databaseUrl: string, tokens: Record<string, string>): Promise<Record<string, number>> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const times: Record<string, number[]> = {};
  try {
    for (let i = 0; i <= RUNS; i++) {
      for (const [slug, token] of Object.entries(tokens)) {
        await client.query(`UPDATE "Project" SET "updatedAt" = now() WHERE slug = $1`, [slug]);
        const a = performance.now();
        const res = await fetch(`${serverUrl}/api/v1/projects/${slug}/readiness?asOf=${AS_OF}`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        const ms = performance.now() - a;
        if (res.status !== 200) throw new Error(`cold readiness API for ${slug}: ${res.status}`);
        if (i > 0) (times[slug] ??= []).push(ms);
      }
    }
  } finally {
    await client.end();
  }
  return Object.fromEntries(Object.entries(times).map(([slug, xs]) => [slug, median(xs)]));
}

/** The lines to print (raw figures) and the target checks of the cold and warm ratios. */
export function coldReadinessReport(
  cold: { one: ColdFigures; hundred: ColdFigures },
  coldApi: { one: number; hundred: number },
  warmP50: { one: number; hundred: number },
): { lines: string[]; checks: TargetCheck[] } {
  const f = (n: number) => n.toFixed(1);
  const lines = [
    "cold readiness (first computation after a change, in process, median of 9):",
    "data        total ms   load ms  compute ms",
    ...([["1× (demo)", cold.one], ["100×", cold.hundred]] as const).map(([name, c]) =>
      `${name.padEnd(11)} ${f(c.totalMs).padStart(8)}  ${f(c.loadMs).padStart(8)}  ${f(c.computeMs).padStart(10)}`),
    `cold readiness through the API (a change, then the next GET, median of 9): 1× ${f(coldApi.one)} ms, 100× ${f(coldApi.hundred)} ms`,
  ];
  const checks: TargetCheck[] = [
    {
      name: "cold readiness 100× / 1×", value: cold.hundred.totalMs / cold.one.totalMs, op: "≤", limit: 5, unit: "×",
      detail: `${f(cold.hundred.totalMs)} ms / ${f(cold.one.totalMs)} ms; 100× load ${f(cold.hundred.loadMs)} ms + compute ${f(cold.hundred.computeMs)} ms`,
    },
    {
      name: "cold readiness API (next GET after a change) 100× / 1×", value: coldApi.hundred / coldApi.one, op: "≤", limit: 5, unit: "×",
      detail: `${f(coldApi.hundred)} ms / ${f(coldApi.one)} ms: what a reader waits for, auth and JSON included`,
    },
    {
      name: "warm readiness API p50 100× / 1×", value: warmP50.hundred / warmP50.one, op: "≤", limit: 5, unit: "×",
      detail: `${warmP50.hundred} ms / ${warmP50.one} ms, autocannon, 1 connection`,
    },
  ];
  return { lines, checks };
}
