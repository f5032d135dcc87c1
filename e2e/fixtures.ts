import { test as base, expect, type Page } from "@playwright/test";
import { WallProcess } from "./wall-process.js";

interface Fixtures {
  wall: WallProcess;
  openDisplay: (id: string) => Promise<Page>;
  /** Console errors of every page a test opens; a CSP violation fails the test. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  wall: async ({}, use) => {
    const wall = await WallProcess.create();
    await wall.start();
    await use(wall);
    await wall.dispose();
  },
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      context.on("weberror", (e) => errors.push(e.error().message));
      await use(errors);
      expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    },
    { auto: true },
  ],
  /** A display page at half the size of a 1920×1080 display. */
  openDisplay: async ({ context, wall }, use) => {
    await use(async (id) => {
      const page = await context.newPage();
      await page.goto(`${wall.url}/wall/${id}`);
      await expect(page.locator(`[data-display-id="${id}"][data-layout-id]`)).toBeVisible();
      return page;
    });
  },
});

export { expect };

/**
 * Waits until the display shows `layoutId`, checked every frame: a switch shows at its switchAt,
 * and in a loop of many switches a poll's backoff would wait twice as long as the switch.
 */
export async function waitForLayout(page: Page, layoutId: string): Promise<void> {
  await page.waitForFunction((id) => document.querySelector(`[data-display-id][data-layout-id="${id}"]`) !== null, layoutId);
}
