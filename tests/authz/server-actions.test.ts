import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/server/passwords";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

/**
 * Every server action × anonymous / viewer / engineer / lead / admin / member of another project →
 * the expected outcome. Actions are discovered from the "use server" files, so a new action fails
 * this test until it has an entry below. Each is called with an invalid input: a caller who passes
 * the role check gets `invalid_input`, proving the check ran first and nothing changed.
 */
let session: { user: { id: string } } | null = null;
vi.mock("next-auth", async (orig) => ({ ...(await orig<typeof import("next-auth")>()), getServerSession: async () => session }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Need = "VIEWER" | "ENGINEER" | "LEAD" | "ADMIN";
/** The role each action needs. Project actions take (slug, input); admin actions take (input). */
const ACTIONS: Record<string, { need: Need; project: boolean }> = {
  setDeferrableAction: { need: "LEAD", project: true },
  signDecisionAction: { need: "LEAD", project: true },
  acceptGateRiskAction: { need: "LEAD", project: true },
  revokeRiskAction: { need: "LEAD", project: true },
  createProjectAction: { need: "ADMIN", project: false },
  updateProjectSettingsAction: { need: "LEAD", project: true },
  createObjectiveAction: { need: "LEAD", project: true },
  updateObjectiveAction: { need: "LEAD", project: true },
  deleteObjectiveAction: { need: "LEAD", project: true },
  createCategoryAction: { need: "LEAD", project: true },
  updateCategoryAction: { need: "LEAD", project: true },
  moveCategoryAction: { need: "LEAD", project: true },
  deleteCategoryAction: { need: "LEAD", project: true },
  addMemberAction: { need: "LEAD", project: true },
  changeMemberRoleAction: { need: "LEAD", project: true },
  removeMemberAction: { need: "LEAD", project: true },
  createTokenAction: { need: "LEAD", project: true },
  revokeTokenAction: { need: "LEAD", project: true },
  setManagedByCodeAction: { need: "LEAD", project: true },
  createShareLinkAction: { need: "LEAD", project: true },
  revokeShareLinkAction: { need: "LEAD", project: true },
  createWebhookAction: { need: "LEAD", project: true },
  deleteWebhookAction: { need: "LEAD", project: true },
  sendTestWebhookAction: { need: "LEAD", project: true },
  updateItemAction: { need: "ENGINEER", project: true },
  createItemAction: { need: "LEAD", project: true },
  deleteItemAction: { need: "LEAD", project: true },
  bulkUpdateItemsAction: { need: "LEAD", project: true },
  acceptItemRiskAction: { need: "LEAD", project: true },
  revokeItemRiskAction: { need: "LEAD", project: true },
  createSeriesAction: { need: "LEAD", project: true },
  updateSeriesAction: { need: "LEAD", project: true },
  moveRunToSeriesAction: { need: "LEAD", project: true },
  updateRunBlockerSettingsAction: { need: "LEAD", project: true },
  confirmEvidenceAction: { need: "ENGINEER", project: true },
  createChangeMarkerAction: { need: "ENGINEER", project: true },
  updateCompareTolerancesAction: { need: "LEAD", project: true },
};

function discoverActions(): { file: string; name: string }[] {
  const out: { file: string; name: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.includes(".test.")) {
        const src = fs.readFileSync(p, "utf8");
        if (!/^\s*["']use server["']/.test(src)) continue;
        for (const m of src.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)) out.push({ file: p, name: m[1] });
      }
    }
  };
  for (const root of ["app", "components", "lib"]) walk(root);
  return out;
}

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "matrix-pass");
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET = "test-secret-test-secret";
  for (const u of await t.db.user.findMany()) ids[u.email.split("@")[0]] = u.id;
  const other = await t.db.project.create({ data: { slug: "other", name: "Other" } });
  const outsider = await t.db.user.create({ data: { email: "outsider@example.com", name: "Outsider", passwordHash: await hashPassword("x-password") } });
  await t.db.membership.create({ data: { projectId: other.id, userId: outsider.id, role: "LEAD" } });
  ids.outsider = outsider.id;
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

const CALLERS = ["anonymous", "viewer", "engineer", "lead", "admin", "outsider"] as const;
const RANK: Record<string, number> = { viewer: 1, engineer: 2, lead: 3, admin: 4 };
const NEED_RANK: Record<Need, number> = { VIEWER: 1, ENGINEER: 2, LEAD: 3, ADMIN: 4 };

function expected(caller: (typeof CALLERS)[number], need: Need, project: boolean): string {
  if (caller === "anonymous") return "unauthorized";
  if (caller === "outsider") return project ? "not_found" : "forbidden";
  return RANK[caller] >= NEED_RANK[need] ? "invalid_input" : "forbidden";
}

describe("server actions authorization matrix", () => {
  it("has an entry for every server action", () => {
    const names = discoverActions().map((a) => a.name);
    expect(names.filter((n) => !(n in ACTIONS)), "add these to ACTIONS in tests/authz/server-actions.test.ts").toEqual([]);
    expect(Object.keys(ACTIONS).filter((n) => !names.includes(n)), "stale entries").toEqual([]);
  });

  it("answers every caller as expected and changes nothing", async () => {
    const before = await t.db.auditLog.count();
    const failures: string[] = [];
    for (const { file, name } of discoverActions()) {
      const mod = (await import(path.resolve(file))) as Record<string, (...a: unknown[]) => Promise<{ ok: boolean; error?: { code: string } }>>;
      const spec = ACTIONS[name];
      for (const caller of CALLERS) {
        session = caller === "anonymous" ? null : { user: { id: ids[caller] } };
        const res = spec.project ? await mod[name]("agent-platform", {}) : await mod[name]({});
        const got = res.ok ? "ok" : res.error!.code;
        const want = expected(caller, spec.need, spec.project);
        if (got !== want) failures.push(`${name} as ${caller}: got ${got}, want ${want}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await t.db.auditLog.count()).toBe(before);
  });
});
