import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectAccess } from "@/lib/server/access";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { ZProjectCreate, ZProjectSettings } from "@/lib/server/schemas/project";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: ProjectAccess["principal"] & { kind: "user" };
let lead: ProjectAccess["principal"] & { kind: "user" };
let viewer: ProjectAccess["principal"] & { kind: "user" };
let demo: ProjectAccess["project"];
const as = (principal: ProjectAccess["principal"], role: ProjectAccess["role"], project = demo, isAdmin = false): ProjectAccess => ({ principal, project, role, isAdmin });

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "projects-test");
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "projects-test-secret-0123456789";
  const users = await t.db.user.findMany();
  const p = (email: string) => {
    const u = users.find((x) => x.email === email)!;
    return { kind: "user" as const, userId: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin };
  };
  admin = p("admin@example.com");
  lead = p("lead@example.com");
  viewer = p("viewer@example.com");
  demo = await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" }, select: { id: true, slug: true, name: true } });
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

const audits = (action: string) => t.db.auditLog.count({ where: { action } });

describe("createProject", () => {
  it("validates name and slug", () => {
    expect(ZProjectCreate.safeParse({ name: "Payments", slug: "payments-v2" }).success).toBe(true);
    for (const slug of ["Pay", "-pay", "pay-", "pa--y", "p", "new", "pay ment"]) {
      expect(ZProjectCreate.safeParse({ name: "Payments", slug }).success, slug).toBe(false);
    }
    expect(ZProjectCreate.safeParse({ name: " ", slug: "ok" }).success).toBe(false);
  });

  it("lets an admin create a project with the default categories, as its LEAD, with an audit entry", async () => {
    const { createProject } = await import("./create-project");
    const p = await createProject(admin, { name: "Payments", slug: "payments" });
    const cats = await t.db.category.findMany({ where: { projectId: p.id }, orderBy: { position: "asc" } });
    expect(cats.map((c) => c.name)).toEqual(["Infrastructure", "Security", "Performance", "Monitoring", "Backup & Recovery", "Documentation", "Operations"]);
    const m = await t.db.membership.findFirstOrThrow({ where: { projectId: p.id } });
    expect(m).toMatchObject({ userId: admin.userId, role: "LEAD" });
    expect(await audits("project.create")).toBe(1);
  });

  it("refuses a taken slug (409) and non-admins (403)", async () => {
    const { createProject } = await import("./create-project");
    await expect(createProject(admin, { name: "Again", slug: "payments" })).rejects.toMatchObject({ status: 409 });
    await expect(createProject(lead, { name: "Mine", slug: "mine" })).rejects.toMatchObject({ status: 403 });
  });
});

describe("listPortfolioPage", () => {
  it("gives each project's score, verdict, blockers and date; members see only their projects", async () => {
    const { listPortfolioPage } = await import("../portfolio/list-portfolio-page");
    const { ZPortfolioQuery } = await import("../schemas/portfolio");
    const { rows } = await listPortfolioPage(admin, ZPortfolioQuery.parse({}));
    expect(rows.map((r) => r.slug).sort()).toEqual(["agent-platform", "payments"]);
    const ap = rows.find((r) => r.slug === "agent-platform")!;
    expect(ap).toMatchObject({ scorePercent: 58, verdict: "NO_GO", openBlockers: 21, openBlockerHours: 89, role: "ADMIN", stale: false });
    expect(ap.launchDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.find((r) => r.slug === "payments")).toMatchObject({ scorePercent: null, openBlockers: 0 });
    expect((await listPortfolioPage(viewer, ZPortfolioQuery.parse({}))).rows.map((r) => r.slug)).toEqual(["agent-platform"]);
  });
});

