/** Where the readiness time goes at 100× (load vs compute), in-process. Run: npx tsx --conditions=react-server bench/scale/profile.ts */
import { computeReadiness } from "@/lib/domain";
import { startBenchDatabase } from "../lib/bench-env";
import { generateLargeProject } from "./generate-large-project";

async function main() {
  const env = await startBenchDatabase();
  process.env.DATABASE_URL = env.pg.url;
  const { loadReadinessInput } = await import("@/lib/server/readiness/load-readiness-input");
  try {
    const t0 = Date.now();
    await generateLargeProject(env.db, "large", console.error);
    console.error(`generated in ${Date.now() - t0} ms`);
    for (const slug of ["agent-platform", "large", "agent-platform", "large"]) {
      const p = await env.db.project.findUniqueOrThrow({ where: { slug } });
      const a = performance.now();
      const input = await loadReadinessInput(p.id, "2026-01-18");
      const b = performance.now();
      const r = computeReadiness(input);
      const c = performance.now();
      const json = JSON.stringify(r);
      const d = performance.now();
      console.log(`${slug}: load ${(b - a).toFixed(0)} ms, compute ${(c - b).toFixed(0)} ms, json ${(d - c).toFixed(0)} ms (${json.length} bytes), items ${input.items.length}, events ${input.events.length}, runs ${input.runs.length}`);
    }
  } finally {
    await env.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
