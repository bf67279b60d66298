import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectAccess } from "@/lib/server/access";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import type { TChecklistFile } from "@/lib/domain/checklist-file";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let lead: ProjectAccess;
let engineer: ProjectAccess;
type Mod = typeof import("./apply-checklist") & typeof import("./export-checklist");
let m: Mod;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "checklist-test");
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "checklist-test-secret-0123456789";
  const project = await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" }, select: { id: true, slug: true, name: true } });
  const user = async (email: string) => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { kind: "user" as const, userId: u.id, email: u.email, name: u.name, isAdmin: false };
  };
  lead = { principal: await user("lead@example.com"), project, role: "LEAD", isAdmin: false };
  engineer = { principal: await user("engineer@example.com"), project, role: "ENGINEER", isAdmin: false };
  m = { ...(await import("./apply-checklist")), ...(await import("./export-checklist")) };
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

async function exported(format: "yaml" | "json" = "yaml"): Promise<string> {
  return (await m.exportChecklist(lead.project, format, { date: "2026-01-18" })).text;
}
async function file(): Promise<TChecklistFile> {
  return parse(await exported()) as TChecklistFile;
}
const apply = (f: TChecklistFile | string, opts: { dryRun?: boolean; prune?: boolean } = {}) =>
  m.applyChecklist(lead, { text: typeof f === "string" ? f : stringify(f), format: "yaml", dryRun: opts.dryRun ?? false, prune: opts.prune ?? false });
const item = (slugKey: string) => t.db.checklistItem.findFirstOrThrow({ where: { projectId: lead.project.id, key: slugKey } });

/** Everything an apply could change: equal before and after a refused one. */
async function fingerprint() {
  const [items, versions, events, audits, categories] = await Promise.all([
    t.db.checklistItem.count(), t.db.checklistItem.aggregate({ _sum: { version: true } }), t.db.itemEvent.count(), t.db.auditLog.count(), t.db.category.count(),
  ]);
  return { items, versions: versions._sum.version, events, audits, categories };
}

