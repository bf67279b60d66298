/**
 * bench/scale: readiness API latency on the demo (1×) and on a project with 100× the data
 * (5,000 items, 1,000 runs, 1,000,000 samples), through the real server. Target: 100× ≤ 5 × 1×.
 * Run: npm run bench:scale
 */
import autocannon from "autocannon";
import { createToken, ensureBuild, machine, startBenchDatabase, startServer } from "../lib/bench-env";
import { printTargets } from "../lib/targets";
import { runChecklistApplyBench } from "./checklist-apply";
import { coldReadinessReport, measureColdReadiness, measureColdReadinessApi } from "./cold-readiness";
import { generateLargeProject } from "./generate-large-project";
import { openPagesSession, runPagesBench } from "./pages";
import { runPortfolioBench } from "./portfolio";

async function measure(url: string, path: string, token: string, seconds: number) {
  const r = await autocannon({ url: url + path, connections: 1, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { requests: r.requests.total, p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, mean: r.latency.average };
}

async function main() {
  const log = (s: string) => console.error(s);
  ensureBuild();
  const env = await startBenchDatabase();
  try {
    log("generating the 100× project…");
    const t0 = Date.now();
    await generateLargeProject(env.db, "large", log);
    log(`  generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const server = await startServer(env.pg.url);
    try {
      const demoToken = await createToken(env.db, "agent-platform", "VIEWER");
      const largeToken = await createToken(env.db, "large", "VIEWER");
      const path = (slug: string) => `/api/v1/projects/${slug}/readiness?asOf=2026-01-18`;
      await measure(server.url, path("agent-platform"), demoToken, 3);
      await measure(server.url, path("large"), largeToken, 3);
      const one = await measure(server.url, path("agent-platform"), demoToken, 20);
      const hundred = await measure(server.url, path("large"), largeToken, 20);
      const ratio = hundred.p50 / one.p50;
      console.log(`bench/scale  ${new Date().toISOString().slice(0, 10)}  ${machine()}`);
      console.log("data        requests  mean ms   p50 ms  p97.5 ms  p99 ms");
      for (const [name, m] of [["1× (demo)", one], ["100×", hundred]] as const) {
        console.log(`${name.padEnd(11)} ${String(m.requests).padStart(8)}  ${m.mean.toFixed(1).padStart(7)}  ${String(m.p50).padStart(7)}  ${String(m.p97_5).padStart(8)}  ${String(m.p99).padStart(6)}`);
      }
      console.log(`ratio 100×/1× at p50: ${ratio.toFixed(2)} (target ≤ 5): ${ratio <= 5 ? "met" : "NOT met"}`);
      console.log("(warm: data unchanged since the previous request, so the cached computation is reused after a fingerprint query)");
      const cold = await measureColdReadiness(env.pg.url, ["agent-platform", "large"]);
      const coldApi = await measureColdReadinessApi(
        server.url,
        { "agent-platform": await createToken(env.db, "agent-platform", "ENGINEER"), large: await createToken(env.db, "large", "ENGINEER") },
        Object.fromEntries(await Promise.all(["agent-platform", "large"].map(async (slug) => [slug, await env.db.checklistItem.findFirstOrThrow({
          where: { project: { slug }, priority: "P1", status: "OPEN" }, orderBy: { createdAt: "desc" }, select: { id: true, version: true, status: true },
        })] as const))),
      );
      const report = coldReadinessReport(
        { one: cold["agent-platform"], hundred: cold.large }, { one: coldApi["agent-platform"], hundred: coldApi.large }, { one: one.p50, hundred: hundred.p50 },
      );
      for (const line of report.lines) console.log(line);
      printTargets("bench/scale readiness", report.checks);
      await runPagesBench(server.url, await openPagesSession(env.db, server.url));
    } finally {
      await server.stop();
    }
    for (const line of await runChecklistApplyBench(env.db, env.pg.url)) console.log(line);
  } finally {
    await env.close();
  }
  await runPortfolioBench();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
