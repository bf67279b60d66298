import { spawn, type ChildProcess } from "node:child_process";
import type { Browser } from "@playwright/test";
import { test, expect, screenshot } from "../fixtures";
import { e2eDatabaseUrl, query, startAppInstance } from "../server-tools";

/**
 * OpenID Connect sign-in through the browser against a real provider (the `oidc-provider`
 * package) on loopback, with a second app instance configured for it and password login off.
 */
const APP_PORT = Number(process.env.E2E_PORT || 3210) + 100;
const IDP_PORT = Number(process.env.E2E_PORT || 3210) + 200;
const APP = `http://127.0.0.1:${APP_PORT}`;

let idp: ChildProcess;
let app: Awaited<ReturnType<typeof startAppInstance>>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  idp = spawn(process.execPath, ["e2e/oidc/test-provider.mjs", String(IDP_PORT), `${APP}/api/auth/callback/oidc`], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    idp.stdout!.on("data", (d: Buffer) => { if (d.toString().includes("READY")) resolve(); });
    idp.once("exit", (c) => reject(new Error(`the OIDC provider exited ${c}`)));
  });
  app = await startAppInstance(APP_PORT, e2eDatabaseUrl(), {
    OIDC_ISSUER: `http://127.0.0.1:${IDP_PORT}`, OIDC_CLIENT_ID: "launchgate-e2e", OIDC_CLIENT_SECRET: "launchgate-e2e-secret-0123456789",
    OIDC_NAME: "Corp SSO", OIDC_ALLOWED_DOMAINS: "corp.example", OIDC_DEFAULT_ROLE: "VIEWER", OIDC_DEFAULT_PROJECTS: "agent-platform",
    OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "launchgate-leads=LEAD", LAUNCHGATE_PASSWORD_LOGIN: "0", LAUNCHGATE_WEBHOOK_WORKER: "0",
  });
});
test.afterAll(async () => {
  await app?.stop();
  idp?.kill("SIGTERM");
});

/** Signs in at the provider's development login form as `login` (any password). */
async function ssoLogin(browser: Browser, login: string) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${APP}/login`);
  await page.getByRole("button", { name: "Sign in with Corp SSO" }).click();
  await page.waitForURL((u) => u.port === String(IDP_PORT), { timeout: 90_000 });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  // Back through the app's callback (token exchange, first-login provisioning) to the app.
  await page.waitForURL((u) => u.port === String(APP_PORT) && !u.pathname.startsWith("/api/auth"), { timeout: 120_000, waitUntil: "commit" });
  return { ctx, page };
}

const membership = (email: string) => query<{ role: string; passwordHash: string }>(
  `SELECT m.role, u."passwordHash" FROM "User" u LEFT JOIN "Membership" m ON m."userId" = u.id LEFT JOIN "Project" p ON p.id = m."projectId" WHERE u.email = $1 AND (p.slug = 'agent-platform' OR p.slug IS NULL)`, [email]);

test.describe("OpenID Connect sign-in", () => {
  // The whole flow runs through two servers and a browser on a shared, loaded machine.
  test.describe.configure({ timeout: 240_000 });
  test("password sign-in is off: the login page offers only single sign-on", async ({ page, playwright }) => {
    await page.goto(`${APP}/login`);
    await expect(page.getByRole("button", { name: "Sign in with Corp SSO" })).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await screenshot(page, "oidc-login");
    const api = await playwright.request.newContext({ baseURL: APP });
    expect(Object.keys(await (await api.get("/api/auth/providers")).json())).toEqual(["oidc"]);
    await api.dispose();
  });

  test("first login creates the user with the mapped role; logout ends the session", async ({ browser }) => {
    await query(`DELETE FROM "User" WHERE email = 'alice@corp.example'`);
    const { ctx, page } = await ssoLogin(browser, "alice");
    await expect(page).toHaveURL(`${APP}/`);
    await expect(page.getByText("Alice Corp")).toBeVisible({ timeout: 60_000 });
    const rows = await membership("alice@corp.example");
    expect(rows).toEqual([{ role: "LEAD", passwordHash: "!oidc" }]);
    await page.goto(`${APP}/projects/agent-platform/settings`);
    await expect(page.getByRole("form", { name: "Create share link" })).toBeVisible(); // a lead's settings
    await screenshot(page, "oidc-signed-in");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname === "/login");
    await page.goto(`${APP}/projects/agent-platform`);
    await expect(page).toHaveURL(/\/login/);
    await ctx.close();

    // A second login finds the same user (no duplicate).
    const again = await ssoLogin(browser, "alice");
    await expect(again.page.getByText("Alice Corp")).toBeVisible({ timeout: 60_000 });
    expect((await query(`SELECT count(*)::int AS n FROM "User" WHERE email = 'alice@corp.example'`))[0].n).toBe(1);
    await again.ctx.close();
  });

  test("a user whose groups map to nothing gets the default role", async ({ browser }) => {
    await query(`DELETE FROM "User" WHERE email = 'carol@corp.example'`);
    const { ctx, page } = await ssoLogin(browser, "carol");
    await expect(page.getByText("Carol Corp")).toBeVisible({ timeout: 60_000 });
    expect(await membership("carol@corp.example")).toEqual([{ role: "VIEWER", passwordHash: "!oidc" }]);
    await page.goto(`${APP}/projects/agent-platform/settings`);
    await expect(page.getByTestId("leads-only")).toBeVisible();
    await ctx.close();
  });

  test("an email outside the allowed domains is refused and no user is created", async ({ browser }) => {
    const { ctx, page } = await ssoLogin(browser, "bob");
    await expect(page).toHaveURL(/\/login\?error=DomainNotAllowed/);
    await expect(page.locator("#login-error")).toHaveText("Your email's domain may not sign in to Launchgate. Ask an administrator.");
    expect(await query(`SELECT id FROM "User" WHERE email = 'bob@other.example'`)).toEqual([]);
    await page.goto(`${APP}/`);
    await expect(page).toHaveURL(/\/login/);
    await screenshot(page, "oidc-refused");
    await ctx.close();
  });
});
