/**
 * The channel on which a wall window's preload asks for the display credential (synchronously,
 * once). The preload spells the same string: a sandboxed preload cannot import this file.
 */
export const DISPLAY_CREDENTIAL_CHANNEL = "ioc-wall:display-credential";

/**
 * The display credential for the frame that asks, or null. Only the service's own display pages
 * (exactly its origin, a path under /wall/) receive it; the error slate (a data: URL), any other
 * origin or page, an unparsable URL, or no configured token get null.
 */
export function displayCredentialFor(senderFrameUrl: string | undefined, serviceOrigin: string, token: string | undefined): string | null {
  if (!token || !senderFrameUrl) return null;
  try {
    const frame = new URL(senderFrameUrl);
    const service = new URL(serviceOrigin).origin;
    // An opaque origin ("null": data:, file:, about:) never equals a service's http(s) origin.
    if (service === "null" || frame.origin !== service) return null;
    return frame.pathname.startsWith("/wall/") ? token : null;
  } catch {
    return null;
  }
}
