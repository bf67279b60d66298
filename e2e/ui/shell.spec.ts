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
