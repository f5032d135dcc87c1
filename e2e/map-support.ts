import { PNG } from "pngjs";
import type { MapDebugInfo } from "../renderer/widgets/map/map-registry.js";
import type { Page } from "@playwright/test";

export type MapInfo = Omit<MapDebugInfo, "unproject">;

interface Debug {
  iocWallDebug: {
    maps: () => MapInfo[];
    webgl: () => { budget: number; live: number; peak: number; granted: number; waiting: number };
    unproject: (tileId: string, x: number, y: number) => [number, number] | undefined;
  };
}

export const maps = (page: Page) => page.evaluate(() => (window as unknown as Debug).iocWallDebug.maps());
export const webglSlots = (page: Page) => page.evaluate(() => (window as unknown as Debug).iocWallDebug.webgl());
export const unproject = (page: Page, tileId: string, x: number, y: number) =>
  page.evaluate(([t, px, py]) => (window as unknown as Debug).iocWallDebug.unproject(t as string, px as number, py as number), [tileId, x, y] as const);

/**
 * Counts the WebGL contexts the page really creates and how many are alive (not lost: a map's
 * remove() gives its context back at once), independent of the app's own bookkeeping.
 */
export async function countWebglContexts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const contexts: Array<{ isContextLost: () => boolean }> = [];
    const live = () => contexts.filter((c) => !c.isContextLost()).length;
    const count = { created: 0, peakLive: 0, live };
    (window as unknown as { glContexts: typeof count }).glContexts = count;
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      const ctx = (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      if (ctx && (type === "webgl" || type === "webgl2") && !contexts.includes(ctx as WebGL2RenderingContext)) {
        contexts.push(ctx as WebGL2RenderingContext);
        count.created += 1;
        count.peakLive = Math.max(count.peakLive, live());
      }
      return ctx;
    } as typeof original;
  });
}

export const glCount = (page: Page) =>
  page.evaluate(() => {
    const c = (window as unknown as { glContexts: { created: number; peakLive: number; live: () => number } }).glContexts;
    return { created: c.created, peakLive: c.peakLive, live: c.live() };
  });

/** The RGBA pixels of a PNG screenshot. */
export function pixels(png: Buffer): { width: number; height: number; at: (x: number, y: number) => [number, number, number] } {
  const image = PNG.sync.read(png);
  return {
    width: image.width,
    height: image.height,
    at: (x, y) => {
      const i = (y * image.width + x) * 4;
      return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    },
  };
}

/** Colours closer than `tolerance` in every channel count as the same. */
export function sameColor(a: [number, number, number], b: [number, number, number], tolerance = 24): boolean {
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance && Math.abs(a[2] - b[2]) <= tolerance;
}
