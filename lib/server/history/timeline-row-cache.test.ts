import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let sql: pg.Client;
const P = "p-cache";
const FIELDS = ["created", "status", "estimateHours", "deleted"];
const EVIDENCE = ["evidence"];

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  sql = new pg.Client({ connectionString: t.url });
  await sql.connect();
  await sql.query(`INSERT INTO "Project" (id, slug, name, "updatedAt") VALUES ($1, 'cache', 'Cache', now())`, [P]);
  await sql.query(`INSERT INTO "Category" (id, "projectId", name, key, position) VALUES ('c1', $1, 'Ops', 'ops', 0)`, [P]);
  for (let i = 0; i < 6; i++) await insertItem(`i${i}`, `2026-01-0${i + 1} 09:00:00`);
  for (let i = 0; i < 6; i++) await insertEvent(`e${i}`, `i${i}`, `2026-01-0${i + 1} 09:00:00`, "created");
  await insertEvent("ev1", "i1", "2026-01-07 10:00:00.5", "evidence");
});
afterAll(async () => {
  await sql.end();
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

async function insertItem(id: string, createdAt: string) {
  await sql.query(
    `INSERT INTO "ChecklistItem" (id, "projectId", "categoryId", title, priority, status, "estimateHours", "createdAt", "updatedAt")
     VALUES ($1, $2, 'c1', $1, 'P1', 'OPEN', 4, $3, $3)`,
    [id, P, createdAt],
  );
}
async function insertEvent(id: string, itemId: string, at: string, field: string, to: string | null = null) {
  await sql.query(
    `INSERT INTO "ItemEvent" (id, "projectId", "itemId", at, field, "toValue", snapshot) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, P, itemId, at, field, to, field === "created" ? { priority: "P1", status: "OPEN", estimateHours: 4 } : null],
  );
}

/** The cached load and a fresh read of every row agree (items by id, events in order). */
async function expectSameAsFresh() {
  const rows = await import("./load-timeline-rows");
  const cached = await import("./timeline-row-cache");
  const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  // Versions checked even for these few items (a real project of this size is read whole).
  const [items, events] = await Promise.all([cached.loadTimelineItemsCached(P, 0), cached.loadTimelineEventsCached(P, FIELDS, EVIDENCE)]);
  expect(byId(items)).toEqual(byId(await rows.loadTimelineItems(P)));
  expect(events).toEqual(await rows.loadTimelineEvents(P, FIELDS, EVIDENCE));
  return { items, events };
}

describe("the timeline's rows kept between loads", () => {
  it("equal a fresh read after every kind of change, and reuse what did not change", async () => {
    const first = await expectSameAsFresh();
    // Nothing changed: the same rows, the same objects.
    const again = await expectSameAsFresh();
    expect(again.events).toBe(first.events);
    expect(again.items.find((i) => i.id === "i3")).toBe(first.items.find((i) => i.id === "i3"));

    // An edit: one item updated, one event appended. The untouched items are the objects read before.
    await sql.query(`UPDATE "ChecklistItem" SET status = 'DONE', "updatedAt" = now() WHERE id = 'i2'`);
    await insertEvent("e-done", "i2", "2026-01-08 09:00:00", "status", "DONE");
    const edited = await expectSameAsFresh();
    expect(edited.items.find((i) => i.id === "i2")?.status).toBe("DONE");
    expect(edited.items.find((i) => i.id === "i3")).toBe(first.items.find((i) => i.id === "i3"));
    expect(edited.events.replayed.at(-1)?.to).toBe("DONE");

    // An item deleted, another added.
    await sql.query(`DELETE FROM "ChecklistItem" WHERE id = 'i4'`);
    await insertItem("i9", "2026-01-09 09:00:00");
    await insertEvent("e9", "i9", "2026-01-09 09:00:00", "created");
    expect((await expectSameAsFresh()).items.map((i) => i.id)).not.toContain("i4");

    // An event committed late with an earlier time, and one at the very instant last read.
    await insertEvent("e-late", "i0", "2026-01-03 12:00:00", "estimateHours", "6");
    await expectSameAsFresh();
    await insertEvent("e-tie", "i1", "2026-01-09 09:00:00", "status", "IN_PROGRESS");
    await expectSameAsFresh();

    // The events replaced by as many others (a restore): the checksum tells.
    await sql.query(`DELETE FROM "ItemEvent" WHERE id = 'e-late'`);
    await insertEvent("e-other", "i5", "2026-01-02 08:00:00", "estimateHours", "2");
    await expectSameAsFresh();

    // A small project is read whole, and equals the same.
    const whole = await (await import("./timeline-row-cache")).loadTimelineItemsCached(P);
    expect(whole.map((i) => i.id).sort()).toEqual((await expectSameAsFresh()).items.map((i) => i.id).sort());

    // Evidence given, and the same field list asked again.
    await insertEvent("ev2", "i2", "2026-01-10 09:00:00.123", "evidence");
    expect((await expectSameAsFresh()).events.evidence.map((e) => e.at)).toEqual(["2026-01-07T10:00:00.500Z", "2026-01-10T09:00:00.123Z"]);
  });
});
