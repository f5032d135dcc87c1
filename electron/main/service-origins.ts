/**
 * Whether `origin` (a URL's origin) is one the wall's service is served from: the in-process
 * service's, or any of the primaries a follower was given (`--primary`). An opaque origin ("null":
 * data:, file:, about:) never is, and an entry that is no URL (an address not known yet: "") matches
 * nothing. Entries may be whole URLs: only their origins count.
 */
export function isServiceOrigin(origin: string, serviceOrigins: readonly string[]): boolean {
  return origin !== "null" && serviceOrigins.some((s) => originOf(s) === origin);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
