import type { Logger } from "../service/log.js";
import type { Bounds } from "./display-like.js";
import { RecoveryBudget } from "./recovery-budget.js";

/** Where a display's window goes. */
export interface WindowTarget {
  displayId: string;
  bounds: Bounds;
}

/** A window to open: its display, and the display page to load (on the service's current address). */
export interface WindowSpec extends WindowTarget {
  url: string;
}

/** One display window, as the manager sees it; Electron's BrowserWindow sits behind it in main.ts. */
export interface WallWindow {
  setBounds(bounds: Bounds): void;
  /**
   * Loads the display page again, from `url` (after a crash the page is gone: not a soft reload;
   * a follower's current primary may have changed since the last load).
   */
  reload(url: string): void;
  /** Kills a hung renderer, so the next load gets a fresh process (Electron: forcefullyCrashRenderer). */
  crashRenderer(): void;
  showSlate(message: string): void;
  /** Brings a window opened hidden to the front of its output (a recycled window's replacement). */
  show(): void;
  close(): void;
}

export interface WindowEvents {
  /** The renderer process died (crash, OOM, killed). */
  onGone(reason: string): void;
  onUnresponsive(): void;
  /** The hung renderer answers again. */
  onResponsive(): void;
  /** The display page did not load (the service down, refused, timed out). */
  onLoadFailed(reason: string): void;
  /** The display page loaded. */
  onLoaded(): void;
}

export interface WindowHost {
  /** `hidden`: loaded behind the display's window, shown when it is ready (recycling). */
  open(spec: WindowSpec, events: WindowEvents, options?: { hidden?: boolean }): WallWindow;
}

interface Managed {
  spec: WindowTarget;
  window: WallWindow;
  budget: RecoveryBudget;
  /** Set while the error slate shows: cancels the scheduled retry. */
  slateRetry?: () => void;
  /** Set while a hung renderer has its grace period: cancels the crash. */
  hangTimer?: () => void;
  /** Set while the page could not load and waits to try again: cancels the retry. */
  loadRetry?: () => void;
  /** The next wait after a failed load: doubles up to its ceiling, back to the first once a load succeeds. */
  loadBackoffMs: number;
  /** The renderer was killed on purpose and already reloaded: its "gone" event is not news. */
  killed?: boolean;
  /** When the window showing now was opened: recycling renews the oldest. */
  openedAt: number;
  /** A fresh window loading behind this one, and the end of its time to load. */
  replacement?: { window: WallWindow; cancel: () => void };
}

export interface RecoveryPolicy {
  max: number;
  windowMs: number;
  now?: () => number;
  /** Timer for the retries and the grace period; returns a cancel function. */
  schedule?: (fn: () => void, ms: number) => () => void;
  /** How long a hung renderer may take to answer again before it is killed and loaded afresh. */
  hangGraceMs?: number;
  /** Waits between tries to load a page that failed: the first, doubling up to the last. */
  loadBackoffMs?: readonly [first: number, max: number];
  /** After a replacement's page has loaded, the time it gets to draw the wall before it is shown. */
  recycleSettleMs?: number;
}

/** How long a replacement may take to load before recycling gives up and keeps the old window. */
const REPLACEMENT_TIMEOUT_MS = 60_000;
const DEFAULT_RECYCLE_SETTLE_MS = 5_000;

const DEFAULT_HANG_GRACE_MS = 10_000;
/** 5, 10, 20, 40, 60 s: within the reload budget (3 a minute) while the service is away. */
const DEFAULT_LOAD_BACKOFF: readonly [number, number] = [5_000, 60_000];

const defaultSchedule = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

/**
 * Keeps exactly one window per assigned display, and heals them, so a wall heals without a visit:
 * - a crashed renderer is loaded again;
 * - a hung one gets a grace period to answer, then is killed (a same-site load could stay in the
 *   hung process) and loaded afresh;
 * - a page that cannot load (the service down) shows the app's own slate, not Chromium's error
 *   page, and is tried again with a growing wait until it loads;
 * all within `max` loads per `windowMs`: past that the window shows a clear error slate and tries
 * once more when the budget has refilled.
 * Every load (the first, a recovery, a recycle) asks `serviceUrl()` where the service is now: a
 * follower's current primary. A page that works is never reloaded for a change of primary (it moves
 * its sockets itself); one whose load failed tries the new primary at once (`serviceMoved`).
 */
export class WallWindowManager {
  private readonly windows = new Map<string, Managed>();
  private readonly loadFailureListeners: Array<(displayId: string) => void> = [];

  constructor(
    private readonly host: WindowHost,
    private readonly serviceUrl: () => string,
    private readonly log: Logger,
    private readonly policy: RecoveryPolicy = { max: 3, windowMs: 60_000 },
  ) {}

  urlFor(displayId: string): string {
    return `${this.serviceUrl()}/wall/${encodeURIComponent(displayId)}`;
  }

  /** Called when a display page did not load (the window showing, or a recycling replacement): the service may have moved. */
  onLoadFailed(listener: (displayId: string) => void): void {
    this.loadFailureListeners.push(listener);
  }

