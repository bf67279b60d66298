import path from "node:path";
import { test, expect, apiAs, loginPage, screenshot } from "../fixtures";
import { ensureScratchProject, query } from "../server-tools";

/** A lead's path through series and run-driven blockers, in a project of its own (4 users expected, 8 required). */
const SLUG = "series-ui-e2e";
const GENERATED = path.resolve("tests/fixtures/loadtests/generated");
const files = (run: string) => ["stats", "stats_history", "failures"].map((p) => path.join(GENERATED, `${run}_${p}.csv`));

test.beforeAll(async () => {
  await ensureScratchProject(SLUG, "Series UI e2e");
  await query(`UPDATE "Project" SET "expectedProductionUsers" = 4 WHERE slug = $1`, [SLUG]);
});

test("a lead creates a launch-evidence series, imports into it in the browser, and sees capacity and the checklist change", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await loginPage(page, "lead");

  // Settings → Series: create one and mark it launch evidence.
  await page.goto(`/projects/${SLUG}/settings#series`);
  const section = page.locator("#series");
  await expect(section.getByRole("heading", { name: "Series" })).toBeVisible();
  const add = section.getByRole("form", { name: "Add series" });
  await add.getByLabel("New series").fill("Checkout stress");
  await add.getByLabel("Environment").fill("staging");
  await add.getByRole("button", { name: "Add series" }).click();
  const row = section.getByTestId("series-checkout-stress");
  await expect(row).toContainText("not launch evidence");
  await row.getByLabel(/Launch evidence/).check();
  await expect(row).toContainText("launch evidence");
  await expect(row).not.toContainText("not launch evidence");
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, "settings-series");

  // Runs: import the failing run into the series.
  await page.goto(`/projects/${SLUG}/runs`);
  await page.getByLabel("Series", { exact: true }).selectOption("checkout-stress");
  await page.getByLabel("Choose files").setInputFiles(files("series-fail"));
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByTestId("preview-series")).toHaveText("Checkout stress");
  await page.getByRole("button", { name: "Save run" }).click();
  const success = page.getByTestId("import-success");
  await expect(success).toContainText("into the series “Checkout stress” (launch evidence)");
  await expect(page.getByTestId("import-blockers")).toContainText("Opened the P1 item “Load test: death zone at 8 users (required 8)”");
  await screenshot(page, "runs-import-opened-item");
  const runId = (await success.getByRole("link", { name: "Open the run" }).getAttribute("href"))!.split("/").pop()!;

  // Capacity reads the series' run: breaking point at 8, safe capacity 4.
  await page.goto(`/projects/${SLUG}/capacity`);
  await expect(page.getByTestId("evidence-series")).toContainText("Checkout stress");
  await expect(page.getByTestId("breaking-point")).toContainText("8 users");
  await expect(page.getByTestId("safe-capacity")).toContainText("4 users");
  await screenshot(page, "capacity-series-failing");

  // The checklist holds the opened P1 item, linked to its run.
  await page.goto(`/projects/${SLUG}/checklist?priority=P1`);
  const itemRow = page.getByRole("row", { name: /Load test: death zone at 8 users/ });
  await expect(itemRow).toContainText("load test");
  await expect(itemRow.getByRole("link", { name: /The load-test run of/ })).toHaveAttribute("href", `/projects/${SLUG}/runs/${runId}`);
  await screenshot(page, "checklist-run-item");

  // The run page lists the item it opened.
  await itemRow.getByRole("link", { name: /The load-test run of/ }).click();
  await expect(page.getByTestId("run-series")).toContainText("Checkout stress");
  await expect(page.getByTestId("run-items")).toContainText("opened");
  await screenshot(page, "run-page-items");

  // A passing run of the same series resolves it; capacity moves to 12 safe users.
  await page.goto(`/projects/${SLUG}/runs`);
  await page.getByLabel("Series", { exact: true }).selectOption("checkout-stress");
  await page.getByLabel("Choose files").setInputFiles(files("series-pass"));
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByTestId("import-blockers")).toContainText("Resolved the item “Load test: death zone at 8 users (required 8)”");
  await page.goto(`/projects/${SLUG}/capacity`);
  await expect(page.getByTestId("safe-capacity")).toContainText("12 users");
  await expect(page.getByTestId("breaking-point")).toContainText("not reached");
  await screenshot(page, "capacity-series-passing");

  const api = await apiAs(baseURL!, "viewer");
  const items = (await (await api.get(`/api/v1/projects/${SLUG}/items?priority=P1`)).json()).items as { status: string; title: string }[];
  expect(items.map((i) => [i.title, i.status])).toEqual([["Load test: death zone at 8 users (required 8)", "DONE"]]);
  await api.dispose();
});
