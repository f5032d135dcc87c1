import { describe, expect, it } from "vitest";
import { silentLogger } from "../service/log.js";
import { RecoveryBudget } from "./recovery-budget.js";
import type { WallWindow, WindowEvents, WindowHost, WindowSpec } from "./wall-windows.js";
import { WallWindowManager } from "./wall-windows.js";

/** A WindowHost that records what the manager asks of it, in place of Electron's BrowserWindow. */
class RecordingHost implements WindowHost {
  readonly calls: string[] = [];
  readonly events = new Map<string, WindowEvents>();
  open(spec: WindowSpec, events: WindowEvents): WallWindow {
    this.calls.push(`open ${spec.displayId} ${spec.url}`);
    this.events.set(spec.displayId, events);
    return {
      setBounds: (b) => this.calls.push(`move ${spec.displayId} ${b.x},${b.y}`),
      reload: () => this.calls.push(`reload ${spec.displayId}`),
      crashRenderer: () => this.calls.push(`kill ${spec.displayId}`),
      showSlate: (m) => this.calls.push(`slate ${spec.displayId} ${m.split(" (")[0]}`),
      close: () => this.calls.push(`close ${spec.displayId}`),
    };
  }
}

const b = (x: number) => ({ x, y: 0, width: 1920, height: 1080 });

describe("RecoveryBudget", () => {
  it("allows 3 recoveries per 60 s, then refuses until the window slides", () => {
    let now = 0;
    const budget = new RecoveryBudget(3, 60_000, () => now);
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false]);
    now = 60_001;
    expect(budget.take()).toBe(true);
  });
});

describe("WallWindowManager", () => {
  it("opens one window per display, moves changed ones and closes removed ones", () => {
    const host = new RecordingHost();
    const m = new WallWindowManager(host, "http://127.0.0.1:8080", silentLogger);
    m.apply([{ displayId: "D1", bounds: b(0) }, { displayId: "D2", bounds: b(1920) }]);
    m.apply([{ displayId: "D1", bounds: b(0) }, { displayId: "D2", bounds: b(3840) }]);
    m.apply([{ displayId: "D2", bounds: b(3840) }]);
    expect(host.calls).toEqual([
      "open D1 http://127.0.0.1:8080/wall/D1",
      "open D2 http://127.0.0.1:8080/wall/D2",
      "move D2 3840,0",
      "close D1",
    ]);
  });

  it("reloads a crashed or hung window 3 times in 60 s, then shows the error slate, then retries when the budget refills", () => {
    let now = 0;
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const host = new RecordingHost();
    const m = new WallWindowManager(host, "http://w", silentLogger, {
      max: 3,
      windowMs: 60_000,
      now: () => now,
      schedule: (fn, ms) => {
        timers.push({ fn, ms });
        return () => undefined;
      },
    });
    m.apply([{ displayId: "D1", bounds: b(0) }]);
    const ev = host.events.get("D1")!;
    ev.onGone("crashed");
    ev.onGone("killed");
    ev.onGone("oom");
    ev.onGone("crashed");
    ev.onGone("crashed");
    expect(host.calls.slice(1)).toEqual(["reload D1", "reload D1", "reload D1", "slate D1 Màn hình D1 gặp lỗi lặp lại"]);
    expect(timers.map((t) => t.ms)).toEqual([60_000]);
    now = 60_001;
    timers[0]!.fn();
    expect(host.calls.slice(5)).toEqual(["reload D1"]);
  });

  it("reloads every window when the GPU process dies", () => {
    const host = new RecordingHost();
    const m = new WallWindowManager(host, "http://w", silentLogger);
    m.apply([{ displayId: "D1", bounds: b(0) }, { displayId: "D2", bounds: b(1920) }]);
    m.gpuGone("crashed");
    expect(host.calls.slice(2).sort()).toEqual(["reload D1", "reload D2"]);
  });

  /** A manager on a fake clock: `timers` holds what it scheduled, `advance` runs what falls due. */
  function onFakeClock() {
    let now = 0;
    let timers: Array<{ fn: () => void; at: number; live: boolean }> = [];
    const host = new RecordingHost();
    const m = new WallWindowManager(host, "http://w", silentLogger, {
      max: 3,
      windowMs: 60_000,
      now: () => now,
      hangGraceMs: 10_000,
      loadBackoffMs: [5_000, 60_000],
      schedule: (fn, ms) => {
        const t = { fn, at: now + ms, live: true };
        timers.push(t);
        return () => void (t.live = false);
      },
    });
    const advance = (ms: number) => {
      now += ms;
      const due = timers.filter((t) => t.live && t.at <= now);
      timers = timers.filter((t) => !due.includes(t));
      for (const t of due) t.fn();
    };
    m.apply([{ displayId: "D1", bounds: b(0) }]);
    host.calls.length = 0;
    return { host, events: host.events.get("D1")!, advance, pending: () => timers.filter((t) => t.live).map((t) => t.at - now) };
  }

  it("gives a hung renderer a grace period, then kills it and loads the page afresh", () => {
    const { host, events, advance } = onFakeClock();
    events.onUnresponsive();
    advance(5_000);
    events.onResponsive();
    advance(10_000);
    // It answered within the grace period: nothing was done.
    expect(host.calls).toEqual([]);
    events.onUnresponsive();
    events.onUnresponsive();
    advance(10_000);
    // Killed, then loaded once: the "gone" its killing causes does not load it twice.
    events.onGone("killed");
    expect(host.calls).toEqual(["kill D1", "reload D1"]);
  });

  it("shows its own slate when the page cannot load, and tries again after 5, 10, 20 s until it loads", () => {
    const { host, events, advance, pending } = onFakeClock();
    events.onLoadFailed("ERR_CONNECTION_REFUSED -102");
    expect(host.calls).toEqual(["slate D1 Màn hình D1: chưa kết nối được dịch vụ"]);
    expect(pending()).toEqual([5_000]);
    advance(5_000);
    events.onLoadFailed("ERR_CONNECTION_REFUSED -102");
    expect(pending()).toEqual([10_000]);
    advance(10_000);
    events.onLoadFailed("ERR_CONNECTION_REFUSED -102");
    expect(pending()).toEqual([20_000]);
    advance(20_000);
    events.onLoaded();
    expect(host.calls.filter((c) => c === "reload D1")).toHaveLength(3);
    // Loaded: the next failure waits the first 5 s again.
    events.onLoadFailed("ERR_CONNECTION_REFUSED -102");
    expect(pending()).toEqual([5_000]);
  });

  it("keeps failed loads within the reload budget: a fourth within a minute waits on the error slate", () => {
    const { host, events, advance } = onFakeClock();
    events.onGone("crashed");
    events.onGone("crashed");
    events.onGone("crashed");
    events.onLoadFailed("ERR_CONNECTION_REFUSED -102");
    advance(5_000);
    expect(host.calls.at(-1)).toBe("slate D1 Màn hình D1 gặp lỗi lặp lại");
  });
});

