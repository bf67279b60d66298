import { test, expect, loginPage, screenshot } from "../fixtures";
import { ensureScratchProject } from "../server-tools";

/** Applies change the checklist: they go to a project of their own, not the demo's. */
const SLUG = "checklist-e2e";
test.beforeAll(async () => ensureScratchProject(SLUG, "Checklist e2e"));

const FIRST = `version: 1
categories:
  - key: performance
    name: Performance
    items:
      - key: load-test-at-peak
        title: Load test at the expected peak passes
        priority: P1
        estimate: { low: 4, likely: 8, high: 16 }
  - key: monitoring
    name: Monitoring
    items:
      - key: alert-on-error-rate
        title: Page on-call when the 5xx rate stays above 1 % for 5 minutes
        priority: P1
        estimate: 2
      - key: dashboard
        title: One dashboard for the service
        priority: P2
      - key: status-page
        title: Public status page
        priority: P3
`;

test("a lead uploads a checklist file in Settings, reads the plan, applies it and sees the checklist change", async ({ page }) => {
  await loginPage(page, "lead");
  await page.goto(`/projects/${SLUG}/settings`);
  const card = page.locator("#checklist-as-code");
  await expect(card.getByRole("heading", { name: "Checklist as code" })).toBeVisible();
  await expect(card.getByRole("link", { name: "YAML" })).toHaveAttribute("href", `/api/v1/projects/${SLUG}/checklist?format=yaml`);

  await card.getByLabel("Upload a checklist file").setInputFiles({ name: "checklist.yaml", mimeType: "application/yaml", buffer: Buffer.from(FIRST) });
  const plan = page.getByTestId("checklist-plan");
  await expect(plan).toBeVisible();
  await expect(page.getByTestId("plan-summary")).toContainText("4 to create · 0 to update · 0 not in the file · 0 unchanged");
  await expect(page.getByTestId("plan-score")).toContainText("— → 0.0 %");
  await expect(plan.getByRole("region", { name: "Items to create" })).toContainText("Page on-call when the 5xx rate stays above 1 % for 5 minutes");
  await card.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("checklist-applied")).toContainText("Applied checklist.yaml: 4 created, 0 updated, 0 retired");

  // A second version of the file: one title changed, one item left out and retired.
  const second = FIRST.replace("title: One dashboard for the service", "title: One dashboard for the service, linked from every alert").replace(/      - key: status-page\n.*\n.*\n/, "");
  await card.getByLabel("Retire items the file leaves out").check();
  await card.getByLabel("Upload a checklist file").setInputFiles({ name: "checklist-v2.yaml", mimeType: "application/yaml", buffer: Buffer.from(second) });
  await expect(page.getByTestId("plan-summary")).toContainText("0 to create · 1 to update · 1 to retire · 2 unchanged");
  const update = plan.getByRole("region", { name: "Items to update" });
  await expect(update.locator("del")).toHaveText("One dashboard for the service");
  await expect(update.locator("ins")).toHaveText("One dashboard for the service, linked from every alert");
  await expect(plan.getByRole("region", { name: "Items not in the file" })).toContainText("Public status page");
  await expect(page.getByTestId("plan-score")).toContainText("0.0 % → 0.0 %");
  await screenshot(page, "checklist-as-code-plan");
  await card.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("checklist-applied")).toContainText("Applied checklist-v2.yaml: 0 created, 1 updated, 1 retired");

  await page.goto(`/projects/${SLUG}/checklist?sort=title`);
  const table = page.getByRole("table");
  await expect(table).toContainText("One dashboard for the service, linked from every alert");
  await expect(table).toContainText("alert-on-error-rate");
  await expect(table).toContainText("Not applicable: removed from the checklist file");
  await screenshot(page, "checklist-as-code-checklist");

  // Managed by code: the switch in Settings, the note on the checklist.
  await page.goto(`/projects/${SLUG}/settings#checklist-as-code`);
  const managedSwitch = page.getByRole("switch", { name: /Managed by code/ });
  await managedSwitch.click();
  await expect(managedSwitch).toBeChecked({ timeout: 20_000 });
  // The switch is disabled while the setting is saved: enabled again means the write was acknowledged.
  await expect(managedSwitch).toBeEnabled({ timeout: 20_000 });
  await page.goto(`/projects/${SLUG}/checklist`);
  await expect(page.getByTestId("managed-by-code")).toBeVisible();
});
