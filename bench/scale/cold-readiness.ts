/**
 * bench/scale, cold part: the first readiness computation after an engineer's edit (an item's
 * status changed through the real update path: the row, its event, the audit entry), in process,
 * at 1× (the demo) and 100× ("large"): median of 9 after one warm-up, the projects measured in turn,
 * with the split load (SQL + timeline, after another such edit) / compute (replay to the day +
 * readiness); the first read with nothing kept (a server's first request for the project); and
 * the same edit-then-read through the running server's API, as the next reader waits for it.
 * Target: 100× ≤ 5 × 1× after an edit.
 */
import type { TargetCheck } from "../lib/targets";

const AS_OF = "2026-01-18";
const RUNS = 9;

export interface ColdFigures {
  /** getReadiness right after an edit: fingerprint + load of what changed + compute. */
  totalMs: number;
  /** loadProjectTimeline alone, right after an edit. */
  loadMs: number;
  /** readinessInputAsOf + computeReadiness alone. */
  computeMs: number;
  /** getReadiness with nothing kept (no computed result, no rows): every row read. */
  firstMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Cold figures for each slug, against the database at `url`. */
export async function measureColdReadiness(url: string, slugs: readonly string[]): Promise<Record<string, ColdFigures>> {
  process.env.DATABASE_URL = url;
  const { getDb } = await import("@/lib/server/db");
  const { getReadiness, clearReadinessCache } = await import("@/lib/server/readiness/get-readiness");
  const { loadProjectTimeline } = await import("@/lib/server/history/load-project-timeline");
  const { clearTimelineRowCache } = await import("@/lib/server/history/timeline-row-cache");
  const { updateItem } = await import("@/lib/server/items/update-item");
  const { readinessInputAsOf } = await import("@/lib/domain/history/readiness-input-as-of");
  const { computeReadiness } = await import("@/lib/domain");
  const db = getDb();
  const lead = await db.user.findUniqueOrThrow({ where: { email: "lead@example.com" }, select: { id: true, email: true, name: true } });
  const projects = await Promise.all(slugs.map(async (slug) => {
    const project = await db.project.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, name: true } });
    const item = await db.checklistItem.findFirstOrThrow({ where: { projectId: project.id, priority: "P1", status: "OPEN" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    const access = { principal: { kind: "user" as const, userId: lead.id, email: lead.email, name: lead.name, isAdmin: true }, project, role: "LEAD" as const, isAdmin: true };
    return { project, item: item.id, access };
  }));
  // An engineer's edit: the item between OPEN and IN_PROGRESS (a new row version and an event).
  const edit = async (p: (typeof projects)[number]) => {
    const { version, status } = await db.checklistItem.findUniqueOrThrow({ where: { id: p.item }, select: { version: true, status: true } });
    await updateItem(p.access, p.item, { status: status === "OPEN" ? "IN_PROGRESS" : "OPEN", version });
  };
  const times = projects.map(() => ({ total: [] as number[], load: [] as number[], compute: [] as number[], first: [] as number[] }));
  // The first read with nothing kept (a server's first request for the project), the projects in turn.
  for (let i = 0; i <= RUNS; i++) {
    for (const [k, p] of projects.entries()) {
      clearReadinessCache();
      clearTimelineRowCache();
      const a = performance.now();
      await getReadiness(p.project, AS_OF);
      if (i > 0) times[k].first.push(performance.now() - a);
    }
  }
  // Then a running server's case: the rows of both projects read before; an engineer edits; the next
  // reader pays. The projects in turn within each round, so that a busy moment weighs on both.
  for (const p of projects) await getReadiness(p.project, AS_OF);
  for (let i = 0; i <= RUNS; i++) {
    for (const [k, p] of projects.entries()) {
      await edit(p);
      let a = performance.now();
      await getReadiness(p.project, AS_OF);
      const total = performance.now() - a;
      await edit(p);
      a = performance.now();
      const timeline = await loadProjectTimeline(p.project.id, { from: AS_OF, to: AS_OF });
      const b = performance.now();
      computeReadiness(readinessInputAsOf(timeline, AS_OF));
      const c = performance.now();
      if (i === 0) continue;
      times[k].total.push(total); times[k].load.push(b - a); times[k].compute.push(c - b);
    }
  }
  const out: Record<string, ColdFigures> = {};
  for (const [k, slug] of slugs.entries()) {
    out[slug] = { totalMs: median(times[k].total), loadMs: median(times[k].load), computeMs: median(times[k].compute), firstMs: median(times[k].first) };
  }
  await db.$disconnect();
  return out;
}

/**
 * The same first read after an edit, as a reader meets it: an engineer's PATCH of an item's status
 * through the API, then the next `GET …/readiness?asOf=` through the running server, timed by the
 * client. Median of 9 after one warm-up, the projects in turn. `tokens`: an ENGINEER token per slug.
 */
export async function measureColdReadinessApi(
  serverUrl: string,
  tokens: Record<string, string>,
  /** Per slug, the item to edit as it is now. */
  items: Record<string, { id: string; version: number; status: string }>,
): Promise<Record<string, number>> {
  const times: Record<string, number[]> = {};
  const versions: Record<string, { version: number; status: string }> = { ...items };
  const itemIds = Object.fromEntries(Object.entries(items).map(([slug, i]) => [slug, i.id]));
  for (let i = 0; i <= RUNS; i++) {
    for (const [slug, token] of Object.entries(tokens)) {
      const auth = { authorization: `Bearer ${token}` };
      const v = versions[slug];
      const patch = await fetch(`${serverUrl}/api/v1/projects/${slug}/items/${itemIds[slug]}`, {
        method: "PATCH", headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ status: v.status === "OPEN" ? "IN_PROGRESS" : "OPEN", version: v.version }),
      });
      if (patch.status !== 200) throw new Error(`edit in ${slug}: ${patch.status} ${await patch.text()}`);
      versions[slug] = (await patch.json()) as { version: number; status: string };
      const a = performance.now();
      const res = await fetch(`${serverUrl}/api/v1/projects/${slug}/readiness?asOf=${AS_OF}`, { headers: auth });
      await res.arrayBuffer();
      const ms = performance.now() - a;
      if (res.status !== 200) throw new Error(`cold readiness API for ${slug}: ${res.status}`);
      if (i > 0) (times[slug] ??= []).push(ms);
    }
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
    "cold readiness (the first computation after an engineer's edit, in process, median of 9):",
    "data        after edit ms   load ms  compute ms   first read ms (nothing kept)",
    ...([["1× (demo)", cold.one], ["100×", cold.hundred]] as const).map(([name, c]) =>
      `${name.padEnd(11)} ${f(c.totalMs).padStart(13)}  ${f(c.loadMs).padStart(8)}  ${f(c.computeMs).padStart(10)}  ${f(c.firstMs).padStart(14)}`),
    `cold readiness through the API (an engineer's PATCH, then the next GET, median of 9): 1× ${f(coldApi.one)} ms, 100× ${f(coldApi.hundred)} ms`,
  ];
  const checks: TargetCheck[] = [
    {
      name: "cold readiness after an edit 100× / 1×", value: cold.hundred.totalMs / cold.one.totalMs, op: "≤", limit: 5, unit: "×",
      detail: `${f(cold.hundred.totalMs)} ms / ${f(cold.one.totalMs)} ms; 100× load ${f(cold.hundred.loadMs)} ms + compute ${f(cold.hundred.computeMs)} ms`,
    },
    {
      name: "cold readiness API (next GET after a PATCH) 100× / 1×", value: coldApi.hundred / coldApi.one, op: "≤", limit: 5, unit: "×",
      detail: `${f(coldApi.hundred)} ms / ${f(coldApi.one)} ms: what a reader waits for, auth and JSON included`,
    },
    {
      name: "warm readiness API p50 100× / 1×", value: warmP50.hundred / warmP50.one, op: "≤", limit: 5, unit: "×",
      detail: `${warmP50.hundred} ms / ${warmP50.one} ms, autocannon, 1 connection`,
    },
  ];
  return { lines, checks };
}
