import { verifyWebhookSignature } from "../../lib/domain/webhooks/sign";
import { startReceiver } from "../../lib/server/webhooks/test-receiver";
import { test, expect, loginPage, apiAs, screenshot } from "../fixtures";
import { ensureScratchProject } from "../server-tools";

const SLUG = "webhooks-e2e";

test.describe("webhooks", () => {
  test("a lead adds an endpoint in settings; the app's worker delivers a signed test event (retrying a 500) and a signed decision; the log shows it", async ({ page, baseURL }) => {
    test.setTimeout(150_000);
    await ensureScratchProject(SLUG, "Webhooks e2e");
    const rx = await startReceiver({ failFirst: 1 });
    try {
      await loginPage(page, "lead");
      await page.goto(`/projects/${SLUG}/settings`);
      const form = page.getByRole("form", { name: "Add webhook" });
      await form.getByRole("button", { name: "Add webhook" }).click();
      await expect(form.getByText("Enter an http:// or https:// URL.")).toBeVisible();
      await form.getByLabel("Endpoint URL").fill(rx.url);
      await form.getByRole("button", { name: "Generate" }).click();
      const secret = await form.getByLabel("Signing secret").inputValue();
      expect(secret).toMatch(/^[0-9a-f]{48}$/);
      await form.getByRole("button", { name: "Add webhook" }).click();
      const hook = page.getByTestId("webhook").filter({ hasText: rx.url });
      await expect(hook).toContainText("all events");

      await hook.getByRole("button", { name: "Send test event" }).click();
      // The first attempt gets a 500: the log says so, and the worker retries with backoff.
      await expect.poll(() => rx.requests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      await page.reload();
      await expect(page.getByTestId("webhook-delivery").first()).toContainText("pending");
      await expect(page.getByTestId("webhook-delivery").first()).toContainText("500");
      await expect.poll(() => rx.requests.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
      const [first, second] = rx.requests;
      expect(second.deliveryId).toBe(first.deliveryId);
      expect(second.event).toBe("test");
      expect(verifyWebhookSignature(secret, second.signature, second.body, Math.floor(Date.now() / 1000))).toBe(true);
      expect(JSON.parse(second.body)).toMatchObject({ id: first.deliveryId, event: "test", project: { slug: SLUG } });

      const api = await apiAs(baseURL!, "lead");
      const signed = await api.post(`/api/v1/projects/${SLUG}/decisions`, { headers: { origin: baseURL! }, data: { comment: "Not ready yet, more work needed" } });
      expect(signed.status()).toBe(201);
      await expect.poll(() => rx.requests.filter((r) => r.event === "decision.signed").length, { timeout: 20_000 }).toBe(1);
      const d = rx.requests.find((r) => r.event === "decision.signed")!;
      expect(verifyWebhookSignature(secret, d.signature, d.body, Math.floor(Date.now() / 1000))).toBe(true);
      expect(JSON.parse(d.body).data).toMatchObject({ signedBy: "Lee Lead" });

      await page.reload();
      const rows = page.getByTestId("webhook-delivery");
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(0)).toContainText("Decision signed");
      await expect(rows.nth(0)).toContainText("delivered");
      await expect(rows.nth(1)).toContainText("Test event");
      await expect(rows.nth(1)).toContainText("delivered");
      await expect(rows.nth(1)).toContainText("200");
      await screenshot(page, "webhooks-settings");

      // The API lists it (no secret) and removes it.
      const list = await (await api.get(`/api/v1/projects/${SLUG}/webhooks`)).json();
      expect(JSON.stringify(list)).not.toContain(secret);
      const id = list.webhooks[0].id;
      expect((await api.post(`/api/v1/projects/${SLUG}/webhooks`, { headers: { origin: baseURL! }, data: { url: "ftp://x", secret: "short", events: ["nope"] } })).status()).toBe(422);
      expect((await api.delete(`/api/v1/projects/${SLUG}/webhooks/${id}`, { headers: { origin: baseURL! } })).status()).toBe(204);
      await api.dispose();
    } finally {
      await rx.close();
    }
  });
});
