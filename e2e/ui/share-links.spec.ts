import { test, expect, loginPage, apiAs, screenshot, SLUG } from "../fixtures";
import { query } from "../server-tools";

test.describe("read-only share links", () => {
  test("a lead shares Go/No-Go with someone without an account; views are logged; revoked and expired links are 404", async ({ page, browser, baseURL }) => {
    await loginPage(page, "lead");
    await page.goto(`/projects/${SLUG}/settings`);
    const form = page.getByRole("form", { name: "Create share link" });
    await form.getByLabel("Expires in days").fill("0");
    await form.getByRole("button", { name: "Create link" }).click();
    await expect(page.getByText("Days must be a whole number from 1 to 365.")).toBeVisible();
    await form.getByLabel("Expires in days").fill("3");
    await form.getByRole("button", { name: "Create link" }).click();
    const url = (await page.getByTestId("new-share-link").textContent())!.trim();
    expect(url).toMatch(new RegExp(`^${baseURL}/share/[A-Za-z0-9_-]{43}$`));
    await screenshot(page, "share-links-settings");

    // A stranger: no session at all.
    const stranger = await browser.newContext();
    const sp = await stranger.newPage();
    const res = await sp.goto(url);
    expect(res!.status()).toBe(200);
    await expect(sp.getByTestId("verdict")).toHaveText("NO-GO");
    await expect(sp.getByTestId("shared-project")).toContainText(/agent platform/i);
    await expect(sp.getByTestId("gate-open-p1")).toContainText("open P1 item");
    // Nothing else: no navigation to other pages, no forms, no sign-in, no mutations.
    const hrefs = await sp.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.every((h) => h!.startsWith("/share/"))).toBe(true);
    expect(hrefs).toContain(`${new URL(url).pathname}/report.md`);
    await expect(sp.locator("form")).toHaveCount(0);
    await expect(sp.getByRole("button")).toHaveText(["Print"]);
    await screenshot(sp, "share-link-page");

    const report = await sp.request.get(`${url}/report.md`);
    expect(report.status()).toBe(200);
    expect(report.headers()["content-type"]).toContain("text/markdown");
    expect(await report.text()).toContain("NO-GO");
    // The link opens nothing else of the app.
    expect((await sp.request.get(`/projects/${SLUG}`, { maxRedirects: 0 })).status()).toBe(307);
    expect((await sp.request.get(`/api/v1/projects/${SLUG}/readiness`)).status()).toBe(401);

    const views = await query<{ path: string; clientIp: string }>(
      `SELECT v.path, v."clientIp" FROM "ShareLinkView" v JOIN "ShareLink" l ON l.id = v."shareLinkId" WHERE l."tokenHash" = encode(sha256($1::bytea), 'hex') ORDER BY v.id`,
      [url.split("/share/")[1]],
    );
    expect(views.map((v) => v.path)).toEqual(["page", "report.md"]);
    expect(views[0].clientIp).toBeTruthy();

    await page.reload();
    const item = page.getByTestId("share-link").filter({ hasText: "active" }).first();
    await expect(item).toContainText("2 views");
    page.once("dialog", (d) => void d.accept());
    await item.getByRole("button", { name: /Revoke share link/ }).click();
    await expect(page.getByTestId("share-link").first()).toContainText("revoked");

    const gone = await sp.goto(url);
    expect(gone!.status()).toBe(404);
    await expect(sp.getByText("This link does not work")).toBeVisible();
    expect((await sp.request.get(`${url}/report.md`)).status()).toBe(404);
    await screenshot(sp, "share-link-revoked");
    await stranger.close();
  });

  test("the API creates, lists and revokes links; an expired link is 404", async ({ playwright, baseURL }) => {
    const lead = await apiAs(baseURL!, "lead");
    const headers = { origin: baseURL! };
    const bad = await lead.post(`/api/v1/projects/${SLUG}/share-links`, { headers, data: { expiresInDays: 0 } });
    expect(bad.status()).toBe(422);
    const created = await lead.post(`/api/v1/projects/${SLUG}/share-links`, { headers, data: { expiresInDays: 2 } });
    expect(created.status()).toBe(201);
    const body = await created.json();
    expect(Object.keys(body).sort()).toEqual(["expiresAt", "id", "url"]);
    const list = await (await lead.get(`/api/v1/projects/${SLUG}/share-links`)).json();
    const listed = list.shareLinks.find((l: { id: string }) => l.id === body.id);
    expect(listed.status).toBe("active");
    expect(JSON.stringify(list)).not.toContain(body.url.split("/share/")[1]);

    const anon = await playwright.request.newContext({ baseURL });
    expect((await anon.get(body.url)).status()).toBe(200);
    await query(`UPDATE "ShareLink" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [body.id]);
    expect((await anon.get(body.url)).status()).toBe(404);
    expect((await anon.get(`${body.url}/report.md`)).status()).toBe(404);

    const other = await lead.post(`/api/v1/projects/${SLUG}/share-links`, { headers, data: { expiresInDays: 1 } });
    const o = await other.json();
    expect((await lead.delete(`/api/v1/projects/${SLUG}/share-links/${o.id}`, { headers })).status()).toBe(204);
    expect((await lead.delete(`/api/v1/projects/${SLUG}/share-links/${o.id}`, { headers })).status()).toBe(404);
    expect((await anon.get(o.url)).status()).toBe(404);
    await anon.dispose();
    await lead.dispose();
  });
});
