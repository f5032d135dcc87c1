import { isServiceOrigin } from "./service-origins.js";

/** What a window is for: a display of the wall, or the operator console (`--console`). */
export type WindowKind = "wall" | "console";

/**
 * Where a window may go: only the service's own pages (on any of its origins: a follower's
 * primaries are all one wall), and only those of its kind. A wall window shows display pages
 * (`/wall/…`); the console window shows `/console`, with any query (its language switch is the
 * link `?lang=en`). Neither may reach the other's pages.
 */
export function isAllowedNavigation(url: string, serviceOrigins: readonly string[], kind: WindowKind): boolean {
  try {
    const u = new URL(url);
    if (!isServiceOrigin(u.origin, serviceOrigins)) return false;
    return kind === "console" ? u.pathname === "/console" : u.pathname.startsWith("/wall/");
  } catch {
    return false;
  }
}

/**
 * The kind of each web contents, by its id. Navigation is guarded process-wide (security.ts, on
 * `web-contents-created`), before anyone can say what a new web contents is for; so the guard asks
 * this registry at each navigation instead. Only the console window is ever marked: anything
 * unmarked (wall windows, error slates, whatever else appears) is held to the wall's rule, so a
 * window that was never declared a console can never reach /console. One process-level guard
 * reading one registry keeps the whole policy in one place, rather than a looser process-level
 * rule that each window would have to tighten with handlers of its own.
 */
export class WindowKinds {
  private readonly consoles = new Set<number>();

  /** Call right after creating the window, before its first load. */
  markConsole(contentsId: number): void {
    this.consoles.add(contentsId);
  }

  /** Call when the web contents is destroyed. */
  forget(contentsId: number): void {
    this.consoles.delete(contentsId);
  }

  kindOf(contentsId: number): WindowKind {
    return this.consoles.has(contentsId) ? "console" : "wall";
  }
}
