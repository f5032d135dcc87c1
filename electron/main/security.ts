import { app, session, type WebContents } from "electron";
import { isAllowedNavigation } from "./navigation-policy.js";

/**
 * Process-wide hardening (the Electron security checklist): every permission denied, no new
 * windows, no webviews, navigation only to the service's own display pages.
 */
export function hardenElectron(serviceOrigin: () => string): void {
  app.on("web-contents-created", (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
    contents.on("will-navigate", (event, url) => {
      if (!isAllowedNavigation(url, serviceOrigin())) event.preventDefault();
    });
    contents.on("will-redirect", (event, url) => {
      if (!isAllowedNavigation(url, serviceOrigin())) event.preventDefault();
    });
    contents.on("will-attach-webview", (event) => event.preventDefault());
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.setDevicePermissionHandler(() => false);
  });
}
