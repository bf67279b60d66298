import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, apiAs } from "../fixtures";
import { createTokenInDb, ensureScratchProject, query } from "../server-tools";

/**
 * Series and runs that open and close blockers, over HTTP with real Locust output. The project
 * expects 4 users (× 2 headroom = 8 required) and has one P1 item, done. series-fail is death at
 * 8 users; series-pass and series-pass-b stay yellow up to 12; stepped-b is red at 8.
 */
const SLUG = "blockers-e2e";
const P = `/api/v1/projects/${SLUG}`;
const GENERATED = path.resolve("tests/fixtures/loadtests/generated");

function form(run: string): FormData {
  const f = new FormData();
  for (const p of ["stats", "stats_history", "failures"]) {
    f.append("file", new Blob([fs.readFileSync(path.join(GENERATED, `${run}_${p}.csv`))]), `${run}_${p}.csv`);
  }
  return f;
}

interface Readiness {
  score: { overallPercent: number; criticalDone: number; criticalTotal: number };
  blockers: { open: number; openHours: number };
  verdict: { value: string; gates: { id: string; status: string }[] };
  capacity: { safeCapacityUsers: number | null; breakingPointUsers: number | null; levels: { users: number; runId: string }[] };
}

test.describe.serial("runs open and close blockers (series, API)", () => {
  let lead: APIRequestContext;
  let ci: APIRequestContext;

  test.beforeAll(async ({ baseURL, playwright }) => {
    await ensureScratchProject(SLUG, "Blockers e2e");
    await query(`UPDATE "Project" SET "expectedProductionUsers" = 4, "requiredHeadroom" = 2 WHERE slug = $1`, [SLUG]);
    await query(
      `INSERT INTO "ChecklistItem" (id, "projectId", "categoryId", title, priority, status, evidence, "estimateHours", "updatedAt")
       SELECT $1, p.id, c.id, 'Load balancer health checks', 'P1', 'DONE', 'https://ci.example.com/lb', 2, now()
       FROM "Project" p JOIN "Category" c ON c."projectId" = p.id AND c.name = 'Performance' WHERE p.slug = $2`,
      [crypto.randomUUID(), SLUG],
    );
    lead = await apiAs(baseURL!, "lead");
    ci = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${await createTokenInDb(SLUG, "ENGINEER")}` } });
  });
  test.afterAll(async () => {
    await lead?.dispose();
    await ci?.dispose();
  });

  const readiness = async (): Promise<Readiness> => {
    const res = await lead.get(`${P}/readiness`);
    expect(res.status()).toBe(200);
    return res.json();
  };
  const gate = (r: Readiness, id: string) => r.verdict.gates.find((g) => g.id === id)?.status;
  const p1Items = async () => (await (await lead.get(`${P}/items?priority=P1&pageSize=100`)).json()).items as { id: string; title: string; status: string; runId: string | null; source: string | null; estimateHours: number; evidence: string | null; category: string }[];

  test("a lead creates a launch-evidence series; bad input and duplicates are refused", async () => {
    const bad = await lead.post(`${P}/series`, { data: { name: "Checkout staging" } });
    expect(bad.status()).toBe(422);
    const created = await lead.post(`${P}/series`, { data: { name: "Checkout staging", environment: "staging", launchEvidence: true } });
    expect(created.status()).toBe(201);
    expect(await created.json()).toMatchObject({ slug: "checkout-staging", name: "Checkout staging", environment: "staging", launchEvidence: true, runCount: 0 });
    expect((await lead.post(`${P}/series`, { data: { name: "Checkout staging", environment: "prod-like" } })).status()).toBe(409);
    const list = (await (await lead.get(`${P}/series`)).json()).series as { slug: string }[];
    expect(list.map((s) => s.slug)).toContain("checkout-staging");
  });

  test("a failing run of another series changes nothing; a failing run of the launch-evidence series opens a P1 item with its run", async () => {
    const before = await readiness();
    expect(before.score).toMatchObject({ overallPercent: 100, criticalDone: 1, criticalTotal: 1 });
    expect(gate(before, "open-p1")).toBe("pass");
    expect(before.verdict.value).toBe("NO_GO"); // no capacity measured yet

    const other = await ci.post(`${P}/runs?series=smoke-local`, { multipart: form("stepped-b") });
    expect(other.status()).toBe(201);
    const otherRun = await other.json();
    expect(otherRun.series).toEqual({ slug: "smoke-local", name: "smoke-local", launchEvidence: false });
    expect(otherRun.blockers).toEqual([]);
    const unchanged = await readiness();
    expect(unchanged.score).toEqual(before.score);
    expect(unchanged.capacity.levels).toEqual([]);
    expect((await p1Items()).length).toBe(1);

    const res = await ci.post(`${P}/runs?series=checkout-staging`, { multipart: form("series-fail") });
    expect(res.status()).toBe(201);
    const run = await res.json();
    expect(run.series).toEqual({ slug: "checkout-staging", name: "Checkout staging", launchEvidence: true });
    expect(run.blockers).toEqual([{ itemId: expect.any(String), title: "Load test: death zone at 8 users (required 8)", change: "opened" }]);
    const item = (await p1Items()).find((i) => i.id === run.blockers[0].itemId)!;
    expect(item).toMatchObject({ status: "OPEN", runId: run.id, source: "load test", estimateHours: 4, category: "Performance" });

    const after = await readiness();
    expect(after.score).toMatchObject({ overallPercent: 50, criticalDone: 1, criticalTotal: 2 });
    expect(after.blockers).toMatchObject({ open: 1, openHours: 4 });
    expect(gate(after, "open-p1")).toBe("fail");
    expect(gate(after, "capacity")).toBe("fail");
    expect(after.capacity.levels.map((l) => l.users)).toEqual([4, 8, 12]);
    expect(after.capacity.levels.every((l) => l.runId === run.id)).toBe(true);
    expect(after.capacity.breakingPointUsers).toBe(8);

    const detail = await (await lead.get(`${P}/runs/${run.id}`)).json();
    expect(detail.series.slug).toBe("checkout-staging");
    const page = await (await lead.get(`/projects/${SLUG}/runs/${run.id}`)).text();
    expect(page).toContain("Load test: death zone at 8 users (required 8)");
  });

  test("a passing run of another series resolves nothing; a passing run of the same series resolves the item with that run as evidence", async () => {
    const elsewhere = await ci.post(`${P}/runs?series=smoke-local`, { multipart: form("series-pass-b") });
    expect(elsewhere.status()).toBe(201);
    expect((await elsewhere.json()).blockers).toEqual([]);
    const still = await readiness();
    expect(still.score.overallPercent).toBe(50);
    expect(gate(still, "capacity")).toBe("fail");

    const res = await ci.post(`${P}/runs?series=checkout-staging`, { multipart: form("series-pass") });
    expect(res.status()).toBe(201);
    const run = await res.json();
    expect(run.blockers).toEqual([{ itemId: expect.any(String), title: "Load test: death zone at 8 users (required 8)", change: "resolved" }]);
    const item = (await p1Items()).find((i) => i.id === run.blockers[0].itemId)!;
    expect(item.status).toBe("DONE");
    expect(item.evidence).toContain(`/projects/${SLUG}/runs/${run.id}`);

    const after = await readiness();
    expect(after.score).toMatchObject({ overallPercent: 100, criticalDone: 2, criticalTotal: 2 });
    expect(after.blockers.open).toBe(0);
    expect(after.capacity.safeCapacityUsers).toBe(12);
    expect(after.verdict.value).toBe("GO");

    const audit = await query<{ action: string; actorName: string }>(
      `SELECT action, "actorName" FROM "AuditLog" WHERE "entityId" = $1 ORDER BY id`, [item.id]);
    expect(audit).toEqual([{ action: "item.create", actorName: "Launchgate" }, { action: "item.update", actorName: "Launchgate" }]);
  });

  test("a lead moves a run to another series (audited); the capacity follows, a viewer may not", async ({ baseURL }) => {
    const runs = (await (await lead.get(`${P}/runs`)).json()).runs as { id: string; name: string; series: { slug: string } }[];
    const pass = runs.find((r) => r.series.slug === "checkout-staging" && r.name.startsWith("series-pass"))!;
    const viewer = await apiAs(baseURL!, "viewer");
    expect((await viewer.patch(`${P}/runs/${pass.id}`, { data: { seriesSlug: "smoke-local" } })).status()).toBe(403);
    await viewer.dispose();
    expect((await lead.patch(`${P}/runs/${pass.id}`, { data: { seriesSlug: "nope" } })).status()).toBe(422);
    const moved = await lead.patch(`${P}/runs/${pass.id}`, { data: { seriesSlug: "smoke-local" } });
    expect(moved.status()).toBe(200);
    expect((await moved.json()).series).toEqual({ slug: "smoke-local", name: "smoke-local", launchEvidence: false });
    expect((await readiness()).capacity.safeCapacityUsers).toBe(4);
    const back = await lead.patch(`${P}/runs/${pass.id}`, { data: { seriesSlug: "checkout-staging" } });
    expect(back.status()).toBe(200);
    expect((await readiness()).capacity.safeCapacityUsers).toBe(12);
    const audit = await query<{ before: { series: string }; after: { series: string } }>(
      `SELECT before, after FROM "AuditLog" WHERE action = 'run.move' AND "entityId" = $1 ORDER BY id`, [pass.id]);
    expect(audit.map((a) => [a.before.series, a.after.series])).toEqual([["checkout-staging", "smoke-local"], ["smoke-local", "checkout-staging"]]);
  });

  test("marking the other series launch evidence brings its runs into capacity (PATCH …/series/{slug})", async () => {
    const res = await lead.patch(`${P}/series/smoke-local`, { data: { launchEvidence: true, environment: "local" } });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ slug: "smoke-local", launchEvidence: true, environment: "local", runCount: 2 });
    const r = await readiness();
    expect(r.capacity.levels.some((l) => l.users === 12)).toBe(true);
    expect((await lead.patch(`${P}/series/no-such`, { data: { launchEvidence: true } })).status()).toBe(404);
  });
});
