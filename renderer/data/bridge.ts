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
