import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let projectId: string;

const TODAY = new Date().toISOString().slice(0, 10);

function gate(...args: string[]) {
  const asOf = args[0] === "--today" ? TODAY : "2026-01-18";
  const rest = args[0] === "--today" ? args.slice(1) : args;
  const r = spawnSync(process.execPath, ["bin/launchgate.mjs", "gate", "agent-platform", "--as-of", asOf, ...rest], {
    env: { ...process.env, DATABASE_URL: t.url },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "cli-test-password");
  projectId = (await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" } })).id;
});
afterAll(async () => t.drop());

describe("npx launchgate gate", () => {
  it("--all lists every project's verdict worst first and exits with the worst (NO-GO: 1)", async () => {
    await t.db.project.create({ data: { slug: "empty-one", name: "Empty one" } });
    const run = (...args: string[]) => spawnSync(process.execPath, ["bin/launchgate.mjs", "gate", "--all", ...args], { env: { ...process.env, DATABASE_URL: t.url, LAUNCHGATE_URL: "" }, encoding: "utf8" });
    const r = run();
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain(`2 projects as of ${TODAY}, worst first:`);
    expect(r.stdout).toMatch(/NO-GO\s+58\.0%\s+21 P1 blockers .*agent-platform/);
    expect(r.stdout.indexOf("agent-platform")).toBeLessThan(r.stdout.indexOf("empty-one"));
    const json = JSON.parse(run("--json").stdout) as { projects: { slug: string; verdict: string }[] };
    expect(json.projects.map((p) => p.slug)).toEqual(["agent-platform", "empty-one"]);
    await t.db.project.delete({ where: { slug: "empty-one" } });
  });

  it("prints NO-GO with its failing gates for the demo as of 2026-01-18 and exits 1", () => {
    const r = gate();
    expect(r.code).toBe(1);
    expect(r.out).toContain("NO-GO");
    expect(r.out).toContain("score 58.0% (29/50 P1 done), 21 open P1 blockers (89 h)");
    expect(r.out).toContain("earliest launch 2026-01-30");
    expect(r.out).toMatch(/\[FAIL\s*\] open-p1\s+21 open P1 items \(89 h\) block launch/);
    expect(r.out).toMatch(/\[FAIL\s*\] anomaly .*300 users: error rate 7\.04%/);
    expect(r.out).toMatch(/\[FAIL\s*\] objectives .*RTO not measured/);
    expect(r.out).toMatch(/\[PASS\s*\] capacity/);
    expect(r.out).toMatch(/\[PASS\s*\] stability/);
    expect(r.out).toContain("measurement confidence: high");
    expect(r.out).toContain("to GO: close 21 items (89 h) → 2026-01-30");
    expect(r.out).toMatch(/to CONDITIONAL GO: close 11 items \([\d.]+ h\) → \d{4}-\d{2}-\d{2} \(P85 [\d-]+\), accept 10 as risks; anomaly: accept the risk/);
    const j = JSON.parse(gate("--json").out);
    expect(j.paths.go).toMatchObject({ hours: 89, date: "2026-01-30" });
    expect(j.paths.go.gates.map((g: { gate: string }) => g.gate)).toEqual(["anomaly", "objectives"]);
    expect(j.paths.conditionalGo.items).toHaveLength(11);
    expect(j.paths.conditionalGo.acceptRisks).toHaveLength(10);
  }, 120_000);

  it("moves as the rules say: P1 work done, a passing rerun at 300 users, then the objectives", async () => {
    // Changes made now show as of today; as of 2026-01-18 the project stays as it was then.
    await t.db.checklistItem.updateMany({ where: { projectId, priority: "P1" }, data: { status: "DONE", evidence: "done" } });
    expect(JSON.parse(gate("--json").out).score.overallPercent).toBe(58);
    let r = gate("--today", "--json");
    let j = JSON.parse(r.out);
    expect(j.verdict.gates).toHaveLength(5);
    expect(j.verdict.gates.map((g: { id: string; status: string }) => `${g.id}:${g.status}`)).toEqual([
      "open-p1:pass", "capacity:pass", "anomaly:fail", "stability:pass", "objectives:fail",
    ]);
    expect(j.score.overallPercent).toBe(100);
    expect(r.code).toBe(1);

    // A newer, clean run at 300 users resolves the anomaly (latest run per level).
    await t.db.testRun.create({
      data: { projectId, seriesId: (await t.db.testRun.findFirstOrThrow({ where: { projectId, kind: "STRESS" } })).seriesId, name: "Rerun 300", kind: "STRESS", users: 300, durationSeconds: 300, requests: 60000, failures: 3, p50Ms: 40, p95Ms: 180, p99Ms: 400, throughputRps: 200, runDate: new Date("2026-01-18T00:00:00Z"), createdAt: new Date("2026-01-18T18:00:00Z") },
    });
    j = JSON.parse(gate("--today", "--json").out);
    expect(j.verdict.gates.find((g: { id: string }) => g.id === "anomaly").status).toBe("pass");
    expect(j.verdict.value).toBe("NO_GO");

    // Waiving the objectives gate → CONDITIONAL GO, exit 2.
    await t.db.riskAcceptance.create({ data: { projectId, gateId: "objectives", mitigation: "Measure RTO/RPO in the first week", expiresOn: new Date(Date.now() + 30 * 86_400_000) } });
    r = gate("--today");
    expect(r.out).toContain("CONDITIONAL GO");
    expect(r.code).toBe(2);

    // Measured and met objectives → GO, exit 0.
    await t.db.riskAcceptance.updateMany({ where: { projectId }, data: { revokedAt: new Date() } });
    await t.db.objective.updateMany({ where: { projectId, name: "RTO" }, data: { measured: "2 h" } });
    await t.db.objective.updateMany({ where: { projectId, name: "RPO" }, data: { measured: "30 min" } });
    r = gate("--today");
    expect(r.out).toMatch(/: GO\n/);
    expect(r.code).toBe(0);
  }, 240_000); // five CLI processes, each opening the database: slow on a loaded machine

  it("states the measurement confidence in text and --json: low once a deploy postdates the runs", async () => {
    await t.db.changeMarker.create({ data: { projectId, label: "Deploy API", kind: "deploy", version: "2.4.0", at: new Date("2026-01-18T20:00:00Z") } });
    const j = JSON.parse(gate("--json").out);
    expect(j.confidence.level).toBe("low");
    expect(j.confidence.reasons[0]).toMatchObject({ code: "before-change", severity: "severe" });
    const r = gate();
    expect(r.out).toContain("measurement confidence: low");
    expect(r.out).toMatch(/ {4}- The decisive level \(\d+ users\) was measured on 2026-01-1[78], before the deploy "Deploy API" 2\.4\.0 on 2026-01-18/);
  }, 120_000);

  it("exits 3 with a message for an unknown project", () => {
    const r = spawnSync(process.execPath, ["bin/launchgate.mjs", "gate", "nope"], { env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8" });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("No project 'nope'");
  });
});
