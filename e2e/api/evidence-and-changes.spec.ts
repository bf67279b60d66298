import type { APIRequestContext } from "@playwright/test";
import { test, expect, apiAs, SLUG } from "../fixtures";
import { query } from "../server-tools";

const P = `/api/v1/projects/${SLUG}`;
const today = () => new Date().toISOString().slice(0, 10);

/** A DONE P3 item (P3 leaves score and blockers alone) with a 30-day validity, dated `daysAgo` days back. */
async function createDatedItem(lead: APIRequestContext, baseURL: string, daysAgo: number) {
  const [cat] = await query<{ id: string }>(`SELECT c.id FROM "Category" c JOIN "Project" p ON p.id = c."projectId" WHERE p.slug = $1 AND c.name = 'Security'`, [SLUG]);
  const title = `e2e freshness ${Date.now()}`;
  const res = await lead.post(`${P}/items`, {
    data: { title, categoryId: cat.id, priority: "P3", status: "DONE", evidence: "scan report v1", evidenceValidDays: 30 }, headers: { origin: baseURL },
  });
  expect(res.status()).toBe(201);
  const item = (await res.json()) as { id: string; version: number; title: string };
  await query(`UPDATE "ChecklistItem" SET "updatedAt" = now(), "evidenceAt" = date_trunc('day', now() AT TIME ZONE 'UTC') - make_interval(days => $2) + interval '9 hours' WHERE id = $1`, [item.id, daysAgo]);
  return { ...item, drop: () => query(`DELETE FROM "ChecklistItem" WHERE id = $1`, [item.id]) };
}

test.describe("evidence freshness API", () => {
  test("an item is stale exactly on its expiry day, filtered server-side, and re-confirmed by an engineer (POST …/evidence)", async ({ baseURL }) => {
    const [viewer, eng, lead] = await Promise.all([apiAs(baseURL!, "viewer"), apiAs(baseURL!, "engineer"), apiAs(baseURL!, "lead")]);
    // Confirmed 30 days ago with a 30-day validity: expires today.
    const item = await createDatedItem(lead, baseURL!, 30);
    try {
      const r = await (await viewer.get(`${P}/readiness`)).json();
      expect(r.stale).toContainEqual({ itemId: item.id, title: item.title, expiredOn: today() });
      expect(r.confidence.level).toMatch(/^(high|medium|low)$/);
      const expired = await (await viewer.get(`${P}/items?evidence=expired&pageSize=500`)).json();
      expect(expired.items.map((i: { id: string }) => i.id)).toContain(item.id);
      const row = expired.items.find((i: { id: string }) => i.id === item.id);
      expect(row).toMatchObject({ evidenceExpiresOn: today(), evidenceExpired: true, evidenceValidDays: 30 });
      expect((await (await viewer.get(`${P}/items?evidence=expiring&pageSize=500`)).json()).items.map((i: { id: string }) => i.id)).not.toContain(item.id);
      expect((await viewer.get(`${P}/items?evidence=soon`)).status()).toBe(422);

      // One day younger (29 days): still current, and expiring within 14 days.
      await query(`UPDATE "ChecklistItem" SET "updatedAt" = now(), "evidenceAt" = "evidenceAt" + interval '1 day' WHERE id = $1`, [item.id]);
      expect((await (await viewer.get(`${P}/readiness`)).json()).stale.map((s: { itemId: string }) => s.itemId)).not.toContain(item.id);
      expect((await (await viewer.get(`${P}/items?evidence=expiring&pageSize=500`)).json()).items.map((i: { id: string }) => i.id)).toContain(item.id);
      await query(`UPDATE "ChecklistItem" SET "updatedAt" = now(), "evidenceAt" = "evidenceAt" - interval '1 day' WHERE id = $1`, [item.id]);

      const url = `${P}/items/${item.id}/evidence`;
      expect((await viewer.post(url, { data: { evidence: "x" }, headers: { origin: baseURL! } })).status()).toBe(403);
      const empty = await eng.post(url, { data: { evidence: "  " }, headers: { origin: baseURL! } });
      expect(empty.status()).toBe(422);
      expect((await empty.json()).error.message).toMatch(/evidence/);
      expect((await eng.post(url, { data: { evidence: "x", extra: 1 }, headers: { origin: baseURL! } })).status()).toBe(422);
      expect((await eng.post(url, { data: "not json", headers: { origin: baseURL!, "content-type": "application/json" } })).status()).toBe(422);
      expect((await eng.post(`${P}/items/nope/evidence`, { data: { evidence: "x" }, headers: { origin: baseURL! } })).status()).toBe(404);
      const [open] = await query<{ id: string }>(`SELECT i.id FROM "ChecklistItem" i JOIN "Project" p ON p.id = i."projectId" WHERE p.slug = $1 AND i.status = 'OPEN' LIMIT 1`, [SLUG]);
      const notDone = await eng.post(`${P}/items/${open.id}/evidence`, { data: { evidence: "x" }, headers: { origin: baseURL! } });
      expect(notDone.status()).toBe(422);
      expect((await notDone.json()).error.message).toContain("Only a DONE item");

      const ok = await eng.post(url, { data: { evidence: "scan report v2, clean" }, headers: { origin: baseURL! } });
      expect(ok.status()).toBe(201);
      const body = await ok.json();
      expect(body).toMatchObject({ evidence: "scan report v2, clean", evidenceExpired: false, version: item.version + 1 });
      expect(body.evidenceExpiresOn > today()).toBe(true);
      expect((await (await viewer.get(`${P}/readiness`)).json()).stale.map((s: { itemId: string }) => s.itemId)).not.toContain(item.id);
      const events = await query<{ field: string; toValue: string }>(`SELECT field, "toValue" FROM "ItemEvent" WHERE "itemId" = $1 AND field = 'evidenceConfirmed'`, [item.id]);
      expect(events).toEqual([{ field: "evidenceConfirmed", toValue: "scan report v2, clean" }]);
    } finally {
      await item.drop();
      await Promise.all([viewer.dispose(), eng.dispose(), lead.dispose()]);
    }
  });
});

