/**
 * Where the cold readiness time goes at 1× and 100×, in-process, median of 5: loading the
 * timeline (SQL), replaying it to the day (readinessInputAsOf), computing the readiness, and the
 * launch-date simulation alone; and the launch days by simulateLaunchDates and by the per-item Monte Carlo.
 * Run: npx tsx --conditions=react-server bench/scale/profile.ts
 */
import { computeReadiness } from "@/lib/domain";
import { readinessInputAsOf } from "@/lib/domain/history/readiness-input-as-of";
import { computeProjection } from "@/lib/domain/compute-projection";
import { getEstimateRange, isBlocking } from "@/lib/domain/summarize-blockers";
import { simulateLaunchDates, simulateLaunchDatesMonteCarlo } from "@/lib/domain/simulate-launch-dates";
import { startBenchDatabase } from "../lib/bench-env";
import { generateLargeProject } from "./generate-large-project";

const AS_OF = "2026-01-18";

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

async function main() {
  const env = await startBenchDatabase();
  process.env.DATABASE_URL = env.pg.url;
  const { loadProjectTimeline } = await import("@/lib/server/history/load-project-timeline");
  try {
    const t0 = Date.now();
    await generateLargeProject(env.db, "large", console.error);
    console.error(`generated in ${Date.now() - t0} ms`);
    for (const slug of ["agent-platform", "large"]) {
      const p = await env.db.project.findUniqueOrThrow({ where: { slug } });
      const t: Record<string, number[]> = { load: [], replay: [], compute: [], projection: [], simulation: [] };
      let counts = "";
      for (let i = 0; i < 6; i++) {
        const a = performance.now();
        const timeline = await loadProjectTimeline(p.id, { from: AS_OF, to: AS_OF });
        const b = performance.now();
        const input = readinessInputAsOf(timeline, AS_OF);
        const c = performance.now();
        computeReadiness(input);
        const d = performance.now();
        computeProjection({ settings: input.settings, items: input.items, events: input.events, asOf: AS_OF });
        const e = performance.now();
        const ranges = input.items.filter((it) => isBlocking(it, AS_OF)).map((it) => ({ id: it.id, ...getEstimateRange(it) }));
        simulateLaunchDates(ranges, { hoursPerDay: input.settings.teamHoursPerDay, workingDays: input.settings.workingDays, asOf: AS_OF });
        const f = performance.now();
        if (i === 0) {
          const options = { hoursPerDay: input.settings.teamHoursPerDay, workingDays: input.settings.workingDays, asOf: AS_OF };
          const days = (r: ReturnType<typeof simulateLaunchDates>) => JSON.stringify(r?.workingDays ?? null);
          counts = `items ${input.items.length}, events ${input.events.length}, runs ${input.runs.length}, simulated ranges ${ranges.length}; ` +
            `launch days: simulateLaunchDates ${days(simulateLaunchDates(ranges, options))}, per-item Monte Carlo ${days(simulateLaunchDatesMonteCarlo(ranges, options))}`;
          continue;
        }
        t.load.push(b - a); t.replay.push(c - b); t.compute.push(d - c); t.projection.push(e - d); t.simulation.push(f - e);
      }
      console.log(`${slug}: ${Object.entries(t).map(([k, v]) => `${k} ${median(v).toFixed(1)} ms`).join(", ")}  (${counts})`);
    }
  } finally {
    await env.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
