import { test, expect, apiAs, DEMO_PASSWORD } from "../fixtures";

test.describe("foundation over HTTP", () => {
  test("health says ok with the database up", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  test("security headers are set on every response", async ({ request }) => {
    const res = await request.get("/login");
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-powered-by"]).toBeUndefined();
  });

  test("anonymous page visits are sent to the login page", async ({ request }) => {
    const res = await request.get("/projects/agent-platform", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()["location"]).toContain("/login");
  });

  test("each demo user signs in with the demo password; a wrong password does not", async ({ baseURL }) => {
    for (const who of ["admin", "lead", "engineer", "viewer"] as const) {
      const ctx = await apiAs(baseURL!, who);
      const page = await ctx.get("/");
      expect(page.status()).toBe(200);
      expect(await page.text()).toContain("Agent platform");
      await ctx.dispose();
    }
    await expect(apiAs(baseURL!, { email: "lead@example.com", password: DEMO_PASSWORD + "x" })).rejects.toThrow();
  });

  test("the session cookie is httpOnly and SameSite=Lax (and Secure when NEXTAUTH_URL is https)", async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL });
    const csrf = await (await ctx.get("/api/auth/csrf")).json();
    const res = await ctx.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email: "viewer@example.com", password: DEMO_PASSWORD, json: "true" },
      maxRedirects: 0,
    });
    const cookies = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    const session = cookies.find((c) => c.startsWith("next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    await ctx.dispose();
  });

  test("login attempts are throttled per email", async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL });
    let last = "";
    for (let i = 0; i < 12; i++) {
      const csrf = await (await ctx.get("/api/auth/csrf")).json();
      const res = await ctx.post("/api/auth/callback/credentials", {
        form: { csrfToken: csrf.csrfToken, email: "throttle-probe@example.com", password: "wrong", json: "true" },
      });
      last = res.url() + (await res.text());
    }
    expect(last).toContain("Throttled");
    await ctx.dispose();
  });

  test("a project the user is not in is a 404", async ({ baseURL }) => {
    const ctx = await apiAs(baseURL!, "viewer");
    expect((await ctx.get("/projects/does-not-exist")).status()).toBe(404);
    await ctx.dispose();
  });
});
