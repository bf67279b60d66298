import { test, expect, SLUG } from "../fixtures";
import { createTokenInDb, e2eDatabaseUrl, query, startAppInstance } from "../server-tools";

async function pickOpenItem(): Promise<{ id: string; version: number }> {
  const rows = await query<{ id: string; version: number }>(
    `SELECT i.id, i.version FROM "ChecklistItem" i JOIN "Project" p ON p.id = i."projectId"
     WHERE p.slug = $1 AND i.priority = 'P3' ORDER BY i.title LIMIT 1 OFFSET $2`,
    [SLUG, Math.floor(Math.random() * 3)],
  );
  return rows[0];
}

async function counts(itemId: string) {
  const [e] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ItemEvent" WHERE "itemId" = $1 AND field = 'owner'`, [itemId]);
  const [a] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "entityId" = $1 AND action = 'item.update'`, [itemId]);
  return { events: e.n, audits: a.n };
}

async function patchAll(urls: string[], token: string, itemId: string, version: number, n: number) {
  // A value no earlier test wrote: an owner equal to the current one would be a no-op 200.
  const nonce = Math.random().toString(36).slice(2, 8);
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      fetch(`${urls[i % urls.length]}/api/v1/projects/${SLUG}/items/${itemId}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ owner: `writer-${nonce}-${i}`, version }),
      }).then(async (r) => ({ status: r.status, body: await r.json() })),
    ),
  );
}

test.describe("optimistic locking under contention", () => {
  test("50 concurrent PATCHes with the same version: one 200, 49 × 409, one event, one audit entry", async ({ baseURL }) => {
    const token = await createTokenInDb(SLUG, "LEAD");
    const item = await pickOpenItem();
    const before = await counts(item.id);
    const results = await patchAll([baseURL!], token, item.id, item.version, 50);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.body.error.details.current.version).toBe(item.version + 1);
    const after = await counts(item.id);
    expect(after.events - before.events).toBe(1);
    expect(after.audits - before.audits).toBe(1);
    const winner = results.find((r) => r.status === 200)!.body.owner;
    const [row] = await query<{ owner: string; version: number }>(`SELECT owner, version FROM "ChecklistItem" WHERE id = $1`, [item.id]);
    expect(row).toEqual({ owner: winner, version: item.version + 1 });
  });

  test("the same across two app instances sharing one database", async ({ baseURL }) => {
    const second = await startAppInstance(3291 + Math.floor(Math.random() * 50), e2eDatabaseUrl());
    try {
      const token = await createTokenInDb(SLUG, "LEAD");
      const item = await pickOpenItem();
      const [fresh] = await query<{ version: number }>(`SELECT version FROM "ChecklistItem" WHERE id = $1`, [item.id]);
      const before = await counts(item.id);
      const results = await patchAll([baseURL!, second.url], token, item.id, fresh.version, 50);
      const tally = JSON.stringify(results.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {}));
      expect(results.filter((r) => r.status === 200), tally).toHaveLength(1);
      expect(results.filter((r) => r.status === 409), `${tally} ${JSON.stringify(results.find((r) => r.status !== 200 && r.status !== 409)?.body ?? null)}`).toHaveLength(49);
      const after = await counts(item.id);
      expect(after.events - before.events).toBe(1);
      expect(after.audits - before.audits).toBe(1);
    } finally {
      await second.stop();
    }
  });
});
