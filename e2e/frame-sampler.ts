import type { Page } from "@playwright/test";

export interface Frames {
  total: number;
  empty: number;
  layouts: string[];
}

/** Counts, frame by frame, the frames a display draws with no tile at all, and the layouts it shows. */
export async function startSampler(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: Frames };
    w.__frames = { total: 0, empty: 0, layouts: [] };
    const tick = () => {
      const f = w.__frames;
      f.total += 1;
      if (document.querySelectorAll("[data-tile-id]").length === 0) f.empty += 1;
      const layout = document.querySelector("[data-layout-id]")?.getAttribute("data-layout-id") ?? "";
      if (f.layouts.at(-1) !== layout) f.layouts.push(layout);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export const frames = (page: Page): Promise<Frames> => page.evaluate(() => (window as unknown as { __frames: Frames }).__frames);