describe("export and apply", () => {
  it("round trip: the demo exported and applied back plans nothing, in YAML and JSON", async () => {
    const yaml = await exported();
    expect(yaml).toMatch(/^# Launchgate checklist of Agent platform \(L01-L12\) \(agent-platform\), exported 2026-01-18/);
    const r = await apply(yaml, { dryRun: true, prune: true });
    expect(r.plan).toMatchObject({ create: [], update: [], retire: [], unchanged: 59, categories: { create: [], update: [] } });
    expect(r.score).toEqual({ before: 58, after: 58 });
    const json = await m.applyChecklist(lead, { text: await exported("json"), format: "json", dryRun: true, prune: true });
    expect(json.plan.unchanged).toBe(59);
  });

  it("a dry run shows the score the plan gives and changes nothing", async () => {
    const before = await fingerprint();
    const f = await file();
    f.categories[0].items.push({ key: "new-p1", title: "A new P1 item", priority: "P1", estimate: 3 });
    const r = await apply(f, { dryRun: true });
    expect(r.applied).toBe(false);
    expect(r.plan.create).toEqual([{ key: "new-p1", category: "infrastructure", title: "A new P1 item", priority: "P1", estimateHours: 3 }]);
    expect(r.score).toEqual({ before: 58, after: 56.9 });
    expect(await fingerprint()).toEqual(before);
  });

  it("an apply changes definitions, bumps versions, keeps status, evidence and risk acceptances", async () => {
    const done = await item("health-checks");
    await t.db.checklistItem.update({ where: { id: done.id }, data: { evidence: "https://ci/health" } });
    const open = await item("db-connection-pool");
    await t.db.riskAcceptance.create({ data: { projectId: lead.project.id, itemId: open.id, mitigation: "pool size raised", expiresOn: new Date("2030-01-01") } });
    const f = await file();
    const infra = f.categories.find((c) => c.key === "infrastructure")!;
    infra.items.find((i) => i.key === "health-checks")!.title = "Health checks on every service and job";
    infra.items.find((i) => i.key === "db-connection-pool")!.priority = "P2";
    const eventsBefore = await t.db.itemEvent.count();
    const auditsBefore = await t.db.auditLog.count({ where: { action: "checklist.apply" } });
    const r = await apply(f);
    expect(r.applied).toBe(true);
    expect(r.plan.update.map((u) => [u.key, Object.keys(u.fields)])).toEqual([["db-connection-pool", ["priority"]], ["health-checks", ["title"]]].sort());
    const [d2, o2] = [await item("health-checks"), await item("db-connection-pool")];
    expect([d2.title, d2.status, d2.evidence, d2.version]).toEqual(["Health checks on every service and job", "DONE", "https://ci/health", done.version + 1]);
    expect([o2.priority, o2.status, o2.version]).toEqual(["P2", "OPEN", open.version + 1]);
    expect(await t.db.riskAcceptance.count({ where: { itemId: open.id, revokedAt: null } })).toBe(1);
    expect(await t.db.itemEvent.count()).toBe(eventsBefore + 2);
    expect(await t.db.itemEvent.findFirst({ where: { itemId: o2.id, field: "priority" }, select: { fromValue: true, toValue: true, actorName: true } })).toEqual({ fromValue: "P1", toValue: "P2", actorName: "Lee Lead" });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "checklist.apply" }, orderBy: { id: "desc" } });
    expect(await t.db.auditLog.count({ where: { action: "checklist.apply" } })).toBe(auditsBefore + 1);
    expect(audit.after).toMatchObject({ sha256: r.sha256, counts: { created: 0, updated: 2, retired: 0, unchanged: 57 } });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);

    // An editor holding the old version gets 409.
    const { updateItem } = await import("@/lib/server/items/update-item");
    await expect(updateItem(lead, o2.id, { version: open.version, title: "stale" })).rejects.toMatchObject({ status: 409, code: "conflict" });
  });

  it("is idempotent: a second apply of the same file plans and writes nothing", async () => {
    const f = await file();
    f.categories[1].items[0].description = "Written in the file";
    expect((await apply(f)).applied).toBe(true);
    const before = await fingerprint();
    const again = await apply(f);
    expect(again.applied).toBe(false);
    expect(again.plan).toMatchObject({ create: [], update: [], retire: [], unchanged: 59 });
    expect(await fingerprint()).toEqual(before);
  });

  it("prune retires what the file leaves out (NOT_APPLICABLE, not listed again); a returning key restores the item", async () => {
    const f = await file();
    const infra = f.categories.find((c) => c.items.some((i) => i.key === "rate-limiting"))!;
    const gone = infra.items.find((i) => i.key === "rate-limiting")!;
    infra.items = infra.items.filter((i) => i.key !== "rate-limiting");
    await t.db.checklistItem.update({ where: { id: (await item("rate-limiting")).id }, data: { status: "IN_PROGRESS" } });
    const kept = await apply(f);
    expect(kept.plan.retire.map((x) => x.key)).toEqual(["rate-limiting"]);
    expect((await item("rate-limiting")).status).toBe("IN_PROGRESS");
    const pruned = await apply(f, { prune: true });
    expect(pruned.applied).toBe(true);
    const retired = await item("rate-limiting");
    expect([retired.status, retired.retiredFromStatus, retired.retiredAt !== null]).toEqual(["NOT_APPLICABLE", "IN_PROGRESS", true]);
    const ev = await t.db.itemEvent.findFirstOrThrow({ where: { itemId: retired.id, field: "status" }, orderBy: { at: "desc" } });
    expect([ev.fromValue, ev.toValue, ev.snapshot]).toEqual(["IN_PROGRESS", "NOT_APPLICABLE", { reason: "removed from the checklist file" }]);
    const { listItems } = await import("@/lib/server/items/list-items");
    expect((await listItems(lead.project.id, { q: "rate limiting", sort: "title", dir: "asc", page: 1, pageSize: 5 })).items.find((i) => i.key === "rate-limiting")?.retiredReason).toBe("removed from the checklist file");
    expect((await apply(f, { prune: true, dryRun: true })).plan.retire).toEqual([]);
    expect((await exported())).not.toContain("key: rate-limiting\n");

    infra.items.push(gone);
    const back = await apply(f, { prune: true });
    expect(back.plan.update).toEqual([{ key: "rate-limiting", title: gone.title, fields: { status: { from: "NOT_APPLICABLE", to: "IN_PROGRESS" } }, restore: true }]);
    const restored = await item("rate-limiting");
    expect([restored.status, restored.retiredAt, restored.retiredFromStatus]).toEqual(["IN_PROGRESS", null, null]);
  });

  it("creates new categories and items (OPEN, with a created event) and moves items", async () => {
    const f = await file();
    f.categories.push({ key: "compliance", name: "Compliance", weight: 2, items: [{ key: "soc2", title: "SOC 2 evidence collected", priority: "P1", estimate: { low: 4, likely: 8, high: 16 }, owner: "security" }] });
    const moved = f.categories[0].items.shift()!;
    f.categories[f.categories.length - 1].items.push(moved);
    const r = await apply(f);
    expect(r.plan.categories.create).toEqual([{ key: "compliance", name: "Compliance" }]);
    const soc2 = await item("soc2");
    expect([soc2.status, soc2.estimateLowHours, soc2.estimateHours, soc2.estimateHighHours, soc2.owner]).toEqual(["OPEN", 4, 8, 16, "security"]);
    const created = await t.db.itemEvent.findMany({ where: { itemId: soc2.id, field: "created" }, select: { toValue: true, snapshot: true, actorName: true, projectId: true } });
    expect(created).toEqual([{ toValue: "OPEN", snapshot: { priority: "P1", status: "OPEN", estimateHours: 8 }, actorName: "Lee Lead", projectId: lead.project.id }]);
    expect([soc2.source, soc2.version, soc2.deferrable, soc2.key]).toEqual(["checklist file", 1, false, "soc2"]);
    const cat = await t.db.category.findFirstOrThrow({ where: { projectId: lead.project.id, key: "compliance" } });
    expect((await item(moved.key)).categoryId).toBe(cat.id);
    expect((await apply(f, { dryRun: true })).plan.update).toEqual([]);
  });

  it("refuses every bad input with a clear message and changes nothing", async () => {
    const good = await exported();
    const before = await fingerprint();
    const cases: [string, RegExp, number][] = [
      ["version: 1\ncategories:\n  - key: a\n    name: [A\n", /line \d+, column \d+/, 422],
      [good.replace("priority: P1", "priorty: P1"), /^categories\[0\]\.items\[0\]\.priorty: unknown field \(line \d+, column \d+\)/, 422],
      [good.replace("key: rate-limiting-under-spike", "key: rate-limiting"), /duplicate item key 'rate-limiting': categories\[\d+\]\.items\[\d+\] \(line \d+\) and categories\[\d+\]\.items\[\d+\] \(line \d+\)/, 422],
      [stringify({ version: 1, categories: [{ key: "big", name: "Big", items: Array.from({ length: 5001 }, (_, i) => ({ key: `k${i}`, title: "T", priority: "P3" })) }] }), /at most 5000/, 413],
      [`# ${"x".repeat(2 * 1024 * 1024)}\n` + good, /larger than 2 MiB/, 413],
    ];
    for (const [text, message, status] of cases) {
      await expect(apply(text), String(message)).rejects.toMatchObject({ status, message: expect.stringMatching(message) });
    }
    await expect(m.applyChecklist(engineer, { text: good, format: "yaml", dryRun: false, prune: false })).rejects.toMatchObject({ status: 403 });
    expect(await fingerprint()).toEqual(before);
  });

  it("serializes two concurrent applies: the second plans against the first's result", async () => {
    const a = await file();
    const b = await file();
    a.categories[0].items.push({ key: "from-a", title: "Added by A", priority: "P2" });
    b.categories[0].items.push({ key: "from-b", title: "Added by B", priority: "P2" });
    const [ra, rb] = await Promise.all([apply(a), apply(b)]);
    const retired = [...ra.plan.retire, ...rb.plan.retire].map((x) => x.key);
    expect(retired.length).toBe(1);
    expect(["from-a", "from-b"]).toContain(retired[0]);
    expect(await t.db.checklistItem.count({ where: { key: { in: ["from-a", "from-b"] } } })).toBe(2);
  });
});