  /**
   * The service's address changed (a follower's primary died and another answers): the windows
   * waiting to retry a failed load try the new one now. Every other window keeps its page.
   */
  serviceMoved(): void {
    for (const m of this.windows.values()) if (m.loadRetry) this.recover(m, "the service moved");
  }

  /** Opens, moves and closes windows so that there is exactly one per target. */
  apply(targets: readonly WindowTarget[]): void {
    const wanted = new Set(targets.map((t) => t.displayId));
    for (const [id, m] of this.windows) {
      if (!wanted.has(id)) {
        this.cancelTimers(m);
        m.window.close();
        this.windows.delete(id);
        this.log("info", "display window closed", { displayId: id });
      }
    }
    for (const t of targets) {
      const existing = this.windows.get(t.displayId);
      if (existing) {
        if (!sameBounds(existing.spec.bounds, t.bounds)) {
          existing.spec = { ...existing.spec, bounds: t.bounds };
          existing.window.setBounds(t.bounds);
          this.log("info", "display window moved", { displayId: t.displayId, bounds: t.bounds });
        }
        continue;
      }
      const managed: Managed = {
        spec: { displayId: t.displayId, bounds: t.bounds },
        window: undefined as unknown as WallWindow,
        budget: new RecoveryBudget(this.policy.max, this.policy.windowMs, this.policy.now),
        loadBackoffMs: this.backoff[0],
        openedAt: this.now(),
      };
      managed.window = this.openFor(managed, false);
      this.windows.set(t.displayId, managed);
      this.log("info", "display window opened", { displayId: t.displayId, bounds: t.bounds });
    }
  }

  /** The GPU process died: every window's compositor went with it. */
  gpuGone(reason: string): void {
    this.log("error", "GPU process gone; reloading every display window", { reason });
    for (const m of this.windows.values()) this.recover(m, `GPU process gone (${reason})`);
  }

  displayIds(): string[] {
    return [...this.windows.keys()];
  }

  closeAll(): void {
    for (const m of this.windows.values()) {
      this.cancelTimers(m);
      m.window.close();
    }
    this.windows.clear();
  }

  /**
   * Renews a display's window without a flash: a fresh one loads the display page hidden behind it,
   * gets time to draw the wall, then comes to the front and the old one closes (its renderer's slow
   * leaks with it). A replacement that fails or does not load in a minute is dropped; the old window
   * stays. False when the window is busy healing or already being renewed.
   */
  recycle(displayId: string): boolean {
    const m = this.windows.get(displayId);
    if (!m || m.replacement || m.slateRetry || m.loadRetry || m.hangTimer) return false;
    this.log("info", "display window recycling: loading a fresh one behind it", { displayId });
    const window = this.openFor(m, true);
    m.replacement = { window, cancel: this.schedule(() => this.dropReplacement(m, "it did not load within a minute"), REPLACEMENT_TIMEOUT_MS) };
    return true;
  }

  /**
   * Renews the window that has shown longest once it is `everyMs` old and the wall is `quiet()`
   * (no switch under way): one at a time, checked every minute. Returns a stop function.
   */
  recycleEvery(everyMs: number, quiet: () => boolean): () => void {
    let cancel = () => {};
    const check = () => {
      const busy = [...this.windows.values()].some((m) => m.replacement);
      const oldest = [...this.windows.values()].sort((a, b) => a.openedAt - b.openedAt)[0];
      if (!busy && oldest && this.now() - oldest.openedAt >= everyMs && quiet()) this.recycle(oldest.spec.displayId);
      cancel = this.schedule(check, 60_000);
    };
    cancel = this.schedule(check, 60_000);
    return () => cancel();
  }

  private now(): number {
    return (this.policy.now ?? Date.now)();
  }

  /** A window for the display, its events heard only while it is the one showing (or its replacement). */
  private openFor(m: Managed, hidden: boolean): WallWindow {
    const isShowing = () => m.window === window;
    const isReplacement = () => m.replacement?.window === window;
    const window: WallWindow = this.host.open(
      { ...m.spec, url: this.urlFor(m.spec.displayId) },
      {
        onGone: (reason) => {
          if (isReplacement()) return this.dropReplacement(m, `its renderer is gone (${reason})`);
          if (!isShowing()) return;
          if (m.killed) m.killed = false;
          else this.recover(m, `renderer gone (${reason})`);
        },
        onUnresponsive: () => isShowing() && this.hung(m),
        onResponsive: () => {
          if (!isShowing() || !m.hangTimer) return;
          m.hangTimer();
          m.hangTimer = undefined;
          this.log("info", "display window answers again", { displayId: m.spec.displayId });
        },
        onLoadFailed: (reason) => {
          if (isReplacement()) this.dropReplacement(m, `its page did not load (${reason})`);
          else if (isShowing()) this.loadFailed(m, reason);
          else return;
          for (const listener of this.loadFailureListeners) listener(m.spec.displayId);
        },
        onLoaded: () => {
          if (isReplacement()) {
            // The page is in; its tiles load their data and pictures: give them time, then swap.
            m.replacement!.cancel();
            m.replacement!.cancel = this.schedule(() => this.swap(m), this.policy.recycleSettleMs ?? DEFAULT_RECYCLE_SETTLE_MS);
          } else if (isShowing()) m.loadBackoffMs = this.backoff[0];
        },
      },
      hidden ? { hidden: true } : {},
    );
    return window;
  }

