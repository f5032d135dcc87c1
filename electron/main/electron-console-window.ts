import { BrowserWindow } from "electron";
import type { Logger } from "../service/log.js";
import { ConsoleReloader, consoleUrl, consoleWindowOptions } from "./console-window.js";
import type { Bounds } from "./display-like.js";
import { isAllowedNavigation, type WindowKinds } from "./navigation-policy.js";

/**
 * The operator console (`--console`) in its own window, outside WallWindowManager: a crashed
 * renderer is reloaded (at most once a second) from the service's address then (`serviceUrl()`: a
 * follower's current primary); closing the window leaves the wall running.
 */
export function openConsoleWindow(serviceUrl: () => string, bounds: Bounds | undefined, kinds: WindowKinds, log: Logger): void {
  const home = consoleUrl(serviceUrl());
  const win = new BrowserWindow(consoleWindowOptions(bounds));
  const contents = win.webContents;
  const id = contents.id;
  // Before the first load: the process-wide navigation guard (security.ts) asks the kind at each navigation.
  kinds.markConsole(id);
  contents.once("destroyed", () => kinds.forget(id));
  win.removeMenu();
  win.once("ready-to-show", () => win.show());
  const reloader = new ConsoleReloader(() => {
    if (win.isDestroyed()) return;
    // After a crash the page is gone: load it again, keeping the operator's language (?lang=en).
    const last = contents.getURL();
    const service = serviceUrl();
    void win.loadURL(isAllowedNavigation(last, [service], "console") ? last : consoleUrl(service));
  });
  contents.on("render-process-gone", (_e, details) => {
    log("warn", "console window renderer gone; reloading", { reason: details.reason });
    reloader.gone();
  });
  win.on("closed", () => {
    reloader.dispose();
    log("info", "console window closed");
  });
  void win.loadURL(home);
  log("info", "console window opened", { url: home });
}
