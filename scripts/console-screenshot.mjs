// Renders the operator console at 1920×1080 into docs/console.png: two displays live, a camera
// pushed onto a tile, that tile's detail open. Needs the build, Chromium and the demo streams.
import { chromium } from "@playwright/test";
import { BENCH_TOKEN, openConsole, startService } from "./bench/service-process.mjs";

const out = process.argv[2] ?? "docs/console.png";
const service = await startService({ WALL_SIM_SEED: "7" });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--autoplay-policy=no-user-gesture-required"] });
try {
  for (const id of ["D1", "D2", "D4"]) {
    const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
    await page.goto(`${service.url}/wall/${id}`);
  }
  await fetch(`${service.url}/api/state/overrides`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_TOKEN}` },
    body: JSON.stringify({ tileId: "kpi-tourism", widget: "camera", options: { camera: "cam-03" } }),
  });
  const page = await openConsole(browser, service);
  await page.waitForSelector('[data-mimic-display="D1"][data-health="ok"]', { timeout: 20_000 });
  await page.waitForSelector('[data-mimic-tile="kpi-tourism"][data-status="ready"]', { timeout: 20_000 });
  await page.locator('[data-mimic-tile="kpi-tourism"]').click();
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await service.stop();
}
