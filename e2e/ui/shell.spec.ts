import { test, expect, loginPage, screenshot } from "../fixtures";

test("a signed-in user sees their projects and the project navigation", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await screenshot(page, "login");
  await page.getByLabel("Email").fill("viewer@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#login-error")).toHaveText("Wrong email or password.");
  await loginPage(page, "lead");
  await expect(page.getByRole("heading", { name: "Your projects" })).toBeVisible();
  await screenshot(page, "portfolio");
  await page.getByRole("link", { name: /Agent platform/ }).click();
  const nav = page.getByRole("navigation", { name: "Project" });
  for (const tab of ["Overview", "Checklist", "Blockers", "Capacity", "Stability", "Go/No-Go", "Settings"]) {
    await expect(nav.getByRole("link", { name: tab })).toBeVisible();
  }
  await expect(page.getByText("LEAD", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
});

test("the portfolio sorts over all projects and pages through the URL, from the keyboard", async ({ page, baseURL }) => {
  await loginPage(page, "admin");
  // A second project, so a page of one has a next page.
  await page.getByRole("button", { name: "New project" }).click();
  await page.getByLabel("Name").fill("Zulu portfolio e2e");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(/\/projects\/zulu-portfolio-e2e/);

  await page.goto("/");
  const table = page.locator("table");
  // A handful of projects: one page, no pager, name order.
  await expect(page.getByRole("navigation", { name: "Pages of projects" })).toHaveCount(0);
  const names = await table.locator("tbody tr td:first-child a").allInnerTexts();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  await expect(table.getByRole("columnheader", { name: "Project", exact: true })).toHaveAttribute("aria-sort", "ascending");

  // Sorting is a link: focus the Score header and press Enter; the order comes from the server.
  await table.getByRole("link", { name: /^Score/ }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\?sort=score$/);
  await expect(table.getByRole("columnheader", { name: /Score/ })).toHaveAttribute("aria-sort", "descending");
  // Known scores in order, unknown ones ("—", e.g. the new empty project) last in both directions.
  const scores = async () => (await table.locator("tbody tr td:nth-child(2)").allInnerTexts()).map((s) => (s.trim() === "—" ? null : parseFloat(s)));
  const inOrder = (xs: (number | null)[], dir: 1 | -1) => {
    const known = xs.filter((x): x is number => x !== null);
    expect(xs.slice(known.length).every((x) => x === null), "unknown last").toBe(true);
    expect(known).toEqual([...known].sort((a, b) => dir * (a - b)));
  };
  inOrder(await scores(), -1);
  expect((await scores()).at(-1)).toBeNull();
  await table.getByRole("link", { name: /^Score/ }).click();
  await page.waitForURL(/sort=score&dir=asc/);
  inOrder(await scores(), 1);
  expect((await scores()).at(-1)).toBeNull();
  await table.getByRole("link", { name: /^Verdict/ }).click();
  await page.waitForURL(/\?sort=verdict$/);
  await expect(table.getByRole("columnheader", { name: /Verdict/ })).toHaveAttribute("aria-sort", "ascending");

  // Pages of one: "1–1 of N", Previous disabled, Next by keyboard keeps the sort.
  await page.goto("/?sort=name&dir=desc&pageSize=1");
  const pager = page.getByRole("navigation", { name: "Pages of projects" });
  await expect(pager).toContainText(/1–1 of \d+ projects · page 1 of \d+/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.locator("tbody tr").first()).toContainText("Zulu portfolio e2e");
  await expect(pager.getByText("← Previous")).toHaveAttribute("aria-disabled", "true");
  await pager.getByRole("link", { name: "Next →" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/page=2/);
  expect(new URL(page.url()).searchParams.get("sort")).toBe("name");
  expect(new URL(page.url()).searchParams.get("dir")).toBe("desc");
  await expect(pager).toContainText(/2–2 of \d+ projects/);
  await expect(pager.getByRole("link", { name: "← Previous" })).toBeVisible();

  // A bad parameter falls back to the default order with a note; the API refuses it with 422.
  await page.goto("/?sort=owner");
  await expect(page.getByRole("status").filter({ hasText: "Ignored" })).toContainText("sort must be one of");
  const api = await page.request.get(`${baseURL}/api/v1/projects?sort=owner`);
  expect(api.status()).toBe(422);
  expect((await api.json()).error.message).toContain("sort must be one of name, score, verdict, blockers, date");
  const listed = await (await page.request.get(`${baseURL}/api/v1/projects?sort=score&pageSize=1&page=2`)).json();
  expect(listed).toMatchObject({ sort: "score", dir: "desc", page: 2, pageSize: 1 });
  expect(listed.projects).toHaveLength(1);
});
