/**
 * What the Electron preload exposes (see electron/preload/preload.cts). In a plain browser tab
 * it is absent and the page reads its display id from the URL.
 */
export interface WallBridge {
  displayId: string;
  serviceUrl: string;
  displayToken?: string;
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

/**
 * The display token, when the service requires one (WALL_DISPLAY_TOKEN): from the preload in
 * Electron, or `?token=` for a browser display. The query parameter is removed from the address
 * bar at once so that it does not linger in screenshots or history.
 */
export function displayTokenFromLocation(bridge: WallBridge | undefined = window.iocWall): string | undefined {
  if (bridge?.displayToken) return bridge.displayToken;
  const url = new URL(window.location.href);
  const token = url.searchParams.get("token") ?? undefined;
  if (token !== undefined) {
    url.searchParams.delete("token");
    window.history.replaceState(null, "", url);
  }
  return token;
}
