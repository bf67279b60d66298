import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations } from "@/lib/server/runtime/migrate";
import { createTestDatabase } from "@/tests/helpers/test-db";

/** The key migration: existing rows get keys from their titles, new rows without one get one too. */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let c: pg.Client;
const KEYS = "20261202150000_checklist_keys";

async function insertItem(id: string, title: string, at: string, key?: string) {
  await c.query(
    `INSERT INTO "ChecklistItem" (id, "projectId", "categoryId", title, priority, "createdAt", "updatedAt"${key ? `, "key"` : ""}) VALUES ($1, 'p1', 'c1', $2, 'P1', $3, now()${key ? ", $4" : ""})`,
    key ? [id, title, at, key] : [id, title, at],
  );
}

beforeAll(async () => {
  t = await createTestDatabase({ migrate: false });
  c = new pg.Client({ connectionString: t.url });
  await c.connect();
  for (const m of listMigrations().filter((m) => m.name < KEYS)) await c.query(m.sql);
  await c.query(`INSERT INTO "Project" (id, slug, name, "updatedAt") VALUES ('p1', 'p1', 'P1', now()), ('p2', 'p2', 'P2', now())`);
  await c.query(`INSERT INTO "Category" (id, "projectId", name, position) VALUES ('c1', 'p1', 'Backup & Recovery', 0), ('c2', 'p1', 'backup recovery', 1), ('c3', 'p2', 'Ops', 0)`);
  await insertItem("a", "Rate limiting", "2026-01-01");
  await insertItem("b", "Rate limiting!", "2026-01-02");
  await insertItem("c", "rate-limiting 2", "2026-01-01T12:00:00Z");
  await insertItem("d", "Über große Änderung", "2026-01-03");
  await insertItem("e", "???", "2026-01-04");
  await c.query(`INSERT INTO "ChecklistItem" (id, "projectId", "categoryId", title, priority, "updatedAt") VALUES ('z', 'p2', 'c3', 'Rate limiting', 'P1', now())`);
  await c.query(listMigrations().find((m) => m.name === KEYS)!.sql);
});
afterAll(async () => {
  await c.end();
  await t.drop();
});

async function keys(table: string) {
  const { rows } = await c.query<{ id: string; key: string }>(`SELECT id, "key" FROM "${table}" ORDER BY id`);
  return Object.fromEntries(rows.map((r) => [r.id, r.key]));
}

describe("the checklist key migration", () => {
  it("backfills keys from titles, de-duplicated per project in creation order", async () => {
    expect(await keys("ChecklistItem")).toEqual({ a: "rate-limiting", b: "rate-limiting-3", c: "rate-limiting-2", d: "ber-gro-e-nderung", e: "item", z: "rate-limiting" });
    expect(await keys("Category")).toEqual({ c1: "backup-recovery", c2: "backup-recovery-2", c3: "ops" });
  });

  it("gives a row inserted without a key the next free one", async () => {
    await insertItem("f", "Rate limiting", "2026-01-05");
    await insertItem("g", "Rate limiting", "2026-01-05");
    await insertItem("h", "Own key", "2026-01-05", "my-key");
    await c.query(`INSERT INTO "Category" (id, "projectId", name, position) VALUES ('c4', 'p1', 'Ops', 2)`);
    const k = await keys("ChecklistItem");
    expect([k.f, k.g, k.h]).toEqual(["rate-limiting-4", "rate-limiting-5", "my-key"]);
    expect((await keys("Category")).c4).toBe("ops");
  });

  it("refuses a key used twice in a project", async () => {
    await expect(insertItem("i", "X", "2026-01-05", "my-key")).rejects.toThrow(/unique/);
  });
});
