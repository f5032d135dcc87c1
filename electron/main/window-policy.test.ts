import { describe, expect, it } from "vitest";
import { errorSlateUrl } from "./error-slate.js";
import { isAllowedNavigation } from "./navigation-policy.js";
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
  it("allows only the service's own display pages", () => {
    expect(isAllowedNavigation("http://127.0.0.1:8080/wall/D1", "http://127.0.0.1:8080")).toBe(true);
    expect(isAllowedNavigation("http://127.0.0.1:8080/console", "http://127.0.0.1:8080")).toBe(false);
    expect(isAllowedNavigation("https://evil.example/wall/D1", "http://127.0.0.1:8080")).toBe(false);
    expect(isAllowedNavigation("file:///etc/passwd", "http://127.0.0.1:8080")).toBe(false);
    expect(isAllowedNavigation("not a url", "http://127.0.0.1:8080")).toBe(false);
  });
});

describe("error slate", () => {
  it("shows the message as text, never as markup", () => {
    const html = decodeURIComponent(errorSlateUrl('<script>alert(1)</script> "x"').split(",").slice(1).join(","));
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&#60;script&#62;alert(1)");
  });
});
