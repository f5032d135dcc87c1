/**
 * The channel on which a wall window's preload asks for the display credential (synchronously,
 * once). The preload spells the same string: a sandboxed preload cannot import this file.
 */
export const DISPLAY_CREDENTIAL_CHANNEL = "ioc-wall:display-credential";

/**
 * Whether the asking frame is one of the service's own display pages: exactly its origin, a path
 * under /wall/. The error slate (a data: URL), any other origin or page, or an unparsable URL is not.
 */
export function isDisplayPage(senderFrameUrl: string | undefined, serviceOrigin: string): boolean {
  if (!senderFrameUrl) return false;
  try {
    const frame = new URL(senderFrameUrl);
    const service = new URL(serviceOrigin).origin;
    // An opaque origin ("null": data:, file:, about:) never equals a service's http(s) origin.
    return service !== "null" && frame.origin === service && frame.pathname.startsWith("/wall/");
  } catch {
    return false;
  }
}

/** The display credential for the frame that asks, or null: only display pages, and only when one is configured. */
export function displayCredentialFor(senderFrameUrl: string | undefined, serviceOrigin: string, token: string | undefined): string | null {
  return token && isDisplayPage(senderFrameUrl, serviceOrigin) ? token : null;
}
