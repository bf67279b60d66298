import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectAccess } from "@/lib/server/access";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: ProjectAccess["principal"] & { kind: "user" };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "templates-test");
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "templates-test-secret-0123456789";
  const u = await t.db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
  admin = { kind: "user", userId: u.id, email: u.email, name: u.name, isAdmin: true };
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

async function roundTrip(slug: string) {
  const { exportChecklist } = await import("./export-checklist");
  const { applyChecklist } = await import("./apply-checklist");
  const project = await t.db.project.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, name: true } });
  const access: ProjectAccess = { principal: admin, project, role: "LEAD", isAdmin: true };
  const yaml = await exportChecklist(project, "yaml");
  return applyChecklist(access, { text: yaml.text, format: "yaml", dryRun: true, prune: true });
}

describe("templates", () => {
  it("lists the built-in templates; web-service has 8+ categories and 40+ items, each with an estimate", async () => {
    const { listTemplates, readTemplate } = await import("./templates");
    const list = listTemplates();
    expect(list.map((x) => x.name)).toEqual(["agent-platform", "empty", "web-service"]);
    const web = list.find((x) => x.name === "web-service")!;
    expect(web.categories).toBeGreaterThanOrEqual(8);
    expect(web.items).toBeGreaterThanOrEqual(40);
    expect(list.find((x) => x.name === "agent-platform")).toMatchObject({ categories: 7, items: 59 });
    expect(list.find((x) => x.name === "empty")).toMatchObject({ categories: 7, items: 0 });
    const { parseChecklistText } = await import("@/lib/domain/checklist-file");
    const parsed = parseChecklistText(readTemplate("web-service"), "yaml");
    expect(parsed.ok && parsed.file.categories.flatMap((c) => c.items).every((i) => i.estimate !== undefined)).toBe(true);
    expect(() => readTemplate("../package")).toThrow(/Unknown template/);
  });

  it.each(["web-service", "agent-platform", "empty"])("a project created from %s round-trips: export then dry run plans nothing", async (name) => {
    const { createProject } = await import("@/lib/server/projects/create-project");
    const p = await createProject(admin, { name: `From ${name}`, slug: `from-${name}`, template: name });
    const r = await roundTrip(p.slug);
    expect(r.plan).toMatchObject({ create: [], update: [], retire: [], categories: { create: [], update: [] } });
    expect(r.plan.unchanged).toBe(p.items);
    expect(await t.db.membership.count({ where: { projectId: p.id, userId: admin.userId, role: "LEAD" } })).toBe(1);
  });

  it("the agent-platform template is the demo's checklist", async () => {
    const { readTemplate } = await import("./templates");
    const { applyChecklist } = await import("./apply-checklist");
    const project = await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" }, select: { id: true, slug: true, name: true } });
    const r = await applyChecklist({ principal: admin, project, role: "LEAD", isAdmin: true }, { text: readTemplate("agent-platform"), format: "yaml", dryRun: true, prune: true });
    expect(r.plan).toMatchObject({ create: [], update: [], retire: [], unchanged: 59 });
    expect((await roundTrip("agent-platform")).plan.unchanged).toBe(59);
  });

  it("copies another project's definitions, not its progress", async () => {
    const { createProject } = await import("@/lib/server/projects/create-project");
    const p = await createProject(admin, { name: "Copy", slug: "copy-of-demo", copyFrom: "agent-platform" }, undefined, { leadUserId: null });
    const items = await t.db.checklistItem.findMany({ where: { projectId: p.id }, select: { status: true, evidence: true } });
    expect(items.length).toBe(59);
    expect(items.every((i) => i.status === "OPEN" && i.evidence === null)).toBe(true);
    expect(await t.db.membership.count({ where: { projectId: p.id } })).toBe(0);
    await expect(createProject(admin, { name: "Nope", slug: "nope", copyFrom: "no-such" })).rejects.toMatchObject({ status: 404 });
    await expect(createProject(admin, { name: "Nope", slug: "nope", template: "no-such" })).rejects.toMatchObject({ status: 422 });
    expect(await t.db.project.count({ where: { slug: "nope" } })).toBe(0);
  });
});
