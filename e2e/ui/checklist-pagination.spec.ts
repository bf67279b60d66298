import { test, expect, loginPage } from "../fixtures";
import { ensureScratchProject, query } from "../server-tools";

/** A project with more than two pages of items: paging, sorting and filtering run in the database. */
const SLUG = "paging-e2e";
const N = 130;
const title = (i: number) => `Paged item ${String(i).padStart(3, "0")}`;
const estimate = (i: number) => (i % 10) + 1;
const priority = (i: number) => (i % 2 === 0 ? "P1" : "P2");

test.beforeAll(async () => {
  await ensureScratchProject(SLUG, "Paging");
  await query(`DELETE FROM "ChecklistItem" WHERE "projectId" = (SELECT id FROM "Project" WHERE slug = $1)`, [SLUG]);
  await query(
    `INSERT INTO "ChecklistItem" (id, "projectId", "categoryId", title, priority, status, "estimateHours", "updatedAt")
     SELECT md5(random()::text || t.title), p.id, c.id, t.title, t.priority::"Priority", 'OPEN', t.est, now()
       FROM "Project" p JOIN "Category" c ON c."projectId" = p.id,
            unnest($2::text[], $3::text[], $4::float8[]) AS t(title, priority, est)
      WHERE p.slug = $1`,
    [SLUG, Array.from({ length: N }, (_, i) => title(i)), Array.from({ length: N }, (_, i) => priority(i)), Array.from({ length: N }, (_, i) => estimate(i))],
  );
});

const titles = async (page: import("@playwright/test").Page) =>
  (await page.getByTestId("item-row").locator("td:first-child p:first-child").allInnerTexts()).map((s) => s.trim());

test("the checklist pages through 130 items; the sort holds across pages and a filter narrows the count", async ({ page }) => {
  await loginPage(page, "viewer");
  await page.goto(`/projects/${SLUG}/checklist?sort=title&dir=asc`);
  const nav = page.getByRole("navigation", { name: "Checklist pages" });
  await expect(nav).toContainText(`1–50 of ${N} items`);
  expect(await titles(page)).toEqual(Array.from({ length: 50 }, (_, i) => title(i)));

  // From the keyboard: focus "Next" and press Enter.
  await nav.getByRole("button", { name: "Next" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/page=2/);
  await expect(nav).toContainText(`51–100 of ${N} items`);
  expect(await titles(page)).toEqual(Array.from({ length: 50 }, (_, i) => title(50 + i)));
  await nav.getByRole("button", { name: "Next" }).click();
  await expect(nav).toContainText(`101–130 of ${N} items`);
  await expect(page.getByTestId("item-row")).toHaveCount(30);
  await expect(nav.getByRole("button", { name: "Next" })).toBeDisabled();

  // Most hours first, title on ties: the database's order runs on from one page to the next.
  const byHours = Array.from({ length: N }, (_, i) => i).sort((a, b) => estimate(b) - estimate(a) || title(a).localeCompare(title(b))).map(title);
  await page.goto(`/projects/${SLUG}/checklist?sort=estimateHours&dir=desc`);
  expect(await titles(page)).toEqual(byHours.slice(0, 50));
  await nav.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/sort=estimateHours&dir=desc&page=2/);
  await expect(nav).toContainText(`51–100 of ${N} items`);
  expect(await titles(page)).toEqual(byHours.slice(50, 100));

  // A filter goes back to page 1 and counts only what it keeps.
  await page.getByLabel("Priority").selectOption("P2");
  await expect(page).not.toHaveURL(/page=2/);
  await expect(nav).toContainText(`1–50 of ${N / 2} items`);
  expect(await titles(page)).toEqual(byHours.filter((t) => priority(Number(t.slice(-3))) === "P2").slice(0, 50));
  await nav.getByRole("button", { name: "Next" }).click();
  await expect(nav).toContainText(`51–65 of ${N / 2} items`);
  await expect(page.getByTestId("item-row")).toHaveCount(15);
});

test("the blockers page lists one page of the 65 open P1 items, with previous and next", async ({ page }) => {
  await loginPage(page, "viewer");
  await page.goto(`/projects/${SLUG}/blockers`);
  const open = page.locator("#open");
  await expect(open).toContainText("65 items");
  const rows = page.getByTestId("blocker-rows");
  await expect(rows).toHaveText("Rows 1–50 of 65");
  await expect(open.getByRole("checkbox", { name: "Defer (what-if)" })).toHaveCount(50);
  const p1ByHours = Array.from({ length: N }, (_, i) => i).filter((i) => priority(i) === "P1")
    .sort((a, b) => estimate(b) - estimate(a) || title(a).localeCompare(title(b))).map(title);
  await expect(open.locator("li p").first()).toHaveText(p1ByHours[0]);
  // A what-if mark stays while paging.
  await open.getByRole("checkbox", { name: "Defer (what-if)" }).first().check();
  await expect(page.getByTestId("what-if")).toContainText("Without 1 deferred item");
  const next = page.getByRole("navigation", { name: "Blocker pages" }).getByRole("link", { name: "Next" });
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/page=2/);
  await expect(rows).toHaveText("Rows 51–65 of 65");
  await expect(open.getByRole("checkbox", { name: "Defer (what-if)" })).toHaveCount(15);
  await expect(open.locator("li p").first()).toHaveText(p1ByHours[50]);
  await expect(page.getByTestId("what-if")).toContainText("Without 1 deferred item");
  await expect(page.getByRole("navigation", { name: "Blocker pages" }).getByRole("link", { name: "Next" })).toHaveCount(0);
});
