import path from "node:path";
import { test, expect, apiAs, loginPage, screenshot } from "../fixtures";
import { ensureScratchProject } from "../server-tools";

/** Imports change capacity figures: they go to a project of their own, not the demo's. */
const SLUG = "import-e2e";
test.beforeAll(async () => ensureScratchProject(SLUG, "Import e2e"));

const GENERATED = path.resolve("tests/fixtures/loadtests/generated");
const STEPPED_B = ["stats", "stats_history", "failures"].map((p) => path.join(GENERATED, `stepped-b_${p}.csv`));

interface Level { users: number; runId: string; zone: string }

async function capacityLevels(baseURL: string): Promise<Level[]> {
  const api = await apiAs(baseURL, "viewer");
  const res = await api.get(`/api/v1/projects/${SLUG}/readiness`);
  expect(res.status()).toBe(200);
  const levels = (await res.json()).capacity.levels as Level[];
  await api.dispose();
  return levels;
}

test("an engineer imports a stepped Locust run: preview, save, the run page, and capacity gains its levels", async ({ page, baseURL }) => {
  const before = await capacityLevels(baseURL!);
  expect(before.map((l) => l.users)).not.toContain(8);

  await loginPage(page, "engineer");
  await page.goto(`/projects/${SLUG}/runs`);
  await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Runs" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Import a run" })).toBeVisible();
  await page.getByLabel("Choose files").setInputFiles(STEPPED_B);
  await expect(page.getByRole("list", { name: "Selected files" }).getByRole("listitem")).toHaveCount(3);
  await expect(page.getByText("3 files (", { exact: false })).toBeVisible();

  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const preview = page.getByTestId("run-preview");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("locust-stats-csv");
  await expect(page.getByTestId("preview-kind")).toHaveText("STRESS");
  await expect(page.getByTestId("preview-users")).toHaveText("12");
  await expect(page.getByTestId("preview-steps").locator("tbody tr")).toHaveCount(3);
  await expect(page.getByTestId("preview-p95")).toHaveText(/\d+ ms/);
  // Nothing is stored by the preview.
  expect((await capacityLevels(baseURL!)).map((l) => l.users)).toEqual(before.map((l) => l.users));
  await page.getByLabel("Name (optional)").fill("Stepped B from the browser");
  await screenshot(page, "runs-import");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "runs-import-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Save run" }).click();
  const success = page.getByTestId("import-success");
  await expect(success).toContainText("Imported “Stepped B from the browser”");
  await expect(success).toContainText("3 capacity levels");
  const href = await success.getByRole("link", { name: "Open the run" }).getAttribute("href");
  const runId = href!.split("/").pop()!;
  await expect(page.getByTestId("run-list").getByRole("link", { name: "Stepped B from the browser" }).first()).toBeVisible();

  // The capacity analysis now holds the run's three user levels.
  const after = await capacityLevels(baseURL!);
  const fromRun = after.filter((l) => l.runId === runId).map((l) => l.users);
  expect(fromRun).toEqual([4, 8, 12]);
  expect(after.length).toBe(before.length + 3);

  await success.getByRole("link", { name: "Open the run" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${SLUG}/runs/${runId}$`));
  await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Runs" })).toHaveAttribute("aria-current", "page");
});

test("a bad file shows the file, line and reason; saving the same run twice is refused", async ({ page }) => {
  await loginPage(page, "engineer");
  await page.goto(`/projects/${SLUG}/runs`);
  // Keyboard only: Tab reaches the file picker, Enter opens it.
  await page.getByLabel("Name (optional)").focus();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByLabel("Choose files")).toBeFocused();
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Enter");
  await (await chooser).setFiles({ name: "broken.jtl", mimeType: "text/plain", buffer: Buffer.from("timeStamp,elapsed,label,success\n1700000000000,5,a,true\n1700000000001,5\n") });
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const error = page.getByTestId("import-error");
  await expect(error).toContainText("This file cannot be imported");
  await expect(error).toContainText("broken.jtl, line 3: wrong number of fields");
  await expect(page.getByRole("button", { name: "Save run" })).toBeDisabled();

  // stepped-b was saved by the previous test: the preview says so and Save stays off.
  await page.getByLabel("Choose files").setInputFiles(STEPPED_B);
  await page.getByRole("button", { name: "Remove broken.jtl" }).click();
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByTestId("run-preview")).toContainText("already imported as run “Stepped B from the browser”");
  await expect(page.getByRole("button", { name: "Save run" })).toBeDisabled();
});

test("a viewer sees the runs but no import panel", async ({ page }) => {
  await loginPage(page, "viewer");
  await page.goto(`/projects/${SLUG}/runs`);
  await expect(page.getByRole("heading", { name: /All runs/ })).toBeVisible();
  await expect(page.getByTestId("run-list")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Import a run" })).toHaveCount(0);
  await expect(page.getByLabel("Choose files")).toHaveCount(0);
});
