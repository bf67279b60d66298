import { test as base, expect, request as pwRequest, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.LAUNCHGATE_DEMO_PASSWORD || "e2e-demo-password";
export const SLUG = "agent-platform";
export type DemoUser = "admin" | "lead" | "engineer" | "viewer";

/** Signs in over HTTP (next-auth credentials) and returns a request context holding the session. */
export async function apiAs(baseURL: string, who: DemoUser | { email: string; password: string }): Promise<APIRequestContext> {
  const ctx = await pwRequest.newContext({ baseURL });
  const creds = typeof who === "string" ? { email: `${who}@example.com`, password: DEMO_PASSWORD } : who;
  const csrf = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: creds.email, password: creds.password, json: "true" },
  });
  expect(res.status()).toBeLessThan(400);
  const session = await (await ctx.get("/api/auth/session")).json();
  expect(session?.user?.email, `signed in as ${creds.email}`).toBe(creds.email);
  return ctx;
}

/** Signs a page in through the real login form. */
export async function loginPage(page: Page, who: DemoUser): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(`${who}@example.com`);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

export const test = base;
export { expect };
