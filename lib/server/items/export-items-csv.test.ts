import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let demoId: string;
let bigId: string;

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

const base = { sort: "priority", dir: "asc" } as const;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "csv-test");
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "csv-test-secret-0123456789abcdef";
  demoId = (await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" } })).id;
  const big = await t.db.project.create({ data: { slug: "big", name: "Big", categories: { create: [{ name: "Ops" }] } }, include: { categories: true } });
  bigId = big.id;
  await t.db.checklistItem.createMany({
    data: Array.from({ length: 1234 }, (_, i) => ({
      projectId: big.id, categoryId: big.categories[0].id, title: `Item ${String(i).padStart(4, "0")}`, priority: i % 3 === 0 ? ("P1" as const) : ("P2" as const),
      owner: i === 7 ? "=2+5" : null,
    })),
  });
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("exportItemsCsv", () => {
  it("exports the filtered items of the project with a BOM and a header", async () => {
    const { exportItemsCsv } = await import("./export-items-csv");
    const csv = await collect(exportItemsCsv(demoId, { ...base, priority: "P1", status: "OPEN" }));
    expect(csv.startsWith("\uFEFFid,key,title,category,priority,status,")).toBe(true);
    const lines = csv.slice(1).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(22);
    expect(lines.slice(1).every((l) => l.includes(",P1,OPEN,"))).toBe(true);
  });

  it("goes through every batch in the page order, never mixing projects, formulas defused", async () => {
    const { exportItemsCsv } = await import("./export-items-csv");
    const { listItems } = await import("./list-items");
    const csv = await collect(exportItemsCsv(bigId, { sort: "title", dir: "desc" }));
    const lines = csv.slice(1).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1235);
    const firstPage = await listItems(bigId, { sort: "title", dir: "desc", page: 1, pageSize: 3 });
    expect(lines.slice(1, 4).map((l) => l.split(",")[0])).toEqual(firstPage.items.map((i) => i.id));
    expect(lines[1]).toContain(",Item 1233,");
    expect(lines.some((l) => l.includes(",'=2+5,"))).toBe(true);
    const p1 = await collect(exportItemsCsv(bigId, { ...base, priority: "P1", q: "item 00" }));
    expect(p1.slice(1).split("\r\n").filter(Boolean)).toHaveLength(1 + 34);
  });

  it("streams as bytes and ends", async () => {
    const { exportItemsCsvStream } = await import("./export-items-csv");
    const text = await new Response(await exportItemsCsvStream(bigId, base)).text();
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(1235);
    const empty = await new Response(await exportItemsCsvStream(bigId, { ...base, q: "no such item" })).text();
    expect(empty.split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});