  private swap(m: Managed): void {
    const next = m.replacement;
    if (!next) return;
    const old = m.window;
    m.replacement = undefined;
    // What was under way for the old window (a hang's grace, a retry) ends with it.
    for (const cancel of [m.slateRetry, m.hangTimer, m.loadRetry]) cancel?.();
    m.slateRetry = m.hangTimer = m.loadRetry = undefined;
    m.window = next.window;
    m.openedAt = this.now();
    next.window.show();
    old.close();
    this.log("info", "display window recycled", { displayId: m.spec.displayId });
  }

  private dropReplacement(m: Managed, why: string): void {
    const r = m.replacement;
    if (!r) return;
    r.cancel();
    m.replacement = undefined;
    r.window.close();
    this.log("warn", "display window recycling given up; the window showing stays", { displayId: m.spec.displayId, why });
  }

  private get backoff(): readonly [number, number] {
    return this.policy.loadBackoffMs ?? DEFAULT_LOAD_BACKOFF;
  }

  private schedule(fn: () => void, ms: number): () => void {
    return (this.policy.schedule ?? defaultSchedule)(fn, ms);
  }

  private cancelTimers(m: Managed): void {
    for (const cancel of [m.slateRetry, m.hangTimer, m.loadRetry, m.replacement?.cancel]) cancel?.();
    m.replacement?.window.close();
    m.slateRetry = m.hangTimer = m.loadRetry = m.replacement = undefined;
  }

  /** A hung renderer: a grace period to answer, then killed and loaded afresh. */
  private hung(m: Managed): void {
    if (m.hangTimer || m.slateRetry) return;
    const grace = this.policy.hangGraceMs ?? DEFAULT_HANG_GRACE_MS;
    this.log("warn", "display window unresponsive; waiting for it", { displayId: m.spec.displayId, graceSeconds: grace / 1000 });
    m.hangTimer = this.schedule(() => {
      m.hangTimer = undefined;
      this.log("warn", "display window still unresponsive; killing its renderer", { displayId: m.spec.displayId });
      m.killed = true;
      m.window.crashRenderer();
      this.recover(m, "renderer unresponsive");
    }, grace);
  }

  /** The page did not load: the app's own slate, and another try after a growing wait. */
  private loadFailed(m: Managed, reason: string): void {
    if (m.loadRetry || m.slateRetry) return;
    const wait = m.loadBackoffMs;
    m.loadBackoffMs = Math.min(this.backoff[1], wait * 2);
    this.log("warn", "display page did not load; trying again", { displayId: m.spec.displayId, reason, retrySeconds: wait / 1000 });
    m.window.showSlate(
      `Màn hình ${m.spec.displayId}: chưa kết nối được dịch vụ (${reason}); thử lại sau ${wait / 1000} giây. ` +
        `Display ${m.spec.displayId}: the service does not answer (${reason}); trying again in ${wait / 1000} s.`,
    );
    m.loadRetry = this.schedule(() => {
      m.loadRetry = undefined;
      this.recover(m, `load failed (${reason})`);
    }, wait);
  }

  private recover(m: Managed, why: string): void {
    if (m.slateRetry) return;
    // A reload supersedes a pending hang check or load retry.
    m.hangTimer?.();
    m.loadRetry?.();
    m.hangTimer = m.loadRetry = undefined;
    if (m.budget.take()) {
      const url = this.urlFor(m.spec.displayId);
      this.log("warn", "display window reloading", { displayId: m.spec.displayId, why, url });
      m.window.reload(url);
      return;
    }
    m.slateRetry = this.schedule(() => {
      m.slateRetry = undefined;
      this.recover(m, "retry after the error slate");
    }, this.policy.windowMs);
    this.log("error", "display window keeps failing; showing the error slate", {
      displayId: m.spec.displayId,
      why,
      budget: `${this.policy.max} reloads per ${this.policy.windowMs / 1000} s`,
    });
    m.window.showSlate(
      `Màn hình ${m.spec.displayId} gặp lỗi lặp lại (${why}); đã tạm dừng tự khởi động lại. ` +
        `Display ${m.spec.displayId} keeps failing (${why}); automatic reloads paused.`,
    );
  }
}

/**
 * A quiet moment to renew a window: no layout switch within a minute either way (`switchAt` is the
 * last switch's instant, kept after it; a follower controller, which does not know it, is always quiet).
 */
export function quietWall(switchAt: number | undefined, now: number): boolean {
  return switchAt === undefined || Math.abs(now - switchAt) > 60_000;
}

function sameBounds(a: Bounds, b: Bounds): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
