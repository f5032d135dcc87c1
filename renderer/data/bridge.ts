/**
 * What the Electron preload exposes (see electron/preload/preload.cts). In a plain browser tab
 * it is absent and the page reads its display id from the URL.
 */
export interface WallBridge {
  displayId: string;
  serviceUrl: string;
  displayToken?: string;
  /** Electron only: this window's picture now, a base64 JPEG (undefined when it cannot be taken). */
  capture?: () => Promise<string | undefined>;
}

declare global {
  interface Window {
    iocWall?: WallBridge;
  }
}

export function displayIdFromLocation(location: Pick<Location, "pathname">, bridge: WallBridge | undefined = window.iocWall): string {
  if (bridge?.displayId) return bridge.displayId;
  const m = /^\/wall\/([^/]+)\/?$/.exec(location.pathname);
  return m ? decodeURIComponent(m[1]!) : "";
}

const TOKEN_KEY = "ioc-wall-display-token";

/**
 * The display credential, when the service requires one: from the preload in Electron, or for a
 * browser display from its pairing URL — `#token=` (a fragment never travels to a server) or
 * `?token=`. It leaves the address bar at once, so that it lingers in no screenshot or history, and
 * is kept in this tab's session storage so that a reload still pairs.
 */
export function displayTokenFromLocation(bridge: WallBridge | undefined = window.iocWall): string | undefined {
  if (bridge?.displayToken) return bridge.displayToken;
  const url = new URL(window.location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const token = fragment.get("token") ?? url.searchParams.get("token") ?? undefined;
  if (token !== undefined) {
    url.searchParams.delete("token");
    fragment.delete("token");
    url.hash = fragment.toString();
    window.history.replaceState(null, "", url);
    sessionStorage.setItem(TOKEN_KEY, token);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}
