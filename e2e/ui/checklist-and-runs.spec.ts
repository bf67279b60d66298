import type { APIRequestContext, Page } from "@playwright/test";
import crypto from "node:crypto";
import { test, expect, apiAs, loginPage, screenshot, SLUG } from "../fixtures";
import { query } from "../server-tools";

const CHECKLIST = `/projects/${SLUG}/checklist`;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface Item { id: string; title: string; version: number; status: string; owner: string | null; evidence: string | null }

async function overviewFigures(page: Page) {
  await page.goto(`/projects/${SLUG}`);
  const score = Number((await page.getByTestId("overall-score").innerText()).replace("%", "").trim());
  const blockers = Number((await page.getByTestId("open-blockers").innerText()).trim());
  const date = (await page.getByTestId("deterministic-date").first().innerText()).trim();
  return { score, blockers, date };
}

async function findItem(api: APIRequestContext, title: string): Promise<Item> {
  const page = await (await api.get(`/api/v1/projects/${SLUG}/items?q=${encodeURIComponent(title)}`)).json();
  const item = page.items.find((i: Item) => i.title === title);
  expect(item, `item "${title}"`).toBeTruthy();
  return item;
}

async function expectNoHorizontalOverflow(page: Page, what: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${what}: page is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

test.describe("checklist", () => {
  test("an engineer marks a P1 blocker done with evidence; the overview's score, blockers and date follow", async ({ page, baseURL }) => {
    await loginPage(page, "engineer");
    const before = await overviewFigures(page);
    await page.goto(`${CHECKLIST}?priority=P1&status=OPEN&sort=title`);
    const row = page.getByTestId("item-row").first();
    const title = (await row.locator("td p").first().innerText()).trim();
    const id = await row.getAttribute("data-item-id");
    await row.getByRole("combobox", { name: /^Status of/ }).selectOption("DONE");
    const dialog = page.getByTestId("evidence-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Evidence")).toBeFocused();
    await dialog.getByRole("button", { name: "Mark done" }).click();
    await expect(dialog.getByText(/Evidence is required/)).toBeVisible();
    await screenshot(page, "checklist-evidence-dialog");
    await dialog.getByLabel("Evidence").fill("https://ci.example/retest/300-users passed");
    await dialog.getByRole("button", { name: "Mark done" }).click();
    await expect(page.getByRole("status").filter({ hasText: `"${title}" is done.` })).toBeVisible();
    await expect(page.locator(`[data-item-id="${id}"]`)).toHaveCount(0);

    const after = await overviewFigures(page);
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.blockers).toBe(before.blockers - 1);
    expect(after.date <= before.date, `date ${after.date} not later than ${before.date}`).toBe(true);

    // Put the demo data back for the other specs.
    const lead = await apiAs(baseURL!, "lead");
    const item = await findItem(lead, title);
    expect(item).toMatchObject({ status: "DONE", evidence: "https://ci.example/retest/300-users passed" });
    expect((await lead.patch(`/api/v1/projects/${SLUG}/items/${item.id}`, { data: { status: "OPEN", evidence: null, version: item.version } })).status()).toBe(200);
    await lead.dispose();
  });

  test("a lead creates an item, accepts it as a risk, bulk-edits and deletes; dialogs work from the keyboard", async ({ page, baseURL }) => {
    const title = `E2E rotate the API signing keys ${Date.now()}`;
    try {
      await createAcceptEditDelete(page, title);
    } finally {
      // Leave no item behind when a step failed.
      const lead = await apiAs(baseURL!, "lead");
      const left = await (await lead.get(`/api/v1/projects/${SLUG}/items?q=${encodeURIComponent(title)}`)).json();
      for (const it of left.items) await lead.delete(`/api/v1/projects/${SLUG}/items/${it.id}`);
      await lead.dispose();
    }
  });

  async function createAcceptEditDelete(page: Page, title: string) {
    await loginPage(page, "lead");
    await page.goto(CHECKLIST);
    const create = page.getByRole("button", { name: "New item" });
    await create.click();
    const dialog = page.getByTestId("item-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Title")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(create).toBeFocused();

    await create.click();
    await dialog.getByRole("button", { name: "Create item" }).click();
    await expect(dialog.locator("#item-title-error")).toHaveText("is required");
    await dialog.getByLabel("Title").fill(title);
    await dialog.getByLabel("Category").selectOption({ label: "Security" });
    await dialog.getByLabel("Priority").selectOption("P1");
    await dialog.getByLabel("Most likely").fill("3");
    await dialog.getByLabel("Low").fill("5");
    await dialog.getByRole("button", { name: "Create item" }).click();
    await expect(dialog.locator("#item-estimateLowHours-error")).toContainText("must not exceed");
    await screenshot(page, "checklist-item-dialog-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "checklist-item-dialog-mobile");
    await page.setViewportSize({ width: 1280, height: 800 });
    await dialog.getByLabel("Low").fill("2");
    await dialog.getByLabel("High").fill("6");
    await dialog.getByLabel("Owner").fill("Lee");
    await dialog.getByRole("button", { name: "Create item" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `Created "${title}".` })).toBeVisible();

    await page.getByRole("searchbox", { name: "Search" }).fill(title);
    await expect(page).toHaveURL(/q=E2E/);
    const row = page.getByTestId("item-row").filter({ hasText: title });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("3 h (2–6)");
    await expect(row).toContainText("Security");

    await row.getByRole("button", { name: /^Risk acceptance of/ }).click();
    const risk = page.getByTestId("risk-dialog");
    await risk.getByLabel("Mitigation").fill("Keys rotate manually every week until automated; alert on signing failures");
    await risk.getByLabel("Expires on").fill(inDays(21));
    await risk.getByRole("button", { name: "Accept risk" }).click();
    await expect(risk).toBeHidden();
    await expect(row).toContainText(`Risk accepted until ${inDays(21)}`);

    // Bulk: owner and priority on the selected row.
    await row.getByRole("checkbox").check();
    const bulk = page.getByTestId("bulk-bar");
    await expect(bulk).toContainText("1 selected");
    await bulk.getByLabel("Set priority").selectOption("P2");
    await bulk.getByLabel("Owner", { exact: true }).selectOption("set");
    await bulk.getByLabel("New owner").fill("Platform team");
    await bulk.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Updated 1 item." })).toBeVisible();
    await expect(row).toContainText("Platform team");
    await expect(row).toContainText("P2");

    await row.getByRole("button", { name: /^Delete/ }).click();
    const del = page.getByTestId("delete-dialog");
    await expect(del.getByRole("button", { name: "Cancel" })).toBeFocused();
    await del.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Deleted "${title}".` })).toBeVisible();
    await expect(row).toHaveCount(0);
  }

  test("a stale edit shows the fresh values and never overwrites the first save", async ({ browser, baseURL }) => {
    const first = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const second = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const [a, b] = await Promise.all([first.newPage(), second.newPage()]);
    await loginPage(a, "admin");
    await loginPage(b, "lead");
    const url = `${CHECKLIST}?priority=P3&sort=title`;
    await Promise.all([a.goto(url), b.goto(url)]);
    const rowA = a.getByTestId("item-row").first();
    const title = (await rowA.locator("td p").first().innerText()).trim();
    const id = await rowA.getAttribute("data-item-id");
    const api = await apiAs(baseURL!, "viewer");
    const before = await findItem(api, title);
    const rowB = b.locator(`[data-item-id="${id}"]`);
    await rowA.getByRole("button", { name: /^Edit/ }).click();
    await rowB.getByRole("button", { name: /^Edit/ }).click();
    const dialogA = a.getByTestId("item-dialog");
    const dialogB = b.getByTestId("item-dialog");
    await dialogA.getByLabel("Title").fill(`${title} (first save)`);
    await dialogB.getByLabel("Owner").fill("Second writer");
    await dialogA.getByRole("button", { name: "Save changes" }).click();
    await expect(dialogA).toBeHidden();

    await dialogB.getByRole("button", { name: "Save changes" }).click();
    const notice = dialogB.getByTestId("conflict-notice");
    await expect(notice).toContainText("Changed by someone else");
    await expect(notice.getByTestId("current-values")).toContainText(`${title} (first save)`);
    await expect(dialogB.getByRole("button", { name: "Save changes" })).toBeDisabled();
    await screenshot(b, "checklist-conflict");

    const stored = await findItem(api, `${title} (first save)`);
    expect(stored.id).toBe(id);
    expect(stored.owner).toBe(before.owner);

    await dialogB.getByRole("button", { name: "Load current values" }).click();
    await expect(dialogB.getByLabel("Title")).toHaveValue(`${title} (first save)`);
    await expect(dialogB.getByLabel("Owner")).toHaveValue(before.owner ?? "");
    await b.keyboard.press("Escape");
    await expect(dialogB).toBeHidden();

    const lead = await apiAs(baseURL!, "lead");
    expect((await lead.patch(`/api/v1/projects/${SLUG}/items/${stored.id}`, { data: { title, version: stored.version } })).status()).toBe(200);
    await Promise.all([api.dispose(), lead.dispose(), first.close(), second.close()]);
  });

  test("an engineer's inline status change on a stale row is refused with the current values", async ({ page, baseURL }) => {
    await loginPage(page, "engineer");
    await page.goto(`${CHECKLIST}?priority=P3&sort=title`);
    const row = page.getByTestId("item-row").last();
    const title = (await row.locator("td p").first().innerText()).trim();
    const lead = await apiAs(baseURL!, "lead");
    const item = await findItem(lead, title);
    expect((await lead.patch(`/api/v1/projects/${SLUG}/items/${item.id}`, { data: { owner: "Changed meanwhile", version: item.version } })).status()).toBe(200);

    await row.getByRole("combobox", { name: /^Status of/ }).selectOption(item.status === "IN_PROGRESS" ? "OPEN" : "IN_PROGRESS");
    const dialog = page.getByTestId("conflict-dialog");
    await expect(dialog.getByTestId("conflict-notice")).toContainText("Changed by someone else");
    await expect(dialog.getByTestId("current-values")).toContainText("Changed meanwhile");
    await dialog.getByRole("button", { name: "Show current values" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Changed meanwhile");
    await expect(row.getByRole("combobox", { name: /^Status of/ })).toHaveValue(item.status);
    const after = await findItem(lead, title);
    expect(after).toMatchObject({ status: item.status, owner: "Changed meanwhile", version: item.version + 1 });
    await lead.patch(`/api/v1/projects/${SLUG}/items/${item.id}`, { data: { owner: item.owner, version: after.version } });
    await lead.dispose();
  });

  test("a viewer sees the checklist read-only, can search, filter, sort, page and export", async ({ page }) => {
    await loginPage(page, "viewer");
    await page.goto(CHECKLIST);
    await expect(page.getByText("Read-only: your role can view the checklist and export it.")).toBeVisible();
    await expect(page.getByTestId("item-row")).toHaveCount(50);
    await expect(page.getByRole("button", { name: "New item" })).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: /^Status of/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);

    await page.getByRole("navigation", { name: "Checklist pages" }).getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId("item-row")).toHaveCount(9);
    await page.getByLabel("Priority").selectOption("P1");
    await expect(page).toHaveURL(/priority=P1/);
    await expect(page).not.toHaveURL(/page=2/);
    await page.getByLabel("Status").selectOption("OPEN");
    await expect(page.getByTestId("item-row")).toHaveCount(21);
    await page.getByRole("button", { name: /^Estimate/ }).click();
    await expect(page).toHaveURL(/sort=estimateHours&dir=desc/);
    await expect(page.getByRole("columnheader", { name: /Estimate/ })).toHaveAttribute("aria-sort", "descending");
    await page.reload();
    await expect(page.getByLabel("Priority")).toHaveValue("P1");
    await expect(page.getByTestId("item-row")).toHaveCount(21);

    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toContain("items.csv?priority=P1&status=OPEN&sort=estimateHours&dir=desc");
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n").filter(Boolean)).toHaveLength(22);
  });
});

test.describe("capacity, runs and stability", () => {
  test("capacity, the 300-user run and stability render their charts", async ({ page }) => {
    await loginPage(page, "viewer");
    await page.goto(`/projects/${SLUG}/capacity`);
    await expect(page.getByTestId("safe-capacity")).toHaveText("200 users");
    await expect(page.getByTestId("breaking-point")).toHaveText("300 users");
    await expect(page.getByTestId("capacity-anomalies")).toContainText("non-monotonic, rerun required");
    const zones = page.getByTestId("zone-chart");
    await expect(zones.locator("svg.recharts-surface").first()).toBeVisible();
    await expect(zones.locator(".recharts-reference-area")).toHaveCount(4);
    await expect(zones.locator(".recharts-line")).toHaveCount(3);
    await expect(page.getByTestId("throughput-chart").locator(".recharts-line")).toHaveCount(2);
    const runs = page.getByTestId("runs-table");
    expect(await runs.locator("tbody tr").count()).toBeGreaterThanOrEqual(7);
    await runs.getByRole("button", { name: /^Users/ }).click();
    await expect(runs.getByRole("columnheader", { name: /Users/ })).toHaveAttribute("aria-sort", /ascending|descending/);

    await runs.getByRole("link", { name: "Progressive stress 300" }).click();
    await expect(page.getByRole("heading", { name: "Progressive stress 300" })).toBeVisible();
    await expect(page.getByTestId("run-summary")).toContainText("45,734");
    await expect(page.getByTestId("endpoint-chart").locator(".recharts-bar-rectangle")).toHaveCount(5);
    await expect(page.getByTestId("endpoints-table").locator("tbody tr")).toHaveCount(5);
    await expect(page.getByTestId("error-kinds").locator("li")).toHaveCount(2);

    await page.goto(`/projects/${SLUG}/stability`);
    await expect(page.getByTestId("stability-score")).toContainText("80");
    await expect(page.getByTestId("stability-health")).toHaveText("Degraded");
    await expect(page.getByTestId("stability-verdict")).toHaveText("Proceed with monitoring");
    await expect(page.getByTestId("stability-anomalies").locator("li")).toHaveCount(2);
    const latency = page.getByTestId("stability-latency-chart");
    await expect(latency.locator(".recharts-line")).toHaveCount(1);
    await expect(latency.locator(".recharts-reference-line")).toHaveCount(1);
    await expect(latency.locator(".recharts-scatter-symbol")).toHaveCount(1);
    await expect(page.getByTestId("resource-charts").locator("svg.recharts-surface")).toHaveCount(3);

    await page.getByRole("link", { name: "Staging stability monitoring, 1 hour" }).click();
    await expect(page.getByTestId("run-timeseries").locator("svg.recharts-surface")).toHaveCount(3);
  });

  test("a new project shows empty states; a stepped run shows its steps and time series", async ({ page }) => {
    const hex = crypto.randomBytes(4).toString("hex");
    const projectId = `prj_${hex}`;
    const slug = `empty-${hex}`;
    const runId = `run_${hex}`;
    await query(`INSERT INTO "Project" (id, slug, name, "updatedAt") VALUES ($1, $2, 'Empty project', now())`, [projectId, slug]);
    try {
      await loginPage(page, "admin");
      await page.goto(`/projects/${slug}/checklist`);
      await expect(page.getByText("No checklist items yet")).toBeVisible();
      await page.goto(`/projects/${slug}/capacity`);
      await expect(page.getByText("No load tests yet")).toBeVisible();
      await page.goto(`/projects/${slug}/stability`);
      await expect(page.getByText("No stability run yet")).toBeVisible();

      await query(
        `INSERT INTO "TestRun" (id, "projectId", name, kind, tool, requests, failures, "runDate", "durationSeconds", "p95Ms", "throughputRps")
         VALUES ($1, $2, 'Step load 50-150', 'STRESS', 'locust', 9000, 95, '2026-01-20', 180, 420, 50)`, [runId, projectId]);
      const steps = [[50, 3000, 0, 40], [100, 3000, 15, 180], [150, 3000, 80, 900]];
      for (const [i, [users, requests, failures, p95]] of steps.entries()) {
        await query(
          `INSERT INTO "RunStep" (id, "runId", position, users, "durationSeconds", requests, failures, "errorRatePercent", "p95Ms", "throughputRps")
           VALUES ($1, $2, $3, $4, 60, $5, $6, $7, $8, $9)`,
          [`${runId}_s${i}`, runId, i, users, requests, failures, (failures / requests) * 100, p95, requests / 60]);
      }
      for (let i = 0; i < 36; i++) {
        const users = steps[Math.floor(i / 12)][0];
        await query(
          `INSERT INTO "RunSample" ("runId", t, users, requests, failures, rps, "failuresPerSec", "p95Ms") VALUES ($1, $2, $3, 250, $4, 50, $5, $6)`,
          [runId, new Date(Date.parse("2026-01-20T10:00:00Z") + i * 5000).toISOString(), users, i % 12 === 11 ? 5 : 0, i % 12 === 11 ? 1 : 0, 30 + i * 20]);
      }
      await page.goto(`/projects/${slug}/capacity`);
      await expect(page.getByTestId("zone-chart").locator(".recharts-reference-area")).toHaveCount(3);
      await page.getByTestId("runs-table").getByRole("link", { name: "Step load 50-150" }).click();
      await expect(page.getByTestId("run-summary")).toContainText("3 steps");
      await expect(page.getByTestId("steps-table").locator("tbody tr")).toHaveCount(3);
      await expect(page.getByTestId("steps-table")).toContainText("Red");
      await expect(page.getByTestId("steps-chart").locator(".recharts-line")).toHaveCount(2);
      await expect(page.getByTestId("run-timeseries").locator("svg.recharts-surface")).toHaveCount(4);
      await expect(page.getByText("No details recorded")).toHaveCount(0);
    } finally {
      await query(`DELETE FROM "Project" WHERE id = $1`, [projectId]);
    }
  });

  test("screenshots at desktop and phone size, without horizontal overflow", async ({ page }) => {
    await loginPage(page, "lead");
    const runs = await (await page.request.get(`/api/v1/projects/${SLUG}/runs`)).json();
    const r300 = runs.runs.find((r: { name: string }) => r.name === "Progressive stress 300");
    const pages = [
      ["checklist", CHECKLIST],
      ["capacity", `/projects/${SLUG}/capacity`],
      ["run-detail", `/projects/${SLUG}/runs/${r300.id}`],
      ["stability", `/projects/${SLUG}/stability`],
    ] as const;
    for (const [size, viewport] of [["desktop", { width: 1280, height: 800 }], ["mobile", { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(viewport);
      for (const [name, url] of pages) {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
        if (name !== "checklist") await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
        await page.waitForTimeout(300);
        await expectNoHorizontalOverflow(page, `${name} ${size}`);
        await screenshot(page, `${name}-${size}`);
      }
    }
  });
});
