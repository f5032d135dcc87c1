import { ADMIN_TOKEN } from "./wall-process.js";
import { expect, test } from "./fixtures.js";

test("the console refuses a wrong token", async ({ wall, page }) => {
  await page.goto(`${wall.url}/console`);
  await page.getByLabel("Mã truy cập").fill("sai-ma-truy-cap");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toHaveText("Mã truy cập không đúng");
  await expect(page.locator(".layout-list")).toHaveCount(0);
});

test("the console lists layouts, shows connected displays and switches the wall with one click", async ({ wall, page, openDisplay }) => {
  const d4 = await openDisplay("D4");
  await page.goto(`${wall.url}/console`);
  await page.getByLabel("Mã truy cập").fill(ADMIN_TOKEN);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.locator('.layout-list [data-layout-id="overview"]')).toHaveAttribute("data-active", "true");
  await expect(page.locator('.layout-list [data-layout-id="briefing"]')).toContainText("Giao ban lãnh đạo");
  await expect(page.locator('.display-list [data-display-id="D4"]')).toHaveAttribute("data-connected", "true");
  await expect(page.locator('.display-list [data-display-id="D1"]')).toHaveAttribute("data-connected", "false");
  await page.locator('.layout-list [data-layout-id="situation"] button').click();
  await expect(d4.locator('[data-display-id="D4"]')).toHaveAttribute("data-layout-id", "situation");
  await expect(page.locator('.layout-list [data-layout-id="situation"]')).toHaveAttribute("data-active", "true");
  await d4.close();
  await expect(page.locator('.display-list [data-display-id="D4"]')).toHaveAttribute("data-connected", "false");
});
