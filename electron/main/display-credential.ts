import { isServiceOrigin } from "./service-origins.js";

/**
 * The channel on which a wall window's preload asks for the display credential (synchronously,
 * once). The preload spells the same string: a sandboxed preload cannot import this file.
 */
export const DISPLAY_CREDENTIAL_CHANNEL = "ioc-wall:display-credential";

/**
 * Whether the asking frame is one of the service's own display pages: exactly one of its origins
 * (a follower's primaries), a path under /wall/. The error slate (a data: URL), any other origin
 * or page, or an unparsable URL is not.
 */
export function isDisplayPage(senderFrameUrl: string | undefined, serviceOrigins: readonly string[]): boolean {
  if (!senderFrameUrl) return false;
  try {
    const frame = new URL(senderFrameUrl);
    return isServiceOrigin(frame.origin, serviceOrigins) && frame.pathname.startsWith("/wall/");
  } catch {
    return false;
  }
}

/** The display credential for the frame that asks, or null: only display pages, and only when one is configured. */
export function displayCredentialFor(senderFrameUrl: string | undefined, serviceOrigins: readonly string[], token: string | undefined): string | null {
  return token && isDisplayPage(senderFrameUrl, serviceOrigins) ? token : null;
}
