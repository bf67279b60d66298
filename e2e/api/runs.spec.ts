import crypto from "node:crypto";
import { test, expect, apiAs, SLUG } from "../fixtures";
import { query } from "../server-tools";

const runs = `/api/v1/projects/${SLUG}/runs`;

test.describe("runs API", () => {
  test("lists the demo runs as run summaries, newest first", async ({ baseURL }) => {
    const viewer = await apiAs(baseURL!, "viewer");
    const res = await viewer.get(runs);
    expect(res.status()).toBe(200);
    const body = await res.json();
    // The 8 demo runs (7 load tests and the stability run), and any an import test added.
    expect(body.runs.length).toBeGreaterThanOrEqual(8);
    const dates = body.runs.map((r: { runDate: string }) => r.runDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const r300 = body.runs.find((r: { name: string }) => r.name === "Progressive stress 300");
    expect(r300).toMatchObject({
      name: "Progressive stress 300", kind: "STRESS", tool: "manual", users: 300, durationSeconds: 300, requests: 45734, failures: 3218,
      errorRatePercent: 7.0363, p50Ms: 180, p95Ms: 2100, p99Ms: 4400, maxMs: null, throughputRps: 154.2, steps: [],
    });
    expect(r300.endpoints).toHaveLength(5);
    expect(Object.keys(r300.endpoints[0]).sort()).toEqual(["failures", "method", "name", "p50Ms", "p95Ms", "requests"]);
    expect(r300.errors.map((e: { count: number }) => e.count)).toEqual([2215, 1003]);
    const stability = body.runs.find((r: { name: string }) => r.name === "Staging stability monitoring, 1 hour");
    expect(stability).toMatchObject({ requests: 360, failures: 1, errorRatePercent: 0.2778, users: null });

    const one = await viewer.get(`${runs}/${r300.id}`);
    expect(one.status()).toBe(200);
    expect(await one.json()).toEqual(r300);
    await viewer.dispose();
  });

  test("a run of another project, or no run, is a 404; anonymous is a 401", async ({ baseURL, playwright }) => {
    const projectId = `prj_${crypto.randomBytes(6).toString("hex")}`;
    const runId = `run_${crypto.randomBytes(6).toString("hex")}`;
    const slug = `runs-other-${crypto.randomBytes(3).toString("hex")}`;
    await query(`INSERT INTO "Project" (id, slug, name, "updatedAt") VALUES ($1, $2, 'Other', now())`, [projectId, slug]);
    await query(`INSERT INTO "TestRun" (id, "projectId", name, kind, users, requests, failures, "runDate") VALUES ($1, $2, 'Secret run', 'LOAD', 10, 100, 0, '2026-01-10')`, [runId, projectId]);
    const admin = await apiAs(baseURL!, "admin");
    const lead = await apiAs(baseURL!, "lead");
    try {
      expect((await lead.get(`${runs}/${runId}`)).status()).toBe(404);
      expect((await admin.get(`${runs}/${runId}`)).status()).toBe(404);
      expect((await lead.get(`${runs}/does-not-exist`)).status()).toBe(404);
      expect((await lead.get(`/api/v1/projects/${slug}/runs`)).status()).toBe(404);
      expect((await admin.get(`/api/v1/projects/${slug}/runs/${runId}`)).status()).toBe(200);
      // The run page answers a real 404 (not a 200 saying "not found"), and never shows the run.
      for (const path of [`/projects/${SLUG}/runs/${runId}`, `/projects/${SLUG}/runs/does-not-exist`]) {
        const res = await lead.get(path);
        expect(res.status(), path).toBe(404);
        const page = await res.text();
        expect(page).toContain("Run not found");
        expect(page).not.toContain("Secret run");
      }
      const own = await lead.get(`/projects/${slug}/runs/${runId}`);
      expect(own.status()).toBe(404);
      expect((await admin.get(`/projects/${slug}/runs/${runId}`)).status()).toBe(200);
      const anon = await playwright.request.newContext({ baseURL });
      expect((await anon.get(runs)).status()).toBe(401);
      await anon.dispose();
    } finally {
      await query(`DELETE FROM "Project" WHERE id = $1`, [projectId]);
      await Promise.all([admin.dispose(), lead.dispose()]);
    }
  });
});
