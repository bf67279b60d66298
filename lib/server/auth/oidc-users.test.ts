import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuthEnv } from "@/lib/server/env";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const env = getAuthEnv({
  OIDC_ISSUER: "https://sso.example.com", OIDC_CLIENT_ID: "lg", OIDC_CLIENT_SECRET: "s", OIDC_ALLOWED_DOMAINS: "corp.example",
  OIDC_DEFAULT_ROLE: "VIEWER", OIDC_DEFAULT_PROJECTS: "agent-platform", OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "leads=LEAD,admins=ADMIN",
});

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "oidc-users-test");
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

const roleOf = async (email: string) =>
  (await t.db.membership.findMany({ where: { user: { email }, project: { slug: "agent-platform" } }, select: { role: true } })).map((m) => m.role);

describe("signInOidcUser", () => {
  it("creates a user at first login with the mapped role, and finds the same user later", async () => {
    const { signInOidcUser } = await import("./oidc-users");
    const a = await signInOidcUser({ email: "Alice@corp.example", email_verified: true, name: "Alice", groups: ["leads"] }, env);
    expect(a).toMatchObject({ ok: true, created: true, isAdmin: false });
    expect(await roleOf("alice@corp.example")).toEqual(["LEAD"]);
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "alice@corp.example" } });
    expect(user.passwordHash).toBe("!oidc");
    const again = await signInOidcUser({ email: "alice@corp.example", groups: [] }, env);
    expect(again).toMatchObject({ ok: true, created: false, userId: user.id });
    expect(await roleOf("alice@corp.example")).toEqual(["LEAD"]); // no match later: the role is kept
  });

  it("gives the default role when nothing maps, ADMIN makes an administrator, and refuses bad identities", async () => {
    const { signInOidcUser } = await import("./oidc-users");
    expect(await signInOidcUser({ email: "carol@corp.example", groups: ["staff"] }, env)).toMatchObject({ ok: true, created: true });
    expect(await roleOf("carol@corp.example")).toEqual(["VIEWER"]);
    expect(await signInOidcUser({ email: "dan@corp.example", groups: ["admins"] }, env)).toMatchObject({ ok: true, isAdmin: true });
    expect(await signInOidcUser({ email: "bob@other.example", groups: ["leads"] }, env)).toEqual({ ok: false, reason: "domain" });
    expect(await signInOidcUser({ email: "eve@corp.example", email_verified: false }, env)).toEqual({ ok: false, reason: "email" });
    expect(await signInOidcUser({ sub: "x" }, env)).toEqual({ ok: false, reason: "email" });
    expect(await t.db.user.count({ where: { email: { in: ["bob@other.example", "eve@corp.example"] } } })).toBe(0);
    await t.db.user.update({ where: { email: "carol@corp.example" }, data: { disabledAt: new Date() } });
    expect(await signInOidcUser({ email: "carol@corp.example" }, env)).toEqual({ ok: false, reason: "disabled" });
  });
});