describe("project settings", () => {
  const base = async () => {
    const { getProjectSettings } = await import("./project-settings");
    const s = await t.db.project.findUniqueOrThrow({ where: { id: demo.id } });
    const dto = await getProjectSettings(demo.id);
    return { ...dto, version: s.version, workingDays: dto.workingDays as ("Mon" | "Tue")[] };
  };

  it("checks zone ordering and conditional ≤ GO", async () => {
    const { id: _id, slug: _slug, ...s } = await base();
    void _id; void _slug;
    expect(ZProjectSettings.safeParse(s).success).toBe(true);
    const bad = ZProjectSettings.safeParse({ ...s, yellowP95Ms: 50, conditionalThresholdPercent: 95, redErrorRatePercent: 0.5 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["yellowP95Ms", "conditionalThresholdPercent", "redErrorRatePercent"]));
    expect(ZProjectSettings.safeParse({ ...s, workingDays: [] }).success).toBe(false);
    expect(ZProjectSettings.safeParse({ ...s, targetLaunchDate: "2026-02-30" }).success).toBe(false);
  });

  it("applies a lead's change with the current version, refuses a stale one with 409, and audits", async () => {
    const { updateProjectSettings } = await import("./project-settings");
    const { id: _id, slug: _slug, ...s } = await base();
    void _id; void _slug;
    const saved = await updateProjectSettings(as(lead, "LEAD"), { ...s, expectedProductionUsers: 150, targetLaunchDate: "2026-02-15" });
    expect(saved).toMatchObject({ expectedProductionUsers: 150, targetLaunchDate: "2026-02-15", version: s.version + 1 });
    await expect(updateProjectSettings(as(lead, "LEAD"), { ...s, expectedProductionUsers: 120 })).rejects.toMatchObject({ status: 409 });
    await expect(updateProjectSettings(as(viewer, "VIEWER"), { ...s, version: s.version + 1 })).rejects.toMatchObject({ status: 403 });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "project.update-settings" } });
    expect(audit.before).toEqual({ expectedProductionUsers: 100, targetLaunchDate: null });
    expect(audit.after).toEqual({ expectedProductionUsers: 150, targetLaunchDate: "2026-02-15" });
    await updateProjectSettings(as(lead, "LEAD"), { ...s, version: s.version + 1 }); // back to the scenario
  });
});

