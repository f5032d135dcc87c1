import type { BrowserWindowConstructorOptions } from "electron";
import type { Bounds } from "./display-like.js";

/**
 * The options of every wall window. Kiosk windows cover one output exactly; windowed ones are
 * for development. Both are sandboxed and context-isolated with no node in the page.
 */
export function wallWindowOptions(opts: { bounds: Bounds; preload?: string; kiosk: boolean; title: string }): BrowserWindowConstructorOptions {
  const { bounds, kiosk } = opts;
  return {
    ...bounds,
    title: opts.title,
    show: false,
    frame: !kiosk,
    kiosk,
    fullscreen: kiosk,
    alwaysOnTop: kiosk,
    autoHideMenuBar: true,
    backgroundColor: "#000000",
    webPreferences: {
      ...(opts.preload ? { preload: opts.preload } : {}),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A wall window is never "in the background": timers and video must keep their pace.
      backgroundThrottling: false,
      autoplayPolicy: "no-user-gesture-required",
    },
  };
}

/** Windowed development windows, laid out in a grid at a quarter of the display size. */
export function windowedBounds(index: number, display: { width: number; height: number }, columns: number): Bounds {
  const width = Math.round(display.width / 4);
  const height = Math.round(display.height / 4);
  return { x: (index % columns) * (width + 8), y: Math.floor(index / columns) * (height + 32), width, height };
}
