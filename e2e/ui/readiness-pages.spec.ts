import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, loginPage, apiAs, screenshot, SLUG, DEMO_PASSWORD, type DemoUser } from "../fixtures";
import { startAppInstance, startFaultDb as startDb, stopFaultDb as stopDb } from "../server-tools";

const AS_OF = "2026-01-18";
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function expectNoHorizontalOverflow(page: Page, what: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${what}: page is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

test.describe("readiness pages", () => {
  test("a viewer reads Go/No-Go: NO-GO with the gate reasons, and cannot change anything", async ({ page, baseURL }) => {
    await loginPage(page, "viewer");
    await page.goto(`/projects/${SLUG}/go-no-go?asOf=${AS_OF}`);
    await expect(page.getByTestId("verdict")).toHaveText("NO-GO");
    await expect(page.getByTestId("gate-open-p1")).toContainText("21 open P1 items (89 h) block launch");
    await expect(page.getByTestId("gate-anomaly")).toHaveAttribute("data-status", "fail");
    await expect(page.getByTestId("gate-anomaly")).toContainText("non-monotonic");
    await expect(page.getByTestId("gate-objectives")).toHaveAttribute("data-status", "fail");
    await expect(page.getByTestId("gate-capacity")).toHaveAttribute("data-status", "pass");
    await expect(page.getByRole("button", { name: "Sign decision" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Accept risk/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

    await page.goto(`/projects/${SLUG}/settings`);
    await expect(page.getByTestId("leads-only")).toBeVisible();
    for (const form of ["Project settings", "Add objective", "Add category", "Add member", "Create API token"]) {
      await expect(page.getByRole("form", { name: form })).toHaveCount(0);
    }
    await expect(page.getByText("Leads only: ask a lead of this project for a token.")).toBeVisible();

    // The server refuses what the page hides.
    const api = await apiAs(baseURL!, "viewer");
    const headers = { origin: baseURL! };
    expect((await api.post(`/api/v1/projects/${SLUG}/decisions`, { data: { comment: "I should not be able to sign" }, headers })).status()).toBe(403);
    expect((await api.post(`/api/v1/projects/${SLUG}/gates/anomaly/risk-acceptance`, { data: { mitigation: "nope", expiresOn: inDays(3) }, headers })).status()).toBe(403);
    expect((await api.get(`/api/v1/projects/${SLUG}/tokens`)).status()).toBe(403);
    await api.dispose();
  });

  test("the overview shows the scenario's figures with the category chart", async ({ page }) => {
    await loginPage(page, "lead");
    await page.goto(`/projects/${SLUG}?asOf=${AS_OF}`);
    await expect(page.getByTestId("overall-score")).toHaveText("58.0%");
    await expect(page.getByTestId("open-blockers")).toHaveText("21");
    await expect(page.getByTestId("open-blocker-hours")).toHaveText("89 h");
    await expect(page.getByTestId("deterministic-date")).toHaveText("2026-01-30");
    await expect(page.getByTestId("verdict")).toHaveText("NO-GO");
    await expect(page.locator("#scores .recharts-bar-rectangle")).toHaveCount(7);
    await expect(page.locator("#scores")).toContainText("GO 90%");
    await expect(page.locator("#capacity")).toContainText("Safe capacity 200 users covers");
    await expect(page.locator("#stability")).toContainText("DEGRADED");
    // The date picker changes the as-of day.
    await page.getByLabel("As of").fill("2026-01-20");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/asOf=2026-01-20/);
    await expect(page.getByTestId("deterministic-date")).toHaveText("2026-02-01");
  });

  test("a lead accepts a gate's risk, signs a decision that appears in the history, and revokes the waiver", async ({ page }) => {
    await loginPage(page, "lead");
    await page.goto(`/projects/${SLUG}/go-no-go`);
    const gate = page.getByTestId("gate-anomaly");
    await expect(gate).toHaveAttribute("data-status", "fail");
    await gate.getByRole("button", { name: /Accept risk/ }).click();
    await gate.getByRole("button", { name: "Accept risk", exact: true }).click();
    await expect(gate.getByText("Describe the mitigation (at least 3 characters).")).toBeVisible();
    await gate.getByLabel("Mitigation").fill("Rerun the 300-user test next week; alert on error rate above 1%");
    await gate.getByLabel("Expires on").fill(inDays(30));
    await gate.getByRole("button", { name: "Accept risk", exact: true }).click();
    await expect(gate).toHaveAttribute("data-status", "waived");
    await expect(gate).toContainText(`risk accepted until ${inDays(30)}`);
    const waivers = page.getByRole("list", { name: "Gate waivers" });
    await expect(waivers).toContainText("Rerun the 300-user test next week");

    await page.getByRole("button", { name: "Sign decision" }).click();
    const form = page.getByRole("form", { name: "Sign decision" });
    await form.getByRole("radio", { name: "GO", exact: true }).check();
    await form.getByLabel("Comment").fill("Ship it");
    await form.getByRole("button", { name: "Sign GO" }).click();
    await expect(form.getByText(/needs a comment of at least 20 characters/)).toBeVisible();
    await form.getByRole("radio", { name: "NO-GO (computed)" }).check();
    const comment = `Not ready: blockers remain (${Date.now()})`;
    await form.getByLabel("Comment").fill(comment);
    await form.getByRole("button", { name: "Sign NO-GO" }).click();
    const history = page.getByTestId("decision-history");
    await expect(history).toContainText(comment);
    await expect(history.locator("li").first()).toContainText("Lee Lead");
    await expect(history.locator("li").first()).toContainText("NO-GO");

    page.once("dialog", (d) => void d.accept());
    await waivers.getByRole("button", { name: /Revoke acceptance/ }).first().click();
    await expect(page.getByTestId("gate-anomaly")).toHaveAttribute("data-status", "fail");
  });

  test("the Markdown report downloads", async ({ page, baseURL }) => {
    await loginPage(page, "viewer");
    await page.goto(`/projects/${SLUG}/go-no-go?asOf=${AS_OF}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download report (Markdown)" }).click()]);
    expect(download.suggestedFilename()).toBe(`${SLUG}-readiness-${AS_OF}.md`);
    const stream = await download.createReadStream();
    let text = "";
    for await (const chunk of stream) text += chunk.toString();
    expect(text).toContain("# Readiness report: Agent platform");
    expect(text).toContain("**Verdict: NO-GO**");
    expect(text).toContain("Readiness score: 58.0% (29/50 P1 items done)");

    const api = await apiAs(baseURL!, "viewer");
    const res = await api.get(`/api/v1/projects/${SLUG}/report.md?asOf=${AS_OF}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(res.headers()["content-disposition"]).toContain("attachment");
    expect((await api.get(`/api/v1/projects/${SLUG}/report.md?asOf=nope`)).status()).toBe(422);
    await api.dispose();
  });

  test("blockers: what-if for a viewer stays local; a lead's deferrable mark moves the conditional date", async ({ page }) => {
    await loginPage(page, "viewer");
    await page.goto(`/projects/${SLUG}/blockers?asOf=${AS_OF}`);
    await expect(page.locator("#burndown path.recharts-line-curve[name=\"Forecast: deterministic\"]").first()).toBeVisible();
    await expect(page.locator("#open")).toContainText("21 items, 89 h");
    const first = page.getByRole("checkbox", { name: "Defer (what-if)" }).first();
    await first.check();
    await expect(page.getByTestId("what-if-date")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
    await page.reload();
    await expect(page.getByTestId("what-if-date")).toHaveCount(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await loginPage(page, "lead");
    await page.goto(`/projects/${SLUG}/blockers`);
    const box = page.getByRole("checkbox", { name: "Deferrable" }).first();
    await box.check();
    await expect(page.getByTestId("what-if-date")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /^Saved:/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Deferrable" }).first()).toBeChecked();
    await expect(page.locator("main")).toContainText("1 deferred");
    await page.getByRole("checkbox", { name: "Deferrable" }).first().uncheck();
    await expect(page.getByTestId("what-if-date")).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: /no longer deferrable/ })).toBeVisible();
  });

  test("settings: a lead's stale form gets a conflict; validation explains bad thresholds", async ({ browser }) => {
    const a = await browser.newPage();
    const b = await browser.newPage();
    await loginPage(a, "lead");
    await loginPage(b, "admin");
    await a.goto(`/projects/${SLUG}/settings`);
    await b.goto(`/projects/${SLUG}/settings`);
    const fa = a.getByRole("form", { name: "Project settings" });
    await fa.getByLabel("Yellow P95 below (ms)").fill("50");
    await fa.getByLabel("Score for CONDITIONAL GO (%)").fill("95");
    await fa.getByRole("button", { name: "Save settings" }).click();
    await expect(fa.getByText("yellow P95 must be above green P95")).toBeVisible();
    await expect(fa.getByText("the conditional threshold must not exceed the GO threshold")).toBeVisible();
    await fa.getByLabel("Yellow P95 below (ms)").fill("500");
    await fa.getByLabel("Score for CONDITIONAL GO (%)").fill("80");

    const fb = b.getByRole("form", { name: "Project settings" });
    await fb.getByLabel("Team hours per working day").fill("8.5");
    await fb.getByRole("button", { name: "Save settings" }).click();
    await expect(fb.getByText("Saved.")).toBeVisible();

    await fa.getByLabel("Expected production users").fill("120");
    await fa.getByRole("button", { name: "Save settings" }).click();
    await expect(fa.getByRole("alert")).toContainText("Someone else changed these settings");

    // Put the scenario's value back.
    await b.reload();
    await b.getByRole("form", { name: "Project settings" }).getByLabel("Team hours per working day").fill("8");
    await b.getByRole("form", { name: "Project settings" }).getByRole("button", { name: "Save settings" }).click();
    await expect(b.getByText("Saved.")).toBeVisible();
    await a.close();
    await b.close();
  });

  test("a member of another project is refused agent-platform (404 on pages and API)", async ({ page, baseURL, playwright }) => {
    const slug = `second-${Date.now().toString(36)}`;
    await loginPage(page, "admin");
    await page.goto("/");
    await page.getByRole("button", { name: "New project" }).click();
    const form = page.getByRole("form", { name: "New project" });
    await form.getByLabel("Name").fill("Second project");
    await form.getByLabel("Slug (in the URL)").fill("Bad Slug");
    await form.getByRole("button", { name: "Create project" }).click();
    await expect(form.getByText(/slug may use lowercase letters/)).toBeVisible();
    await form.getByLabel("Slug (in the URL)").fill(slug);
    // An empty project (the form preselects the web-service template).
    await form.getByLabel("Start from").selectOption("");
    await form.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${slug}$`));
    await expect(page.getByTestId("overall-score")).toHaveText("—");
    await expect(page.getByText("No P1 items yet")).toBeVisible();
    await expectNoHorizontalOverflow(page, "empty overview");
    await screenshot(page, "readiness-overview-empty");
    await page.goto(`/projects/${slug}/blockers`);
    await expect(page.getByText("No history yet")).toBeVisible();
    await page.goto(`/projects/${slug}/go-no-go`);
    await expect(page.getByText("No decision signed yet.")).toBeVisible();

    await page.goto(`/projects/${slug}/settings`);
    const email = `outsider-${Date.now().toString(36)}@example.com`;
    const add = page.getByRole("form", { name: "Add member" });
    await add.getByLabel("Email").fill(email);
    await add.getByLabel("Role").selectOption("LEAD");
    await add.getByRole("button", { name: "Add member" }).click();
    const password = (await page.getByTestId("generated-password").textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await expect(page.getByRole("list", { name: "Members" })).toContainText(email);

    const outsider = await apiAs(baseURL!, { email, password });
    expect((await outsider.get(`/projects/${slug}`)).status()).toBe(200);
    for (const path of [`/projects/${SLUG}`, `/projects/${SLUG}/go-no-go`, `/projects/${SLUG}/settings`, `/projects/${SLUG}/blockers`]) {
      expect((await outsider.get(path)).status(), path).toBe(404);
    }
    for (const path of [`/api/v1/projects/${SLUG}/readiness`, `/api/v1/projects/${SLUG}/report.md`, `/api/v1/projects/${SLUG}/decisions`]) {
      expect((await outsider.get(path)).status(), path).toBe(404);
    }
    expect((await outsider.post(`/api/v1/projects/${SLUG}/decisions`, { data: { comment: "let me in please" }, headers: { origin: baseURL! } })).status()).toBe(404);
    const home = await outsider.get("/");
    const html = await home.text();
    expect(html).toContain("Second project");
    expect(html).not.toContain("Agent platform");

    // Removed from their only project, the portfolio shows the empty state.
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: `Remove ${email}` }).click();
    await expect(page.getByRole("list", { name: "Members" })).not.toContainText(email);
    expect(await (await outsider.get("/")).text()).toContain("You are not a member of any project yet.");
    expect((await outsider.get(`/projects/${slug}`)).status()).toBe(404);
    await outsider.dispose();
    void playwright;
  });

  for (const viewport of [{ name: "desktop", width: 1280, height: 800 }, { name: "mobile", width: 390, height: 844 }]) {
    test(`screenshots at ${viewport.width}×${viewport.height}, without overflow`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await loginPage(page, "lead" as DemoUser);
      const pages: [string, string][] = [
        ["portfolio", "/"],
        ["overview", `/projects/${SLUG}?asOf=${AS_OF}`],
        ["blockers", `/projects/${SLUG}/blockers?asOf=${AS_OF}`],
        ["go-no-go", `/projects/${SLUG}/go-no-go?asOf=${AS_OF}`],
        ["settings", `/projects/${SLUG}/settings`],
      ];
      for (const [name, url] of pages) {
        await page.goto(url);
        await expect(page.locator("main").first()).toBeVisible();
        await expect(page.getByText("Something went wrong")).toHaveCount(0);
        if (name === "overview") await expect(page.locator("#scores .recharts-bar-rectangle").first()).toBeVisible();
        if (name === "blockers") await expect(page.locator("#burndown path.recharts-line-curve[name=\"Forecast: deterministic\"]").first()).toBeVisible();
        await expectNoHorizontalOverflow(page, name);
        await screenshot(page, `readiness-${name}-${viewport.name}`);
        if (name === "go-no-go" && viewport.name === "desktop") {
          await page.emulateMedia({ media: "print" });
          await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
          await expect(page.getByRole("navigation", { name: "Project" })).toBeHidden();
          await screenshot(page, "readiness-go-no-go-print");
          await page.emulateMedia({ media: "screen" });
        }
      }
      expect(today()).toMatch(/^\d{4}/);
    });
  }
});

test("the burndown today: ideal line to the target date, forecast lines and added scope apart", async ({ page, baseURL }) => {
  await loginPage(page, "lead");
  await page.goto(`/projects/${SLUG}/settings`);
  const form = page.getByRole("form", { name: "Project settings" });
  await form.getByLabel("Target launch date").fill(inDays(30));
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();

  const api = await apiAs(baseURL!, "lead");
  const items = await (await api.get(`/api/v1/projects/${SLUG}/items?priority=P1&pageSize=1`)).json();
  const created = await api.post(`/api/v1/projects/${SLUG}/items`, {
    data: { title: "Added today: load-balancer health checks", categoryId: items.items[0].categoryId, priority: "P1", estimateHours: 5 },
    headers: { origin: baseURL! },
  });
  expect(created.status()).toBe(201);
  await api.dispose();

  await page.goto(`/projects/${SLUG}/blockers`);
  await expect(page.locator("#burndown")).toContainText(`Ideal line to the target ${inDays(30)}`);
  // Other specs may add P1 work to the demo the same day: at least this item's 5 h show as added.
  await expect(page.locator("#burndown")).toContainText(/\d+(\.\d+)? h of scope added after the first day/);
  const added = Number(/([\d.]+) h of scope added after the first day/.exec(await page.locator("#burndown").innerText())![1]);
  expect(added).toBeGreaterThanOrEqual(5);
  await expect(page.locator('#burndown path.recharts-line-curve[name="Ideal (to target date)"]')).toBeVisible();
  await expect(page.locator('#burndown path.recharts-line-curve[name="Remaining P1 hours"]')).toBeVisible();
  await expect(page.locator("#burndown .recharts-bar-rectangle").first()).toBeAttached();
  await expect(page.locator("#open")).toContainText("22 items, 94 h");
  await expectNoHorizontalOverflow(page, "blockers today");
  await screenshot(page, "readiness-blockers-today-desktop");
});

test("a database outage shows 'database unavailable, retrying' and the page comes back by itself", async ({ page }) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "launchgate-ui-fault-"));
  fs.chmodSync(dir, 0o755);
  const dbPort = 30000 + Math.floor(Math.random() * 5000);
  let db = await startDb(dir, dbPort);
  const app = await startAppInstance(3450 + Math.floor(Math.random() * 40), db.url, { DATABASE_POOL_TIMEOUT_MS: "1500" });
  try {
    await page.goto(`${app.url}/login`);
    await page.getByLabel("Email").fill("viewer@example.com");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await page.goto(`${app.url}/projects/${SLUG}/go-no-go`);
    await expect(page.getByTestId("verdict")).toHaveText("NO-GO");

    await stopDb(db.proc);
    await expect.poll(async () => (await fetch(`${app.url}/api/health`)).status, { timeout: 30_000 }).toBe(503);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Database unavailable, retrying" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    await screenshot(page, "readiness-database-down");

    db = await startDb(dir, dbPort);
    await expect(page.getByTestId("verdict")).toHaveText("NO-GO", { timeout: 60_000 });
  } finally {
    await app.stop();
    await stopDb(db.proc);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
