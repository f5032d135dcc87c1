import { BrowserWindow } from "electron";
import { errorSlateUrl } from "./error-slate.js";
import type { WallWindow, WindowEvents, WindowHost, WindowSpec } from "./wall-windows.js";
import { wallWindowOptions } from "./window-options.js";

/** The real WindowHost: one BrowserWindow per display, its crash events wired to the manager. */
export class ElectronWindowHost implements WindowHost {
  constructor(
    private readonly preload: string,
    private readonly kiosk: boolean,
  ) {}

  open(spec: WindowSpec, events: WindowEvents, { hidden = false }: { hidden?: boolean } = {}): WallWindow {
    const options = wallWindowOptions({ bounds: spec.bounds, preload: this.preload, kiosk: this.kiosk, title: `IOC Wall ${spec.displayId}` });
    // Only what may be seen in the process list: the display credential comes over IPC (display-page-ipc.ts).
    // The service's address is the first page's origin (a follower's current primary then).
    options.webPreferences!.additionalArguments = [`--ioc-display-id=${spec.displayId}`, `--ioc-service-url=${new URL(spec.url).origin}`];
    const win = new BrowserWindow(options);
    win.removeMenu();
    // A replacement (recycling) loads unseen behind the display's window and is shown when ready.
    if (!hidden) win.once("ready-to-show", () => win.show());
    win.webContents.on("render-process-gone", (_e, details) => events.onGone(details.reason));
    win.on("unresponsive", () => events.onUnresponsive());
    win.on("responsive", () => events.onResponsive());
    // The display page's own loads only: the slate (a data: page) and aborted loads (a newer one
    // took over, ERR_ABORTED) are not failures of the service. Each load may come from another
    // primary: the page is the one last asked for.
    let page = spec.url;
    const isDisplayPage = (url: string) => url.startsWith(page);
    win.webContents.on("did-fail-load", (_e, code, description, url, isMainFrame) => {
      if (isMainFrame && code !== -3 && isDisplayPage(url)) events.onLoadFailed(`${description} ${code}`);
    });
    win.webContents.on("did-finish-load", () => {
      if (isDisplayPage(win.webContents.getURL())) events.onLoaded();
    });
    void win.loadURL(spec.url);
    return {
      setBounds: (b) => {
        win.setKiosk(false);
        win.setBounds(b);
        win.setKiosk(this.kiosk);
      },
      reload: (url) => {
        if (win.isDestroyed()) return;
        // After a crash the page is gone; load the display URL again rather than reload().
        page = url;
        void win.loadURL(url);
      },
      crashRenderer: () => {
        if (!win.isDestroyed()) win.webContents.forcefullyCrashRenderer();
      },
      showSlate: (message) => {
        if (!win.isDestroyed()) void win.loadURL(errorSlateUrl(message));
      },
      show: () => {
        if (win.isDestroyed()) return;
        win.show();
        win.moveTop();
      },
      close: () => {
        if (!win.isDestroyed()) win.destroy();
      },
    };
  }
}
