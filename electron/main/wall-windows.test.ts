import { describe, expect, it } from "vitest";
import { silentLogger } from "../service/log.js";
import { RecoveryBudget } from "./recovery-budget.js";
import type { WallWindow, WindowEvents, WindowHost, WindowSpec } from "./wall-windows.js";
import { quietWall, WallWindowManager } from "./wall-windows.js";

/** A WindowHost that records what the manager asks of it, in place of Electron's BrowserWindow. */
class RecordingHost implements WindowHost {
  readonly calls: string[] = [];
  /** The events of the first window each display got. */
  readonly events = new Map<string, WindowEvents>();
  /** Every reload asked for: the window and the URL it loads. */
  readonly reloads: string[] = [];
  /** Every window opened, in order, with its events. */
  readonly opened: Array<{ displayId: string; events: WindowEvents; hidden: boolean }> = [];
  open(spec: WindowSpec, events: WindowEvents, options: { hidden?: boolean } = {}): WallWindow {
    const n = this.opened.push({ displayId: spec.displayId, events, hidden: options.hidden === true });
    const name = n === 1 || !options.hidden ? spec.displayId : `${spec.displayId}#${n}`;
    this.calls.push(`open ${name} ${spec.url}${options.hidden ? " hidden" : ""}`);
    if (!this.events.has(spec.displayId)) this.events.set(spec.displayId, events);
    const id = name;
    return {
      show: () => this.calls.push(`show ${id}`),
      setBounds: (b) => this.calls.push(`move ${id} ${b.x},${b.y}`),
      reload: (url) => {
        this.calls.push(`reload ${id}`);
        this.reloads.push(`${id} ${url}`);
      },
      crashRenderer: () => this.calls.push(`kill ${id}`),
      showSlate: (m) => this.calls.push(`slate ${id} ${m.split(" (")[0]}`),
      close: () => this.calls.push(`close ${id}`),
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
    const m = new WallWindowManager(host, () => "http://127.0.0.1:8080", silentLogger);
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
    const m = new WallWindowManager(host, () => "http://w", silentLogger, {
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
    const m = new WallWindowManager(host, () => "http://w", silentLogger);
    m.apply([{ displayId: "D1", bounds: b(0) }, { displayId: "D2", bounds: b(1920) }]);
    m.gpuGone("crashed");
    expect(host.calls.slice(2).sort()).toEqual(["reload D1", "reload D2"]);
  });

  /** A manager on a fake clock: `timers` holds what it scheduled, `advance` runs what falls due. */
  function onFakeClock(serviceUrl: () => string = () => "http://w") {
    let now = 0;
    let timers: Array<{ fn: () => void; at: number; live: boolean }> = [];
    const host = new RecordingHost();
    const m = new WallWindowManager(host, serviceUrl, silentLogger, {
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
    return { host, manager: m, events: host.events.get("D1")!, advance, pending: () => timers.filter((t) => t.live).map((t) => t.at - now) };
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

  describe("recycling", () => {
    it("loads a fresh window behind the display's, gives it time to draw, then shows it and closes the old", () => {
      const { host, events, advance, manager: m } = onFakeClock();
      expect(m.recycle("D1")).toBe(true);
      expect(m.recycle("D1")).toBe(false);
      const fresh = host.opened.at(-1)!;
      expect(fresh.hidden).toBe(true);
      fresh.events.onLoaded();
      advance(4_000);
      expect(host.calls).toEqual(["open D1#2 http://w/wall/D1 hidden"]);
      advance(1_000);
      expect(host.calls).toEqual(["open D1#2 http://w/wall/D1 hidden", "show D1#2", "close D1"]);
      // The old window's events are no longer heard; the new one's are.
      events.onGone("crashed");
      expect(host.calls.at(-1)).toBe("close D1");
      fresh.events.onGone("crashed");
      expect(host.calls.at(-1)).toBe("reload D1#2");
    });

    it("keeps the old window when the fresh one fails or does not load within a minute", () => {
      const { host, advance, manager: m } = onFakeClock();
      m.recycle("D1");
      host.opened.at(-1)!.events.onLoadFailed("ERR_CONNECTION_REFUSED -102");
      m.recycle("D1");
      advance(60_000);
      expect(host.calls).toEqual(["open D1#2 http://w/wall/D1 hidden", "close D1#2", "open D1#3 http://w/wall/D1 hidden", "close D1#3"]);
    });

    it("renews the oldest window once it is due and the wall is quiet, one at a time", () => {
      const { host, advance, manager: m } = onFakeClock();
      m.apply([{ displayId: "D1", bounds: b(0) }, { displayId: "D2", bounds: b(1920) }]);
      host.calls.length = 0;
      let quiet = false;
      m.recycleEvery(3_600_000, () => quiet);
      advance(3_600_000);
      advance(60_000);
      expect(host.calls).toEqual([]);
      quiet = true;
      advance(60_000);
      advance(30_000);
      // D1, opened first, is renewed; D2 waits for it to finish.
      expect(host.calls).toEqual(["open D1#3 http://w/wall/D1 hidden"]);
      host.opened.at(-1)!.events.onLoaded();
      advance(5_000);
      advance(25_000);
      expect(host.calls).toEqual(["open D1#3 http://w/wall/D1 hidden", "show D1#3", "close D1", "open D2#4 http://w/wall/D2 hidden"]);
    });
  });

  describe("a follower whose primary changes", () => {
    /** A manager whose service address is `primary.now`, as a follower's current primary. */
    function following() {
      const primary = { now: "https://wall-1.example:8443" };
      return { primary, ...onFakeClock(() => primary.now) };
    }

    it("loads from the current primary each time: recovery, recycling and a new display's first load", () => {
      const { host, events, advance, manager: m, primary } = following();
      primary.now = "https://wall-2.example:8443";
      events.onGone("crashed");
      expect(host.reloads).toEqual(["D1 https://wall-2.example:8443/wall/D1"]);
      m.recycle("D1");
      host.opened.at(-1)!.events.onLoaded();
      advance(5_000);
      m.apply([{ displayId: "D1", bounds: b(0) }, { displayId: "D 2", bounds: b(1920) }]);
      expect(host.calls.filter((c) => c.startsWith("open"))).toEqual(["open D1#2 https://wall-2.example:8443/wall/D1 hidden", "open D 2 https://wall-2.example:8443/wall/D%202"]);
    });

    it("retries a page that failed on the new primary at once, and leaves the windows that work alone", () => {
      const { host, advance, manager: m, pending, primary } = following();
      m.apply([{ displayId: "D1", bounds: b(0) }, { displayId: "D2", bounds: b(1920) }]);
      host.events.get("D2")!.onLoadFailed("ERR_CONNECTION_REFUSED -102");
      expect(pending()).toEqual([5_000]);
      primary.now = "https://wall-2.example:8443";
      m.serviceMoved();
      expect(host.reloads).toEqual(["D2 https://wall-2.example:8443/wall/D2"]);
      // The wait it had is over; D1, whose page works, was not touched.
      expect(pending()).toEqual([]);
      advance(60_000);
      expect(host.calls.filter((c) => c.includes("D1"))).toEqual([]);
    });

    it("says when a page does not load (the window showing, or a replacement), for the chooser to look for a live primary", () => {
      const { host, events, manager: m } = following();
      const failed: string[] = [];
      m.onLoadFailed((id) => failed.push(id));
      events.onLoadFailed("ERR_CONNECTION_REFUSED -102");
      m.serviceMoved();
      events.onLoaded();
      m.recycle("D1");
      host.opened.at(-1)!.events.onLoadFailed("ERR_NAME_NOT_RESOLVED -105");
      // A window no longer showing (the dropped replacement) is not news.
      host.opened.at(-1)!.events.onLoadFailed("ERR_NAME_NOT_RESOLVED -105");
      expect(failed).toEqual(["D1", "D1"]);
    });
  });

  it("finds the wall quiet a minute away from a switch, before or after it", () => {
    expect(quietWall(undefined, 1_000_000)).toBe(true);
    expect(quietWall(1_000_000, 1_030_000)).toBe(false);
    expect(quietWall(1_000_000, 970_000)).toBe(false);
    expect(quietWall(1_000_000, 1_070_000)).toBe(true);
  });
});

