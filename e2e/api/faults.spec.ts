import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, SLUG } from "../fixtures";
import { createTokenInDb, query, startAppInstance, startFaultDb as startDb, stopFaultDb as stopDb } from "../server-tools";

interface Outcome { at: number; kind: "read" | "write"; status: number; retryAfter: string | null; body: string; title?: string }

test.describe("faults", () => {
  test.setTimeout(180_000);

  test("database stopped for 10 s under load: 503 + Retry-After, recovery within 5 s, no acknowledged write lost", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "launchgate-fault-"));
    fs.chmodSync(dir, 0o755);
    const dbPort = 25000 + Math.floor(Math.random() * 5000);
    let db = await startDb(dir, dbPort);
    const app = await startAppInstance(3400 + Math.floor(Math.random() * 50), db.url, { DATABASE_POOL_TIMEOUT_MS: "2000" });
    try {
      const token = await createTokenInDb(SLUG, "LEAD", db.url);
      const [cat] = await query<{ id: string }>(`SELECT c.id FROM "Category" c JOIN "Project" p ON p.id = c."projectId" WHERE p.slug = $1 LIMIT 1`, [SLUG], db.url);
      const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
      const outcomes: Outcome[] = [];
      const t0 = Date.now();
      let stopLoad = false;
      let seq = 0;
      const worker = async (w: number) => {
        while (!stopLoad) {
          const write = (seq++ + w) % 2 === 0;
          const title = `fault-test item ${w}-${seq}`;
          const at = Date.now() - t0;
          try {
            const res = write
              ? await fetch(`${app.url}/api/v1/projects/${SLUG}/items`, { method: "POST", headers, body: JSON.stringify({ title, categoryId: cat.id, priority: "P3" }) })
              : await fetch(`${app.url}/api/v1/projects/${SLUG}/readiness`, { headers });
            outcomes.push({ at, kind: write ? "write" : "read", status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.text()).slice(0, 400), title: write ? title : undefined });
          } catch (e) {
            outcomes.push({ at, kind: write ? "write" : "read", status: 0, retryAfter: null, body: String(e) });
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const load = Promise.all(Array.from({ length: 6 }, (_, w) => worker(w)));
      await new Promise((r) => setTimeout(r, 4000));
      await stopDb(db.proc);
      const downAt = Date.now() - t0;
      await new Promise((r) => setTimeout(r, 10_000));
      db = await startDb(dir, dbPort);
      const upAt = Date.now() - t0;
      await new Promise((r) => setTimeout(r, 9000));
      stopLoad = true;
      await load;

      const statuses = new Set(outcomes.map((o) => o.status));
      expect([...statuses].sort(), JSON.stringify(outcomes.filter((o) => ![200, 201, 503].includes(o.status)).slice(0, 3))).toEqual(
        [...statuses].filter((s) => [200, 201, 503].includes(s)).sort(),
      );
      const unavailable = outcomes.filter((o) => o.status === 503);
      expect(unavailable.length).toBeGreaterThan(0);
      for (const o of unavailable) {
        expect(o.retryAfter).toMatch(/^\d+$/);
        expect(JSON.parse(o.body).error.code).toBe("unavailable");
        expect(o.body).not.toMatch(/\bat .+\.(js|ts):\d+/);
      }
      expect(outcomes.filter((o) => o.at < downAt - 500).every((o) => o.status < 300)).toBe(true);
      // Within 5 s of the database returning, everything succeeds again — by itself.
      const late = outcomes.filter((o) => o.at > upAt + 5000);
      expect(late.length).toBeGreaterThan(10);
      expect(late.filter((o) => o.status >= 300)).toEqual([]);
      // Every write that got a 2xx is in the database.
      const acknowledged = outcomes.filter((o) => o.kind === "write" && o.status === 201).map((o) => o.title!);
      const stored = new Set((await query<{ title: string }>(`SELECT title FROM "ChecklistItem" WHERE title LIKE 'fault-test item %'`, [], db.url)).map((r) => r.title));
      expect(acknowledged.length).toBeGreaterThan(10);
      expect(acknowledged.filter((t) => !stored.has(t))).toEqual([]);
    } finally {
      await app.stop();
      await stopDb(db.proc);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("pool exhaustion answers 503 with Retry-After, never 404 or 500", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "launchgate-pool-"));
    fs.chmodSync(dir, 0o755);
    const db = await startDb(dir, 30000 + Math.floor(Math.random() * 5000));
    const app = await startAppInstance(3460 + Math.floor(Math.random() * 30), db.url, { DATABASE_POOL_SIZE: "1", DATABASE_POOL_TIMEOUT_MS: "100" });
    try {
      const token = await createTokenInDb(SLUG, "VIEWER", db.url);
      const results = await Promise.all(
        Array.from({ length: 60 }, () =>
          fetch(`${app.url}/api/v1/projects/${SLUG}/readiness`, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => ({ status: r.status, retry: r.headers.get("retry-after"), body: await r.text() })),
        ),
      );
      const statuses = [...new Set(results.map((r) => r.status))].sort();
      expect(statuses.every((s) => s === 200 || s === 503), `statuses ${statuses}`).toBe(true);
      expect(results.some((r) => r.status === 503)).toBe(true);
      for (const r of results.filter((x) => x.status === 503)) expect(r.retry).toMatch(/^\d+$/);
    } finally {
      await app.stop();
      await stopDb(db.proc);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