describe("objectives and categories", () => {
  it("adds, edits and deletes objectives (leads only), with readable targets", async () => {
    const { createObjective, updateObjective, deleteObjective, listObjectives } = await import("./manage-objectives");
    const o = await createObjective(as(lead, "LEAD"), { name: "Availability", target: ">= 99.9 %", measured: null });
    await expect(createObjective(as(lead, "LEAD"), { name: "Availability", target: "< 1 h", measured: null })).rejects.toMatchObject({ status: 409 });
    await updateObjective(as(lead, "LEAD"), { id: o.id, name: "Availability", target: ">= 99.9 %", measured: "99.95 %" });
    expect((await listObjectives(demo.id)).map((x) => x.name)).toEqual(["RTO", "RPO", "Availability"]);
    await expect(deleteObjective(as(viewer, "VIEWER"), o.id)).rejects.toMatchObject({ status: 403 });
    await deleteObjective(as(lead, "LEAD"), o.id);
    expect(await audits("objective.create")).toBe(1);
    expect(await audits("objective.delete")).toBe(1);
  });

  it("adds, renames, reweights and reorders categories; deletes only empty ones", async () => {
    const { createCategory, updateCategory, moveCategory, deleteCategory, listCategories } = await import("./manage-categories");
    const c = await createCategory(as(lead, "LEAD"), { name: "Compliance", weight: 2 });
    await updateCategory(as(lead, "LEAD"), { id: c.id, name: "Compliance & Legal", weight: 0.5 });
    await moveCategory(as(lead, "LEAD"), { id: c.id, direction: "up" });
    const list = await listCategories(demo.id);
    expect(list.map((x) => x.name).slice(-2)).toEqual(["Compliance & Legal", "Operations"]);
    expect(list.find((x) => x.id === c.id)).toMatchObject({ weight: 0.5, items: 0 });
    const security = list.find((x) => x.name === "Security")!;
    await expect(deleteCategory(as(lead, "LEAD"), security.id)).rejects.toMatchObject({ status: 409 });
    await expect(updateCategory(as(lead, "LEAD"), { id: c.id, name: "Security", weight: 1 })).rejects.toMatchObject({ status: 409 });
    await deleteCategory(as(lead, "LEAD"), c.id);
    expect((await listCategories(demo.id)).map((x) => x.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe("members", () => {
  it("lets an admin add a new user (password returned once), change the role and remove them", async () => {
    const { addMember, changeMemberRole, removeMember, listMembers } = await import("./manage-members");
    const adminAccess = as(admin, "LEAD", demo, true);
    const { member, generatedPassword } = await addMember(adminAccess, { email: "new.person@example.com", role: "ENGINEER" });
    expect(generatedPassword).toMatch(/^[\w-]{12,}$/);
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "new.person@example.com" } });
    expect(user.passwordHash).not.toContain(generatedPassword!);
    await expect(addMember(adminAccess, { email: "new.person@example.com", role: "VIEWER" })).rejects.toMatchObject({ status: 409 });
    await changeMemberRole(adminAccess, { membershipId: member.membershipId, role: "LEAD" });
    expect((await listMembers(demo.id)).find((m) => m.email === "new.person@example.com")?.role).toBe("LEAD");
    await removeMember(adminAccess, member.membershipId);
    expect((await listMembers(demo.id)).some((m) => m.email === "new.person@example.com")).toBe(false);
    const again = await addMember(adminAccess, { email: "new.person@example.com", role: "VIEWER" });
    expect(again.generatedPassword).toBeNull();
    expect(await audits("member.add")).toBe(2);
    expect(await audits("user.create")).toBe(1);
  });

  it("refuses leads who are not administrators", async () => {
    const { addMember } = await import("./manage-members");
    await expect(addMember(as(lead, "LEAD"), { email: "x@example.com", role: "VIEWER" })).rejects.toMatchObject({ status: 403 });
  });
});

describe("readiness report", () => {
  it("renders the Markdown report as of a day with open items and decisions", async () => {
    const { getReadinessReport } = await import("../report/get-report");
    const { signDecision } = await import("../decisions/decisions");
    await signDecision(as(lead, "LEAD"), { comment: "Not ready: 21 blockers." }, "2026-01-18");
    const { markdown, fileName } = await getReadinessReport(as(viewer, "VIEWER"), "2026-01-18", new Date("2026-01-18T10:00:00Z"));
    expect(fileName).toBe("agent-platform-readiness-2026-01-18.md");
    expect(markdown).toContain("**Verdict: NO-GO**");
    expect(markdown).toContain("Readiness score: 58.0% (29/50 P1 items done)");
    expect(markdown).toContain("Open P1 blockers: 21 (89 h)");
    expect(markdown).toContain("Earliest launch (deterministic): 2026-01-30");
    expect(markdown).toMatch(/### P1 \(21 open, 89 h\)/);
    expect(markdown).toContain("Not ready: 21 blockers.");
  });
});

describe("blockers page data", () => {
  it("groups the 21 open P1 items and builds a burndown chart", async () => {
    const { getBlockersPage } = await import("../blockers/get-blockers");
    const d = await getBlockersPage(demo, "2026-01-18", { category: null, page: 1, pageSize: 50 });
    expect(d.blockers.blockingCount).toBe(21);
    expect(d.blockers.blockingHours).toBe(89);
    expect(d.readiness.blockers).toMatchObject({ open: 21, openHours: 89 });
    expect(d.blockers.items).toHaveLength(21);
    expect(d.blockers.categories.map((g) => [g.category, g.count])).toEqual([
      ["Infrastructure", 1], ["Security", 2], ["Performance", 3], ["Monitoring", 4], ["Backup & Recovery", 6], ["Documentation", 2], ["Operations", 3],
    ]);
    expect(d.chart.rows.find((r) => r.date === "2026-01-18")).toMatchObject({ remaining: 89, deterministic: 89 });
    expect(d.chart.rows.find((r) => r.date === "2026-01-30")).toMatchObject({ deterministic: 0 });
  });
});