test.describe("change markers API", () => {
  test("POST /changes: viewer 403, bad input 422, engineer 201; GET lists them; a change after the runs lowers today's confidence", async ({ baseURL }) => {
    const [viewer, eng] = await Promise.all([apiAs(baseURL!, "viewer"), apiAs(baseURL!, "engineer")]);
    const url = `${P}/changes`;
    const post = (ctx: APIRequestContext, data: unknown) => ctx.post(url, { data, headers: { origin: baseURL! } });
    const created: string[] = [];
    try {
      expect((await post(viewer, { label: "Deploy" })).status()).toBe(403);
      for (const bad of [{}, { label: "" }, { label: "x", kind: "rollback" }, { label: "x", at: "2026-02-30" }, { label: "x", at: "soon" }, { label: "x", version: 3 }, { label: "x", extra: true }]) {
        const res = await post(eng, bad);
        expect(res.status(), JSON.stringify(bad)).toBe(422);
        expect((await res.json()).error.code).toBeTruthy();
      }
      const future = await post(eng, { label: "x", at: "2999-01-01T00:00:00Z" });
      expect(future.status()).toBe(422);
      expect((await future.json()).error.message).toContain("in the future");

      const before = await (await viewer.get(`${P}/readiness`)).json();
      const res = await post(eng, { label: "Deploy API", version: "2.4.0" });
      expect(res.status()).toBe(201);
      const marker = await res.json();
      created.push(marker.id);
      expect(marker).toMatchObject({ label: "Deploy API", kind: "deploy", version: "2.4.0", createdBy: expect.any(String) });
      expect(Date.now() - Date.parse(marker.at)).toBeLessThan(5 * 60_000);

      const cfg = await post(eng, { label: "Pool size 150", kind: "config", at: "2026-01-10" });
      expect(cfg.status()).toBe(201);
      created.push((await cfg.json()).id);
      expect((await cfg.json()).at).toBe("2026-01-10T00:00:00.000Z");

      const list = await viewer.get(url);
      expect(list.status()).toBe(200);
      const { changes } = await list.json();
      expect(changes.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(created));
      expect(changes.map((c: { at: string }) => c.at)).toEqual([...changes.map((c: { at: string }) => c.at)].sort());

      const after = await (await viewer.get(`${P}/readiness`)).json();
      expect(before.confidence.reasons.some((r: { code: string }) => r.code === "before-change")).toBe(false);
      expect(after.confidence.level).toBe("low");
      expect(after.confidence.reasons[0]).toMatchObject({ code: "before-change", severity: "severe" });
      // As of the demo day: today's deploy is later (ignored), the 2026-01-10 config change predates every run: still high.
      const demo = await (await viewer.get(`${P}/readiness?asOf=2026-01-18`)).json();
      expect(demo.confidence).toMatchObject({ level: "high", reasons: [] });
    } finally {
      if (created.length) await query(`DELETE FROM "ChangeMarker" WHERE id = ANY($1)`, [created]);
      await Promise.all([viewer.dispose(), eng.dispose()]);
    }
  });
});
