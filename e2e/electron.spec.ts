import { _electron as electron } from "@playwright/test";
import fs from "node:fs";
import { createRequire } from "node:module";
import { expect, test } from "./fixtures.js";
import { WallProcess } from "./wall-process.js";

const require = createRequire(import.meta.url);

function electronBinary(): string | undefined {
  try {
    const p = require("electron") as unknown;
    return typeof p === "string" && fs.existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const skipReason = "SKIPPED: Electron's binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); its decisions are unit-tested in electron/main/*.test.ts";
if (!binary) process.stdout.write(`e2e/electron.spec.ts ${skipReason}\n`);

test.describe("Electron shell", () => {
  test.skip(!binary, skipReason);

  test("opens sandboxed windows that follow a primary service, with the display credential through the preload", async () => {
    const credential = "e2e-display-credential-0123456789";
    const wall = await WallProcess.create();
    wall.env = { WALL_DISPLAY_TOKEN: credential };
    await wall.start();
    const app = await electron.launch({ executablePath: binary!, args: [".", "--windowed", "2", `--primary=${wall.url}`], env: { ...process.env, WALL_DISPLAY_TOKEN: credential } });
    try {
      const window = await app.firstWindow();
      await expect(window.locator("[data-display-id][data-layout-id]")).toBeVisible();
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
      // No node in the page; only the preload's frozen bridge.
      expect(await window.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(["undefined", "undefined"]);
      expect(await window.evaluate(() => (window as unknown as { iocWall: { displayId: string } }).iocWall.displayId)).toMatch(/^D[12]$/);
      expect(await window.evaluate(() => (window as unknown as { iocWall: { displayToken?: string } }).iocWall.displayToken)).toBe(credential);
    } finally {
      await app.close();
      await wall.dispose();
    }
  });
});
