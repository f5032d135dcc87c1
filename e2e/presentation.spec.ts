import type { Page, TestInfo } from "@playwright/test";
import { expect, test, waitForLayout } from "./fixtures.js";
import { findTextProblems, type TextProblem } from "./text-walk.js";
import type { WallProcess } from "./wall-process.js";

const DISPLAYS = ["D1", "D2", "D3", "D4", "D5", "D6"];

/** The six displays of the demo wall, each at a display's full size. */
async function openWall(wall: WallProcess, newPage: () => Promise<Page>): Promise<Map<string, Page>> {
  const pages = new Map<string, Page>();
  for (const id of DISPLAYS) {
    const page = await newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${wall.url}/wall/${id}`);
    await expect(page.locator(`[data-display-id="${id}"][data-layout-id]`)).toBeVisible();
    pages.set(id, page);
  }
  return pages;
}

/** Shows a layout and waits until every display shows it with its data in (no tile still loading). */
async function showSettled(wall: WallProcess, pages: Map<string, Page>, layoutId: string): Promise<void> {
  await wall.show(layoutId);
  for (const page of pages.values()) {
    await waitForLayout(page, layoutId);
    await expect(page.locator('[data-tile-id][data-status="loading"]')).toHaveCount(0, { timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }
  // A frame for charts and legends to lay out at their final size.
  await pages.get("D1")!.waitForTimeout(300);
}

/** Walks each display's text, and keeps a full-size screenshot of it in the test's output folder. */
async function walk(pages: Map<string, Page>, layoutId: string, testInfo: TestInfo): Promise<string[]> {
  const found: string[] = [];
  for (const [id, page] of pages) {
    const problems: TextProblem[] = await findTextProblems(page);
    for (const p of problems) found.push(`${layoutId} ${id} ${p.tile ?? "-"}: ${p.problem} "${p.text.slice(0, 60)}" (${p.detail})`);
    const file = testInfo.outputPath(`${layoutId}-${id}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(`${layoutId}-${id}`, { path: file, contentType: "image/png" });
  }
  return found;
}

test("every shipped layout on every display: no text cut by a bezel, none under 24 px, none drawn over other text, none under 4.5:1 contrast, none hidden by the simulated-data mark", async ({ wall, context }, testInfo) => {
  test.setTimeout(900_000);
  const pages = await openWall(wall, () => context.newPage());
  const layouts = (await wall.api<{ layouts: Array<{ id: string; inUse: boolean }> }>("GET", "/api/layouts")).body.layouts.filter((l) => l.inUse);
  expect(layouts.length).toBeGreaterThanOrEqual(15);
  const found: string[] = [];
  for (const { id } of layouts) {
    await showSettled(wall, pages, id);
    found.push(...(await walk(pages, id, testInfo)));
  }
  expect(found).toEqual([]);
});

test("a table, a clock and a KPI whose tiles span a bezel keep every line whole on one display", async ({ wall, context }, testInfo) => {
  test.setTimeout(120_000);
  // On the 12×12 grid of the 3×2 wall, x 2..6 crosses D1|D2 and y 4..8 crosses the rows' bezel.
  await wall.addLayout({
    id: "across-bezels",
    title: { vi: "Qua viền màn hình" },
    grid: { columns: 12, rows: 12 },
    tiles: [
      { id: "table", x: 2, y: 4, w: 4, h: 6, widget: "table", title: { vi: "Hồ sơ theo sở, ngành" }, options: { topic: "admin.dossiers.by_department" } },
      { id: "clock", x: 6, y: 4, w: 4, h: 4, widget: "clock", options: {} },
      { id: "kpi", x: 7, y: 0, w: 4, h: 4, widget: "kpi", title: { vi: "Tỉ lệ đúng hạn" }, options: { topic: "admin.dossiers.ontime_rate" } },
    ],
  });
  const pages = await openWall(wall, () => context.newPage());
  await showSettled(wall, pages, "across-bezels");
  expect(await walk(pages, "across-bezels", testInfo)).toEqual([]);
  // The table's rows flow into its four parts in reading order (D1, D2, D4, D5), none twice, none left out.
  const ranks = (id: string) =>
    pages.get(id)!.locator('[data-tile-id="table"] td.ranked-rank').evaluateAll((cells) =>
      cells.filter((c) => {
        const r = c.getBoundingClientRect();
        return r.left >= -2 && r.right <= window.innerWidth + 2 && r.top >= -2 && r.bottom <= window.innerHeight + 2;
      }).map((c) => Number(c.textContent)),
    );
  const shown = [...(await ranks("D1")), ...(await ranks("D2")), ...(await ranks("D4")), ...(await ranks("D5"))];
  expect(shown.length, JSON.stringify(shown)).toBeGreaterThan(8);
  expect(shown).toEqual(shown.map((_, i) => i + 1));
  // The clock's figures and the KPI's figure each sit whole on exactly one display.
  for (const selector of ['[data-tile-id="clock"] .clock-time', '[data-tile-id="kpi"] .kpi-value']) {
    const shownOn: string[] = [];
    for (const [id, page] of pages) {
      for (const box of await page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
        if (box.left >= 0 && box.top >= 0 && box.right <= 1920 && box.bottom <= 1080) shownOn.push(id);
      }
    }
    expect(shownOn, selector).toHaveLength(1);
  }
});
