import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, apiAs, SLUG } from "../fixtures";
import { query } from "../server-tools";

const items = `/api/v1/projects/${SLUG}/items`;

/** A throwaway P3 item (P3 leaves score and blockers alone), removed again after the test. */
async function createScratchItem(lead: APIRequestContext, title: string, baseURL: string) {
  const cats = await query<{ id: string }>(`SELECT c.id FROM "Category" c JOIN "Project" p ON p.id = c."projectId" WHERE p.slug = $1 ORDER BY c.position LIMIT 1`, [SLUG]);
  const res = await lead.post(items, { data: { title, categoryId: cats[0].id, priority: "P3", estimateHours: 2 }, headers: { origin: baseURL } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; version: number; title: string };
}

/** Another project with one category, item and run, which the demo users are not members of. */
async function createOtherProject() {
  const id = (p: string) => `${p}_${crypto.randomBytes(6).toString("hex")}`;
  const project = { id: id("prj"), slug: `other-${crypto.randomBytes(3).toString("hex")}` };
  const categoryId = id("cat");
  const itemId = id("itm");
  const runId = id("run");
  await query(`INSERT INTO "Project" (id, slug, name, "updatedAt") VALUES ($1, $2, 'Other project', now())`, [project.id, project.slug]);
  await query(`INSERT INTO "Category" (id, "projectId", name) VALUES ($1, $2, 'Security')`, [categoryId, project.id]);
  await query(`INSERT INTO "ChecklistItem" (id, "projectId", "categoryId", title, priority, "updatedAt") VALUES ($1, $2, $3, 'Secret item', 'P1', now())`, [itemId, project.id, categoryId]);
  await query(`INSERT INTO "TestRun" (id, "projectId", name, kind, users, requests, failures, "runDate") VALUES ($1, $2, 'Secret run', 'LOAD', 10, 100, 0, '2026-01-10')`, [runId, project.id]);
  return { ...project, itemId, runId, drop: () => query(`DELETE FROM "Project" WHERE id = $1`, [project.id]) };
}

test.describe("checklist items API", () => {
  test("GET pages, filters, searches and sorts on the server", async ({ baseURL }) => {
    const viewer = await apiAs(baseURL!, "viewer");
    const p3 = await (await viewer.get(`${items}?priority=P1&pageSize=20&page=3`)).json();
    expect(p3).toMatchObject({ total: 50, page: 3, pageSize: 20, pageCount: 3 });
    expect(p3.items).toHaveLength(10);
    const open = await (await viewer.get(`${items}?priority=P1&status=OPEN&pageSize=100`)).json();
    expect(open.total).toBe(21);
    expect(open.items.every((i: { priority: string; status: string }) => i.priority === "P1" && i.status === "OPEN")).toBe(true);
    const search = await (await viewer.get(`${items}?q=RATE%20LIMIT`)).json();
    expect(search.total).toBeGreaterThan(0);
    expect(search.items.every((i: { title: string; description: string | null; source: string | null; owner: string | null }) => /rate limit/i.test(`${i.title} ${i.description ?? ""} ${i.source ?? ""} ${i.owner ?? ""}`))).toBe(true);
    const sorted = await (await viewer.get(`${items}?sort=estimateHours&dir=desc&pageSize=10`)).json();
    const hours = sorted.items.map((i: { estimateHours: number }) => i.estimateHours);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
    const pages = await Promise.all([1, 2].map(async (page) => (await (await viewer.get(`${items}?sort=title&pageSize=30&page=${page}`)).json()).items.map((i: { id: string }) => i.id)));
    expect(new Set([...pages[0], ...pages[1]]).size).toBe(59);
    expect((await viewer.get(`${items}?page=0`)).status()).toBe(422);
    expect((await viewer.get(`${items}?priority=P7`)).status()).toBe(422);
    await viewer.dispose();
  });

  test("PATCH: viewer 403; engineer status+evidence 200, title 403; lead 200; stale 409 with current values; bad input 422", async ({ baseURL }) => {
    const [viewer, eng, lead] = await Promise.all([apiAs(baseURL!, "viewer"), apiAs(baseURL!, "engineer"), apiAs(baseURL!, "lead")]);
    const item = await createScratchItem(lead, `e2e scratch ${Date.now()}`, baseURL!);
    const url = `${items}/${item.id}`;
    try {
      expect((await viewer.patch(url, { data: { status: "IN_PROGRESS", version: item.version } })).status()).toBe(403);
      expect((await eng.patch(url, { data: { title: "renamed by an engineer", version: item.version } })).status()).toBe(403);
      const noEvidence = await eng.patch(url, { data: { status: "DONE", version: item.version } });
      expect(noEvidence.status()).toBe(422);
      expect((await noEvidence.json()).error.message).toContain("evidence");
      const done = await eng.patch(url, { data: { status: "DONE", evidence: "https://ci.example/run/42", version: item.version } });
      expect(done.status()).toBe(200);
      expect(await done.json()).toMatchObject({ status: "DONE", evidence: "https://ci.example/run/42", version: item.version + 1 });

      const renamed = await lead.patch(url, { data: { title: "renamed by the lead", owner: "Lee", version: item.version + 1 } });
      expect(renamed.status()).toBe(200);
      expect(await renamed.json()).toMatchObject({ title: "renamed by the lead", owner: "Lee", version: item.version + 2 });

      const stale = await eng.patch(url, { data: { status: "OPEN", version: item.version + 1 } });
      expect(stale.status()).toBe(409);
      const conflict = await stale.json();
      expect(conflict.error.code).toBe("conflict");
      expect(conflict.error.details.current).toMatchObject({ id: item.id, title: "renamed by the lead", status: "DONE", version: item.version + 2 });

      for (const bad of [
        { priority: "P9", version: item.version + 2 },
        { title: "", version: item.version + 2 },
        { estimateHours: -1, version: item.version + 2 },
        { dueDate: "2026-02-30x", version: item.version + 2 },
        { title: "no version" },
        { nonsense: true, version: item.version + 2 },
      ]) {
        const res = await lead.patch(url, { data: bad });
        expect(res.status(), JSON.stringify(bad)).toBe(422);
        expect((await res.json()).error.code).toBe("invalid_input");
      }
      expect((await lead.patch(url, { data: "not json", headers: { "content-type": "application/json" } })).status()).toBe(422);
      expect((await lead.patch(url, { data: { estimateLowHours: 9, version: item.version + 2 } })).status()).toBe(422);
      const after = await (await viewer.get(`${items}?q=${encodeURIComponent("renamed by the lead")}`)).json();
      expect(after.items[0]).toMatchObject({ id: item.id, version: item.version + 2 });
    } finally {
      expect((await lead.delete(url, { headers: { origin: baseURL! } })).status()).toBe(204);
      await Promise.all([viewer.dispose(), eng.dispose(), lead.dispose()]);
    }
  });

  test("an item of another project is a 404, whatever the role", async ({ baseURL }) => {
    const other = await createOtherProject();
    const [admin, lead] = await Promise.all([apiAs(baseURL!, "admin"), apiAs(baseURL!, "lead")]);
    const headers = { origin: baseURL! };
    try {
      for (const ctx of [lead, admin]) {
        const res = await ctx.patch(`${items}/${other.itemId}`, { data: { status: "IN_PROGRESS", version: 1 } });
        expect(res.status()).toBe(404);
        expect((await ctx.delete(`${items}/${other.itemId}?version=1`, { headers })).status()).toBe(404);
        expect((await ctx.post(`${items}/${other.itemId}/risk-acceptance`, { data: { mitigation: "nope", expiresOn: "2099-01-01" }, headers })).status()).toBe(404);
      }
      // Not a member of the other project: it does not exist for the lead.
      expect((await lead.get(`/api/v1/projects/${other.slug}/items`)).status()).toBe(404);
      expect((await lead.patch(`/api/v1/projects/${other.slug}/items/${other.itemId}`, { data: { status: "DONE", evidence: "x", version: 1 } })).status()).toBe(404);
      const [row] = await query<{ status: string; version: number }>(`SELECT status, version FROM "ChecklistItem" WHERE id = $1`, [other.itemId]);
      expect(row).toEqual({ status: "OPEN", version: 1 });
    } finally {
      await other.drop();
      await Promise.all([admin.dispose(), lead.dispose()]);
    }
  });

  test("CSV export: the filtered items, all pages, quoted and safe against formula injection", async ({ baseURL }) => {
    const [viewer, lead] = await Promise.all([apiAs(baseURL!, "viewer"), apiAs(baseURL!, "lead")]);
    const hostile = await createScratchItem(lead, `=HYPERLINK("http://evil.example","click"), e2e ${Date.now()}`, baseURL!);
    try {
      const res = await viewer.get(`/api/v1/projects/${SLUG}/items.csv?priority=P1&status=OPEN&sort=title`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toContain("text/csv");
      expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="agent-platform-checklist-\d{4}-\d{2}-\d{2}\.csv"$/);
      const text = await res.text();
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).split("\r\n").filter(Boolean);
      expect(lines[0]).toMatch(/^id,key,title,category,priority,status,estimate_hours,/);
      expect(lines).toHaveLength(22);
      expect(lines.slice(1).every((l) => l.includes(",P1,OPEN,"))).toBe(true);

      const all = await (await viewer.get(`/api/v1/projects/${SLUG}/items.csv?pageSize=5`)).text();
      expect(all.slice(1).split("\r\n").filter(Boolean)).toHaveLength(61);
      const evil = await (await viewer.get(`/api/v1/projects/${SLUG}/items.csv?q=HYPERLINK`)).text();
      const row = evil.split("\r\n")[1];
      expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), e2e `);
      expect((await viewer.get(`/api/v1/projects/${SLUG}/items.csv?status=NOPE`)).status()).toBe(422);
    } finally {
      await lead.delete(`${items}/${hostile.id}`, { headers: { origin: baseURL! } });
      await Promise.all([viewer.dispose(), lead.dispose()]);
    }
  });
});
