import fs from "node:fs";
import path from "node:path";
import { test, expect, apiAs, loginPage, screenshot } from "../fixtures";
import { ensureScratchProject } from "../server-tools";

/** Comparisons need runs of their own: a scratch project, not the demo's. */
const SLUG = "compare-ui-e2e";
const GENERATED = path.resolve("tests/fixtures/loadtests/generated");
const files = (run: string) => ["stats", "stats_history", "failures"].map((p) => path.join(GENERATED, `${run}_${p}.csv`));

// The second test compares the run the first one imports.
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  await ensureScratchProject(SLUG, "Compare UI e2e");
  // Last week's run, already imported: the baseline-to-be.
  const api = await apiAs(baseURL!, "engineer");
  const f = new FormData();
  for (const p of files("compare-base")) f.append("file", new Blob([fs.readFileSync(p)]), path.basename(p));
  const res = await api.post(`/api/v1/projects/${SLUG}/runs?name=${encodeURIComponent("Checkout before the change")}`, { multipart: f });
  expect([201, 409]).toContain(res.status());
  await api.dispose();
});

test("an engineer imports a rerun, opens the comparison with the default baseline, sorts by P95 change and sees the regression", async ({ page }) => {
  await loginPage(page, "engineer");
  await page.goto(`/projects/${SLUG}/runs`);
  await page.getByLabel("Choose files").setInputFiles(files("compare-slow"));
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByTestId("run-preview")).toBeVisible();
  await page.getByLabel("Name (optional)").fill("Checkout after the change");
  await page.getByRole("button", { name: "Save run" }).click();
  const success = page.getByTestId("import-success");
  await expect(success).toContainText("Imported “Checkout after the change”");
  await success.getByRole("link", { name: "Open the run" }).click();

  // The run page: "Compare with", the previous run at the same load preselected.
  const control = page.getByTestId("compare-with");
  await expect(control.getByLabel("Compare with")).toHaveValue(/.+/);
  await expect(control.getByLabel("Compare with").locator("option:checked")).toHaveText(/Checkout before the change .*\(default\)/);
  await control.getByRole("button", { name: "Compare" }).click();

  await expect(page).toHaveURL(/\/compare\?baseline=/);
  await expect(page.getByRole("heading", { name: /Compare: Checkout after the change against Checkout before the change/ })).toBeVisible();
  await expect(page.getByText("Regression beyond tolerance.")).toBeVisible();
  await expect(page.getByTestId("compare-charts").locator(".recharts-line")).toHaveCount(4);

  const table = page.getByTestId("compare-table");
  await table.getByRole("button", { name: /P95 change/ }).click();
  await expect(table.getByRole("columnheader", { name: /P95 change/ })).toHaveAttribute("aria-sort", "descending");
  const first = table.getByTestId("compare-row").first();
  await expect(first).toContainText("/api/products/[id]");
  await expect(first.locator("[data-status]")).toHaveText("regressed");
  await expect(first).toContainText("+90.5%");
  // The other endpoints measured faster: sorted below, marked improved.
  await expect(table.getByTestId("compare-row").nth(1).locator("[data-status]")).toHaveText("improved");
  await screenshot(page, "compare-runs");

  // Ascending puts the largest drop first.
  await table.getByRole("button", { name: /P95 change/ }).click();
  await expect(table.getByTestId("compare-row").first()).toContainText("/api/products");
  await expect(table.getByTestId("compare-row").first()).not.toContainText("[id]");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "compare-runs-390");
});

test("the runs list compares any two runs; a lead marks the baseline on the run page", async ({ page }) => {
  await loginPage(page, "lead");
  await page.goto(`/projects/${SLUG}/runs`);
  const picker = page.getByTestId("compare-picker");
  await picker.getByLabel("Run", { exact: true }).selectOption({ label: (await picker.getByLabel("Run", { exact: true }).locator("option", { hasText: "Checkout before the change" }).textContent())! });
  await picker.getByLabel("against baseline").selectOption({ label: (await picker.getByLabel("against baseline").locator("option", { hasText: "Checkout after the change" }).textContent())! });
  await picker.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { name: /Compare: Checkout before the change against Checkout after the change/ })).toBeVisible();
  await expect(page.getByTestId("compare-table").getByTestId("compare-row").first().locator("[data-status]")).toHaveText("regressed");

  await page.getByRole("link", { name: "← The run" }).click();
  await page.getByRole("button", { name: "Mark as baseline" }).click();
  await expect(page.getByTestId("baseline-badge")).toBeVisible();
  await expect(page.getByRole("button", { name: "Unmark baseline" })).toBeVisible();
  await screenshot(page, "run-page-baseline");
  await page.getByRole("button", { name: "Unmark baseline" }).click();
  await expect(page.getByTestId("baseline-badge")).toHaveCount(0);
});
