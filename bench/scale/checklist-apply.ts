/**
 * bench/scale/checklist-apply: applying a 5,000-item checklist file to an empty project (target
 * ≤ 5 s) and re-applying it unchanged (a no-op, target ≤ 1 s), in-process through the same
 * service the API calls (parse, validate, plan, score before/after, one transaction).
 * Run alone: npx tsx --conditions=react-server bench/scale/checklist-apply.ts (npm run bench:scale runs it too).
 */
import { parse, stringify } from "yaml";
import type { Db } from "@/lib/server/db";
import { machine, startBenchDatabase } from "../lib/bench-env";

export function generateChecklistFile(items: number, categories = 10): string {
  const per = Math.ceil(items / categories);
  return stringify({
    version: 1,
    categories: Array.from({ length: categories }, (_, c) => ({
      key: `category-${c}`,
      name: `Category ${c}`,
      items: Array.from({ length: Math.min(per, items - c * per) }, (_, i) => ({
        key: `item-${c}-${i}`,
        title: `Item ${c}-${i}: ${i % 3 === 0 ? "critical" : "routine"} readiness work`,
        priority: i % 3 === 0 ? "P1" : i % 3 === 1 ? "P2" : "P3",
        estimate: { low: 1, likely: 2 + (i % 5), high: 10 },
        ...(i % 7 === 0 ? { owner: "sre" } : {}),
      })),
    })),
  }, { lineWidth: 0 });
}

export async function runChecklistApplyBench(db: Db, url: string): Promise<string[]> {
  process.env.DATABASE_URL = url;
  // A caller (run.ts's cold measurement) may have closed the process-wide client: start a fresh one.
  (globalThis as { launchgatePrisma?: unknown }).launchgatePrisma = undefined;
  const { applyChecklist } = await import("@/lib/server/checklist-file/apply-checklist");
  const { getDb } = await import("@/lib/server/db");
  const project = await db.project.create({ data: { slug: "apply-bench", name: "Apply bench" }, select: { id: true, slug: true, name: true } });
  const access = { principal: { kind: "user" as const, userId: "bench", email: "bench@localhost", name: "bench", isAdmin: true }, project, role: "LEAD" as const, isAdmin: true };
  const text = generateChecklistFile(5000);
  const json = JSON.stringify(parse(text));
  const time = async (body = text, format: "yaml" | "json" = "yaml") => {
    const a = performance.now();
    const r = await applyChecklist(access, { text: body, format, dryRun: false, prune: false });
    return { ms: performance.now() - a, r };
  };
  const first = await time();
  const again = await time();
  const againJson = await time(json, "json");
  const p = performance.now();
  parse(text);
  const parseMs = performance.now() - p;
  const items = await db.checklistItem.count({ where: { projectId: project.id } });
  await getDb().$disconnect();
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `checklist apply, ${(text.length / 1024).toFixed(0)} KiB YAML, 5,000 items in 10 categories:`,
    `  to an empty project: ${s(first.ms)} (${first.r.plan.create.length} created, ${items} stored; target ≤ 5 s): ${first.ms <= 5000 ? "met" : "NOT met"}`,
    `  re-applied unchanged: ${s(again.ms)} (${again.r.plan.unchanged} unchanged, applied: ${again.r.applied}; target ≤ 1 s): ${again.ms <= 1000 ? "met" : "NOT met"}; the careful parser (yaml, for files with anchors, tags or errors) alone would take ${s(parseMs)}`,
    `  re-applied unchanged as JSON (${(json.length / 1024).toFixed(0)} KiB, same checklist): ${s(againJson.ms)} (applied: ${againJson.r.applied}; target ≤ 1 s): ${againJson.ms <= 1000 ? "met" : "NOT met"}`,
  ];
}

if (process.argv[1]?.endsWith("checklist-apply.ts")) {
  (async () => {
    const env = await startBenchDatabase();
    try {
      console.log(`bench/scale checklist-apply  ${new Date().toISOString().slice(0, 10)}  ${machine()}`);
      for (const line of await runChecklistApplyBench(env.db, env.pg.url)) console.log(line);
    } finally {
      await env.close();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
