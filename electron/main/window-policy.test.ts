import { describe, expect, it } from "vitest";
import { errorSlateUrl } from "./error-slate.js";
import { isAllowedNavigation, WindowKinds } from "./navigation-policy.js";
import { wallWindowOptions } from "./window-options.js";

describe("wall window options", () => {
  it("are sandboxed, context-isolated, without node, and kiosk on the wall", () => {
    const o = wallWindowOptions({ bounds: { x: 0, y: 0, width: 1920, height: 1080 }, preload: "/p.cjs", kiosk: true, title: "D1" });
    expect(o.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, backgroundThrottling: false });
    expect(o).toMatchObject({ kiosk: true, frame: false, fullscreen: true });
    expect(wallWindowOptions({ bounds: { x: 0, y: 0, width: 480, height: 270 }, preload: "/p.cjs", kiosk: false, title: "D1" })).toMatchObject({ kiosk: false, frame: true });
  });
});

describe("navigation policy", () => {
  const SERVICE = ["http://127.0.0.1:8080"];

  it("keeps a wall window on the service's own display pages", () => {
    expect(isAllowedNavigation("http://127.0.0.1:8080/wall/D1", SERVICE, "wall")).toBe(true);
    expect(isAllowedNavigation("http://127.0.0.1:8080/wall/D1?x=1", ["http://127.0.0.1:8080/"], "wall")).toBe(true);
    for (const url of ["http://127.0.0.1:8080/console", "http://127.0.0.1:8080/console?lang=en", "http://127.0.0.1:8080/wall/../console", "http://127.0.0.1:8080/", "http://127.0.0.1:8080/api/state"]) {
      expect(isAllowedNavigation(url, SERVICE, "wall"), url).toBe(false);
    }
  });

  it("keeps the console window on /console, with any query", () => {
    for (const url of ["http://127.0.0.1:8080/console", "http://127.0.0.1:8080/console?lang=en", "http://127.0.0.1:8080/console?lang=vi#x"]) {
      expect(isAllowedNavigation(url, SERVICE, "console"), url).toBe(true);
    }
    for (const url of ["http://127.0.0.1:8080/wall/D1", "http://127.0.0.1:8080/console/x", "http://127.0.0.1:8080/consoles", "http://127.0.0.1:8080/", "http://127.0.0.1:8080/api/auth"]) {
      expect(isAllowedNavigation(url, SERVICE, "console"), url).toBe(false);
    }
  });

  it("never leaves the service's origin, whatever the kind", () => {
    for (const kind of ["wall", "console"] as const) {
      for (const url of ["https://evil.example/wall/D1", "https://evil.example/console", "https://127.0.0.1:8080/console", "http://localhost:8080/console", "file:///console", "file:///etc/passwd", "data:text/html,x", "not a url"]) {
        expect(isAllowedNavigation(url, SERVICE, kind), `${kind} ${url}`).toBe(false);
      }
      // Before the service has started its address is unknown: nowhere is allowed.
      expect(isAllowedNavigation("http://127.0.0.1:8080/console", [], kind)).toBe(false);
      expect(isAllowedNavigation("http://127.0.0.1:8080/wall/D1", [""], kind)).toBe(false);
    }
  });
});

describe("navigation policy with several primaries (a follower's --primary)", () => {
  const PRIMARIES = ["https://wall-1.example:8443", "https://wall-2.example:8443"];

  it("lets a window reach its kind of page on any of them, and nowhere else", () => {
    expect(isAllowedNavigation("https://wall-2.example:8443/wall/D1", PRIMARIES, "wall")).toBe(true);
    expect(isAllowedNavigation("https://wall-1.example:8443/console?lang=en", PRIMARIES, "console")).toBe(true);
    expect(isAllowedNavigation("https://wall-2.example:8443/console", PRIMARIES, "wall")).toBe(false);
    for (const url of ["https://wall-3.example:8443/wall/D1", "https://wall-2.example/wall/D1", "http://wall-2.example:8443/wall/D1"]) {
      expect(isAllowedNavigation(url, PRIMARIES, "wall"), url).toBe(false);
    }
  });
});

describe("window kinds", () => {
  it("hold every web contents to the wall's rule unless it was marked the console, and forget it when destroyed", () => {
    const kinds = new WindowKinds();
    const guard = (id: number, url: string) => isAllowedNavigation(url, ["http://127.0.0.1:8080"], kinds.kindOf(id));
    kinds.markConsole(7);
    expect(kinds.kindOf(7)).toBe("console");
    expect(kinds.kindOf(3)).toBe("wall");
    expect(guard(7, "http://127.0.0.1:8080/console?lang=en")).toBe(true);
    expect(guard(7, "http://127.0.0.1:8080/wall/D1")).toBe(false);
    expect(guard(3, "http://127.0.0.1:8080/console")).toBe(false);
    expect(guard(3, "http://127.0.0.1:8080/wall/D1")).toBe(true);
    kinds.forget(7);
    expect(kinds.kindOf(7)).toBe("wall");
    expect(guard(7, "http://127.0.0.1:8080/console")).toBe(false);
  });
});

describe("error slate", () => {
  it("shows the message as text, never as markup", () => {
    const html = decodeURIComponent(errorSlateUrl('<script>alert(1)</script> "x"').split(",").slice(1).join(","));
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&#60;script&#62;alert(1)");
  });
});
