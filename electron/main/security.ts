import { app, session, type WebContents } from "electron";
import type { Logger } from "../service/log.js";
import { trustCertificateError } from "./certificate-policy.js";
import { isAllowedNavigation, type WindowKind } from "./navigation-policy.js";

/**
 * Process-wide hardening (the Electron security checklist): every permission denied, no new
 * windows, no webviews, navigation only to the service's own pages (on any of its origins: a
 * follower's every primary) of the window's kind (display pages for wall windows, /console for the
 * console window). The kind is asked at each navigation, not here: a web contents is created
 * before its window can be marked (navigation-policy.ts).
 */
export function hardenElectron(serviceOrigins: () => readonly string[], kindOf: (contentsId: number) => WindowKind): void {
  app.on("web-contents-created", (_event, contents: WebContents) => {
    const id = contents.id;
    const allowed = (url: string) => isAllowedNavigation(url, serviceOrigins(), kindOf(id));
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
    contents.on("will-navigate", (event, url) => {
      if (!allowed(url)) event.preventDefault();
    });
    contents.on("will-redirect", (event, url) => {
      if (!allowed(url)) event.preventDefault();
    });
    contents.on("will-attach-webview", (event) => event.preventDefault());
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.setDevicePermissionHandler(() => false);
  });
}

/**
 * Certificate errors: trusted only for the service's origins (a follower's every primary)
 * presenting exactly the pinned certificate (WALL_TLS_CERT, typically self-signed, the same on
 * every instance); every other error keeps Chromium's refusal.
 */
export function trustPinnedServiceCertificate(serviceOrigins: () => readonly string[], pinned: () => string | null, log: Logger): void {
  const trusted = new Set<string>();
  app.on("certificate-error", (event, _contents, url, error, certificate, callback) => {
    if (trustCertificateError(url, serviceOrigins(), certificate.data, pinned())) {
      event.preventDefault();
      callback(true);
      if (!trusted.has(error)) {
        trusted.add(error);
        log("info", "the service's pinned certificate (WALL_TLS_CERT) accepted", { error });
      }
      return;
    }
    log("warn", "certificate refused", { origin: originOf(url), error, pinned: pinned() !== null });
    callback(false);
  });
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(unparsable URL)";
  }
}
