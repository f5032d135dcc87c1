import type { Page } from "@playwright/test";
import { signInWithToken } from "./console-support.js";
import { expect, test } from "./fixtures.js";

/**
 * A display page as the Electron controller runs it: its preload's bridge names the display and
 * captures the window. Electron cannot run here, so the capture is Chromium's own (the DevTools
 * protocol's, as webContents.capturePage is), behind the same bridge function.
 */
async function openControllerDisplay(page: Page, url: string, displayId: string): Promise<void> {
  await page.exposeFunction("__captureThisWindow", async () => (await page.screenshot({ type: "jpeg", quality: 80 })).toString("base64"));
  await page.addInitScript((id) => {
    const w = window as unknown as { iocWall: unknown; __captureThisWindow: () => Promise<string> };
    w.iocWall = Object.freeze({ displayId: id, serviceUrl: location.origin, capture: () => w.__captureThisWindow() });
  }, displayId);
  await page.goto(`${url}/wall/${displayId}`);
  await expect(page.locator(`[data-display-id="${displayId}"][data-layout-id]`)).toBeVisible();
}

/** The spread of the picture's pixel brightness: a blank or black picture has none. */
function brightnessSpread(page: Page, selector: string): Promise<{ width: number; height: number; spread: number }> {
  return page.locator(selector).evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [160, 90];
    const g = canvas.getContext("2d")!;
    g.drawImage(img, 0, 0, 160, 90);
    const px = g.getImageData(0, 0, 160, 90).data;
    let min = 255;
    let max = 0;
    for (let i = 0; i < px.length; i += 4) {
      const y = 0.2126 * px[i]! + 0.7152 * px[i + 1]! + 0.0722 * px[i + 2]!;
      [min, max] = [Math.min(min, y), Math.max(max, y)];
    }
    return { width: img.naturalWidth, height: img.naturalHeight, spread: max - min };
  });
}

test("the console shows what a controller's display shows now, and says a browser display cannot be captured", async ({ wall, page, browser, openDisplay }) => {
  const controller = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await openControllerDisplay(controller, wall.url, "D1");
  await openDisplay("D2");
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signInWithToken(page, wall);

  await page.getByRole("button", { name: "Màn hình D1" }).click();
  const dialog = page.locator('[data-screenshot-dialog="D1"]');
  await expect(dialog).toHaveAttribute("data-screenshot-state", "shown", { timeout: 15_000 });
  await expect(dialog).toContainText("chụp lúc");
  const picture = await brightnessSpread(page, '[data-screenshot-dialog="D1"] img');
  expect(picture).toMatchObject({ width: 1920, height: 1080 });
  expect(picture.spread).toBeGreaterThan(100);
  // Taken again on request: a picture captured later, not the old one kept.
  const first = Number(await dialog.getAttribute("data-captured-at"));
  await page.waitForTimeout(1200);
  await dialog.getByRole("button", { name: "Chụp lại" }).click();
  await expect.poll(async () => Number(await dialog.getAttribute("data-captured-at"))).toBeGreaterThan(first);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  await page.getByRole("button", { name: "Màn hình D2" }).click();
  const refused = page.locator('[data-screenshot-dialog="D2"]');
  await expect(refused.locator("[data-screenshot-error]")).toHaveAttribute("data-screenshot-error", "501");
  await expect(refused).toContainText("D2 đang chạy trong trình duyệt");
  await refused.getByRole("button", { name: "Đóng" }).click();

  await page.getByRole("button", { name: "Màn hình D5" }).click();
  await expect(page.locator('[data-screenshot-dialog="D5"]')).toContainText("D5 không kết nối");
  await controller.close();
});