describe("managed by code", () => {
  it("refuses definition edits with 409 managed-by-code; status, evidence and owner stay editable; apply still works", async () => {
    const { setManagedByCode } = await import("./managed-by-code");
    const { updateItem } = await import("@/lib/server/items/update-item");
    const { createItem } = await import("@/lib/server/items/create-item");
    const { bulkUpdateItems } = await import("@/lib/server/items/bulk-update-items");
    const { createCategory } = await import("@/lib/server/projects/manage-categories");
    await expect(setManagedByCode(engineer, true)).rejects.toMatchObject({ status: 403 });
    await setManagedByCode(lead, true);
    const it0 = await item("on-call-rotation");
    await expect(updateItem(lead, it0.id, { version: it0.version, title: "Changed in the UI" })).rejects.toMatchObject({ status: 409, code: "managed-by-code" });
    await expect(updateItem(lead, it0.id, { version: it0.version, priority: "P3" })).rejects.toMatchObject({ code: "managed-by-code" });
    await expect(createItem(lead, { title: "New", categoryId: it0.categoryId, priority: "P2" })).rejects.toMatchObject({ code: "managed-by-code" });
    await expect(bulkUpdateItems(lead, { ids: [it0.id], set: { priority: "P2" } })).rejects.toMatchObject({ code: "managed-by-code" });
    await expect(createCategory(lead, { name: "Extra", weight: 1 })).rejects.toMatchObject({ code: "managed-by-code" });
    const ok = await updateItem(engineer, it0.id, { version: it0.version, status: "IN_PROGRESS", evidence: "pager test booked" });
    const owned = await updateItem(lead, it0.id, { version: ok.version, owner: "sre", title: it0.title });
    expect([owned.status, owned.evidence, owned.owner]).toEqual(["IN_PROGRESS", "pager test booked", "sre"]);
    const f = await file();
    f.categories.find((c) => c.items.some((i) => i.key === "on-call-rotation"))!.items.find((i) => i.key === "on-call-rotation")!.title = "On-call rotation defined and paging tested";
    expect((await apply(f)).applied).toBe(true);
    expect((await item("on-call-rotation")).owner).toBe("sre");
    await setManagedByCode(lead, false);
    const fresh = await item("on-call-rotation");
    expect((await updateItem(lead, fresh.id, { version: fresh.version, title: "Edited again" })).title).toBe("Edited again");
  });
});
