// Renders the whole demo wall at full size (six 1920×1080 displays, as each display shows them)
// into one picture with the 24 px bezels drawn as black gaps: 5808×2184, where text is judged at
// the size people read it. Needs the build, Chromium and ffmpeg.
// Usage: node scripts/screenshot.mjs [layoutId] [out.png|out.jpg]
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BENCH_TOKEN, startService } from "./bench/service-process.mjs";

const layoutId = process.argv[2] ?? "overview";
const out = process.argv[3] ?? "docs/screenshot.png";
const service = await startService();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--disable-background-networking", "--disable-component-update", "--autoplay-policy=no-user-gesture-required"] });
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ioc-shot-"));
try {
  await fetch(`${service.url}/api/state/layout`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` },
    body: JSON.stringify({ layoutId }),
  });
  const files = [];
  for (const id of ["D1", "D2", "D3", "D4", "D5", "D6"]) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${service.url}/wall/${id}`);
    await page.waitForFunction((l) => {
      const tiles = [...document.querySelectorAll("[data-tile-id]")];
      return document.querySelector(`[data-layout-id="${l}"]`) && tiles.length > 0 && tiles.every((t) => t.getAttribute("data-status") !== "loading");
    }, layoutId);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(1500);
    const file = path.join(dir, `${id}.png`);
    await page.screenshot({ path: file });
    files.push(file);
    await page.close();
  }
  // 3×2 with the demo wall's 24 px bezels.
  const layout = "0_0|1944_0|3888_0|0_1104|1944_1104|3888_1104";
  execFileSync("ffmpeg", ["-y", "-loglevel", "error", ...files.flatMap((f) => ["-i", f]), "-filter_complex", `xstack=inputs=6:layout=${layout}:fill=black`, ...(out.endsWith(".jpg") ? ["-q:v", "3"] : []), out]);
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await service.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
