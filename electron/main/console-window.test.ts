import { describe, expect, it } from "vitest";
import { CONSOLE_SIZE, ConsoleReloader, consoleBounds, consoleUrl, consoleWindowOptions } from "./console-window.js";
import { wallWindowOptions } from "./window-options.js";

describe("console window", () => {
  it("shows the service's /console", () => {
    expect(consoleUrl("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080/console");
    expect(consoleUrl("https://wall-1.example/")).toBe("https://wall-1.example/console");
  });

  it("is an ordinary 1366×768 window with the wall windows' hardened preferences and no preload", () => {
    const o = consoleWindowOptions(undefined);
    expect(o).toMatchObject({ ...CONSOLE_SIZE, kiosk: false, fullscreen: false, alwaysOnTop: false, frame: true, resizable: true, center: true });
    expect(o).not.toHaveProperty("x");
    expect(o).not.toHaveProperty("y");
    const wall = wallWindowOptions({ bounds: { x: 0, y: 0, width: 1, height: 1 }, preload: "/p.cjs", kiosk: false, title: "D1" });
    const { preload, ...hardened } = wall.webPreferences!;
    expect(preload).toBe("/p.cjs");
    expect(o.webPreferences).toEqual(hardened);
    expect(o.webPreferences).not.toHaveProperty("preload");
    expect(o.webPreferences).not.toHaveProperty("additionalArguments");
  });

  it("opens centred on the first output no wall window covers, else where Electron centres it", () => {
    const free = [{ id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 }];
    expect(consoleBounds(free)).toEqual({ x: 1920 + 277, y: 156, width: 1366, height: 768 });
    expect(consoleWindowOptions(consoleBounds(free))).toMatchObject({ x: 2197, y: 156, width: 1366, height: 768 });
    expect(consoleWindowOptions(consoleBounds(free))).not.toHaveProperty("center");
    // A smaller output: the window fits it.
    expect(consoleBounds([{ id: 3, bounds: { x: 0, y: -800, width: 1280, height: 720 }, scaleFactor: 1 }])).toEqual({ x: 0, y: -800, width: 1280, height: 720 });
    expect(consoleBounds([])).toBeUndefined();
  });
});

describe("ConsoleReloader", () => {
  function setup() {
    let now = 10_000;
    const calls: string[] = [];
    const timers: Array<{ fn: () => void; at: number; cancelled: boolean }> = [];
    const reloader = new ConsoleReloader(
      () => calls.push(`reload at ${now}`),
      1000,
      () => now,
      (fn, ms) => {
        const t = { fn, at: now + ms, cancelled: false };
        timers.push(t);
        return () => (t.cancelled = true);
      },
    );
    const advance = (ms: number) => {
      now += ms;
      for (const t of timers.splice(0)) {
        if (t.cancelled) continue;
        if (t.at <= now) t.fn();
        else timers.push(t);
      }
    };
    return { reloader, calls, advance, pending: () => timers.filter((t) => !t.cancelled).length };
  }

  it("reloads at once after a crash, and at most once a second however often it crashes", () => {
    const { reloader, calls, advance } = setup();
    reloader.gone();
    expect(calls).toEqual(["reload at 10000"]);
    advance(200);
    reloader.gone();
    reloader.gone();
    advance(300);
    reloader.gone();
    expect(calls).toEqual(["reload at 10000"]);
    advance(500);
    expect(calls).toEqual(["reload at 10000", "reload at 11000"]);
    advance(5000);
    reloader.gone();
    expect(calls).toEqual(["reload at 10000", "reload at 11000", "reload at 16000"]);
  });

  it("reloads nothing once the window is closed, even a reload already waiting", () => {
    const { reloader, calls, advance, pending } = setup();
    reloader.gone();
    advance(100);
    reloader.gone();
    expect(pending()).toBe(1);
    reloader.dispose();
    expect(pending()).toBe(0);
    advance(5000);
    reloader.gone();
    expect(calls).toEqual(["reload at 10000"]);
  });
});
