import { test, expect, apiAs, loginPage, screenshot } from "../fixtures";
import { ensureScratchProject, query } from "../server-tools";

/** A project of its own (items born two days ago), so that only this spec's changes show. */
const SLUG = `history-e2e-${Date.now().toString(36)}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// The what-if test starts from the state the first test leaves.
test.describe.configure({ mode: "serial", timeout: 150_000 });

interface Item { id: string; title: string; version: number }
let items: Item[] = [];

test.beforeAll(async ({ baseURL }) => {
  await ensureScratchProject(SLUG, "History e2e");
  const [{ id: projectId }] = await query<{ id: string }>(`SELECT id FROM "Project" WHERE slug = $1`, [SLUG]);
  const [{ id: categoryId }] = await query<{ id: string }>(`SELECT id FROM "Category" WHERE "projectId" = $1`, [projectId]);
  const lead = await apiAs(baseURL!, "lead");
  items = [];
  for (const [title, hours] of [["Alerting on error rate", 4], ["Runbook for failover", 3], ["Load balancer health checks", 6], ["Rotate the signing keys", 2]] as const) {
    const res = await lead.post(`/api/v1/projects/${SLUG}/items`, { data: { title, categoryId, priority: "P1", estimateHours: hours } });
    expect(res.status(), await res.text()).toBe(201);
    items.push(await res.json());
  }
  await lead.dispose();
  // The project and its items existed two days ago: today's changes are the only ones since yesterday.
  await query(`UPDATE "Project" SET "createdAt" = now() - interval '3 days' WHERE id = $1`, [projectId]);
  await query(`UPDATE "ChecklistItem" SET "createdAt" = now() - interval '2 days' WHERE "projectId" = $1`, [projectId]);
  await query(`UPDATE "ItemEvent" SET at = now() - interval '2 days' WHERE "projectId" = $1`, [projectId]);
});

test("a lead resolves two items and re-estimates one; What changed shows exactly those three rows, summing to the difference", async ({ page, baseURL }) => {
  const lead = await apiAs(baseURL!, "lead");
  const patch = async (item: Item, data: Record<string, unknown>) => {
    const res = await lead.patch(`/api/v1/projects/${SLUG}/items/${item.id}`, { data: { ...data, version: item.version } });
    expect(res.status(), await res.text()).toBe(200);
  };
  await patch(items[0], { status: "DONE", evidence: "https://grafana.example.com/alerts" });
  await patch(items[1], { status: "DONE", evidence: "Runbook reviewed in the ops wiki" });
  await patch(items[2], { estimateHours: 9 });
  await lead.dispose();

  await loginPage(page, "lead");
  await page.goto(`/projects/${SLUG}`);
  const panel = page.getByTestId("what-changed").first();
  await panel.getByLabel("From (end of day)").fill(day(-1));
  await panel.getByLabel("To (end of day)").fill(day(0));
  await panel.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`changesFrom=${day(-1)}`));
  const rows = page.getByTestId("what-changed").first().getByTestId("change-row");
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")))).toEqual(["resolved", "resolved", "re-estimated"]);
  const deltas = (await rows.getByTestId("change-delta").allTextContents()).map((t) => Number(t.replace("−", "-").replace("±", "")));
  expect(deltas).toEqual([25, 25, 0]);
  await expect(page.getByTestId("changes-summary").first()).toContainText("0.0% NO-GO");
  await expect(page.getByTestId("changes-summary").first()).toContainText("50.0% NO-GO");
  await expect(page.getByTestId("changes-total").first()).toHaveText("+50.0");
  await expect(rows.nth(2)).toContainText("6 h → 9 h");
  await expect(page.getByTestId("history-chart")).toBeVisible();
  await expect(page.locator("#history path.recharts-line-curve[name=\"Score\"]")).toBeVisible();
  await screenshot(page, "history-overview");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("history-chart")).toBeVisible();
  await screenshot(page, "history-overview-phone");
});

test("the what-if panel changes the verdict without changing stored data", async ({ page, baseURL }) => {
  const viewer = await apiAs(baseURL!, "viewer");
  const before = await (await viewer.get(`/api/v1/projects/${SLUG}/readiness`)).json();
  await loginPage(page, "viewer");
  await page.goto(`/projects/${SLUG}/go-no-go`);
  await expect(page.getByTestId("path-go")).toContainText("Close 2 open P1 items (11 h)");
  await expect(page.getByTestId("path-go")).toContainText("a launch-evidence run at ≥ 200 users");
  const whatIf = page.getByTestId("what-if");
  await expect(whatIf.getByTestId("what-if-verdict")).toHaveText("NO-GO");
  await whatIf.getByRole("checkbox", { name: /Load balancer health checks/ }).check();
  await whatIf.getByRole("checkbox", { name: /Rotate the signing keys/ }).check();
  await expect(whatIf.getByTestId("what-if-score")).toHaveText("100.0%");
  await expect(whatIf.getByTestId("what-if-verdict")).toHaveText("NO-GO");
  await whatIf.getByRole("checkbox", { name: "Capacity covers the required load" }).check();
  await expect(whatIf.getByTestId("what-if-verdict")).toHaveText("GO");
  await screenshot(page, "what-if-go-no-go");
  const after = await (await viewer.get(`/api/v1/projects/${SLUG}/readiness`)).json();
  expect(after.score).toEqual(before.score);
  expect(after.verdict.value).toBe("NO_GO");
  await page.reload();
  await expect(page.getByTestId("what-if").getByTestId("what-if-verdict")).toHaveText("NO-GO");
  await viewer.dispose();
});
