import { expect, type Page } from "@playwright/test";
import { ADMIN_TOKEN, type WallProcess } from "./wall-process.js";

/** The console's sign-in and drag, as an operator does them. */

export async function signInWithToken(page: Page, wall: WallProcess, token = ADMIN_TOKEN): Promise<void> {
  await page.goto(`${wall.url}/console`);
  await page.getByText("Đăng nhập bằng mã truy cập").click();
  await page.locator("input[name=token]").fill(token);
  await page.getByRole("button", { name: "Dùng mã" }).click();
}

export async function signIn(page: Page, wall: WallProcess, username: string, password: string): Promise<void> {
  await page.goto(`${wall.url}/console`);
  await page.locator("input[name=username]").fill(username);
  await page.locator("input[name=password]").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/**
 * Drags a camera of the catalog onto a tile of the mimic, with the mouse, as an operator would: the
 * button is released once the tile shows it will take the drop (the mimic may move under the drag).
 */
export async function dragCamera(page: Page, cameraId: string, tileId: string): Promise<void> {
  await page.locator(`[data-mimic-tile="${tileId}"]`).scrollIntoViewIfNeeded();
  await page.locator(`[data-camera-item="${cameraId}"]`).scrollIntoViewIfNeeded();
  const from = (await page.locator(`[data-camera-item="${cameraId}"]`).boundingBox())!;
  const to = (await page.locator(`[data-mimic-tile="${tileId}"]`).boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 20, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  const target = page.locator(`[data-mimic-tile="${tileId}"]`);
  await expect(async () => {
    const now = (await target.boundingBox())!;
    await page.mouse.move(now.x + now.width / 2, now.y + now.height / 2, { steps: 2 });
    await expect(target).toHaveClass(/mimic-drop/, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await page.mouse.up();
}
