/** A wall window may only ever show the service's own display pages. */
export function isAllowedNavigation(url: string, serviceOrigin: string): boolean {
  try {
    const u = new URL(url);
    return u.origin === serviceOrigin && u.pathname.startsWith("/wall/");
  } catch {
    return false;
  }
}
