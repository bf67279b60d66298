import { test, expect, apiAs, loginPage, screenshot, SLUG } from "../fixtures";
import { query } from "../server-tools";

const P = `/api/v1/projects/${SLUG}`;
const today = () => new Date().toISOString().slice(0, 10);

test.describe("measurement confidence and evidence freshness", () => {
  test("the confidence line stands next to the verdict on the overview and the Go/No-Go page, and drops after a deploy", async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    await loginPage(page, "viewer");
    await page.goto(`/projects/${SLUG}?asOf=2026-01-18`);
    const line = page.locator("#verdict").getByTestId("confidence");
    await expect(line).toHaveAttribute("data-level", "high");
    await expect(line).toContainText("Measurement confidence");
    await expect(line).toContainText("decisive level: 200 users");
    await page.goto(`/projects/${SLUG}/go-no-go?asOf=2026-01-18`);
    await expect(page.getByTestId("confidence")).toHaveAttribute("data-level", "high");

    const eng = await apiAs(baseURL!, "engineer");
    const res = await eng.post(`${P}/changes`, { data: { label: "Deploy API", version: "2.4.0" }, headers: { origin: baseURL! } });
    expect(res.status()).toBe(201);
    const marker = await res.json();
    try {
      await page.goto(`/projects/${SLUG}/go-no-go`);
      const low = page.getByTestId("confidence");
      await expect(low).toHaveAttribute("data-level", "low");
      await expect(low).toContainText('before the deploy "Deploy API" 2.4.0');
      await screenshot(page, "go-no-go-confidence-low");
      await page.goto(`/projects/${SLUG}`);
      await expect(page.locator("#verdict").getByTestId("confidence")).toHaveAttribute("data-level", "low");
      await screenshot(page, "overview-confidence-low");
      await page.goto(`/projects/${SLUG}/blockers`);
      await expect(page.getByTestId("burndown-markers")).toContainText("Deploy: Deploy API (2.4.0)");
      await page.locator("#burndown").screenshot({ path: "e2e/screenshots/burndown-change-marker.png" });
      await page.goto(`/projects/${SLUG}/runs`);
      await expect(page.getByTestId("change-markers")).toContainText("Deploy API");
      await page.locator("#changes").screenshot({ path: "e2e/screenshots/runs-change-markers.png" });
      await page.goto(`/projects/${SLUG}/capacity`);
      await expect(page.getByTestId("change-markers")).toContainText("not drawn: the zone and throughput charts run over users");
    } finally {
      await query(`DELETE FROM "ChangeMarker" WHERE id = $1`, [marker.id]);
      await eng.dispose();
    }
  });

  test("an item whose evidence expired today is marked everywhere and an engineer re-confirms it in the checklist", async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const lead = await apiAs(baseURL!, "lead");
    const [cat] = await query<{ id: string }>(`SELECT c.id FROM "Category" c JOIN "Project" p ON p.id = c."projectId" WHERE p.slug = $1 AND c.name = 'Security'`, [SLUG]);
    const title = `WAF rules reviewed ${Date.now()}`;
    const created = await lead.post(`${P}/items`, {
      data: { title, categoryId: cat.id, priority: "P3", status: "DONE", evidence: "WAF review 2025-Q4", evidenceValidDays: 30 }, headers: { origin: baseURL! },
    });
    expect(created.status()).toBe(201);
    const item = await created.json();
    // Confirmed 30 days ago with a 30-day validity: it expires today.
    await query(`UPDATE "ChecklistItem" SET "updatedAt" = now(), "evidenceAt" = date_trunc('day', now() AT TIME ZONE 'UTC') - interval '30 days' + interval '9 hours' WHERE id = $1`, [item.id]);
    try {
      await loginPage(page, "engineer");
      await page.goto(`/projects/${SLUG}`);
      const fresh = page.getByTestId("freshness");
      await expect(fresh).toContainText(`${title} · evidence expired on ${today()}`);
      await page.locator("#freshness").screenshot({ path: "e2e/screenshots/overview-freshness.png" });
      await fresh.getByRole("link", { name: "Re-confirm them in the checklist" }).click();
      await expect(page).toHaveURL(/evidence=expired/);
      await expect(page.getByRole("combobox", { name: /^Evidence/ })).toHaveValue("expired");
      const row = page.locator(`[data-item-id="${item.id}"]`);
      await expect(row.getByTestId("evidence-expired")).toHaveText(`Evidence expired on ${today()}`);
      await screenshot(page, "checklist-evidence-expired");

      await row.getByRole("button", { name: `Re-confirm the evidence of "${title}"` }).click();
      const dialog = page.getByTestId("reconfirm-dialog");
      await expect(dialog).toContainText(`The current evidence expired on ${today()}`);
      await dialog.getByRole("button", { name: "Re-confirm" }).click();
      await expect(dialog.getByText(/Evidence is required/)).toBeVisible();
      await dialog.getByLabel("New evidence").fill("WAF review 2026-Q1: rules unchanged, report in the wiki");
      await screenshot(page, "checklist-reconfirm-dialog");
      await dialog.getByRole("button", { name: "Re-confirm" }).click();
      await expect(page.getByRole("status").filter({ hasText: `Evidence of "${title}" re-confirmed` })).toBeVisible();
      // It no longer matches "expired".
      await expect(row).toHaveCount(0);
      await page.goto(`/projects/${SLUG}/checklist?q=${encodeURIComponent(title)}`);
      const current = page.locator(`[data-item-id="${item.id}"]`);
      await expect(current).toContainText("Evidence expires on");
      await expect(current.getByTestId("evidence-expired")).toHaveCount(0);
      await screenshot(page, "checklist-evidence-reconfirmed");
    } finally {
      await query(`DELETE FROM "ChecklistItem" WHERE id = $1`, [item.id]);
      await lead.dispose();
    }
  });
});
