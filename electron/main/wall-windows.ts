import type { Logger } from "../service/log.js";
import type { Bounds } from "./display-like.js";
import { RecoveryBudget } from "./recovery-budget.js";

export interface WindowSpec {
  displayId: string;
  bounds: Bounds;
  url: string;
}

/** One display window, as the manager sees it; Electron's BrowserWindow sits behind it in main.ts. */
export interface WallWindow {
  setBounds(bounds: Bounds): void;
  reload(): void;
  showSlate(message: string): void;
  close(): void;
}

export interface WindowEvents {
  /** The renderer process died (crash, OOM, killed). */
  onGone(reason: string): void;
  onUnresponsive(): void;
}

export interface WindowHost {
  open(spec: WindowSpec, events: WindowEvents): WallWindow;
}

interface Managed {
  spec: WindowSpec;
  window: WallWindow;
  budget: RecoveryBudget;
  /** Set while the error slate shows: cancels the scheduled retry. */
  slateRetry?: () => void;
}

export interface RecoveryPolicy {
  max: number;
  windowMs: number;
  now?: () => number;
  /** Timer for the retry after a slate; returns a cancel function. */
  schedule?: (fn: () => void, ms: number) => () => void;
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

/**
 * Keeps exactly one window per assigned display, and heals them: a crashed or hung renderer is
 * reloaded, at most `max` times per `windowMs`; past that the window shows a clear error slate
 * and tries once more when the budget has refilled, so a wall heals without a visit.
 */
export class WallWindowManager {
  private readonly windows = new Map<string, Managed>();

  constructor(
    private readonly host: WindowHost,
    private readonly serviceUrl: string,
    private readonly log: Logger,
    private readonly policy: RecoveryPolicy = { max: 3, windowMs: 60_000 },
  ) {}

  urlFor(displayId: string): string {
    return `${this.serviceUrl}/wall/${encodeURIComponent(displayId)}`;
  }

  /** Opens, moves and closes windows so that there is exactly one per target. */
  apply(targets: ReadonlyArray<{ displayId: string; bounds: Bounds }>): void {
    const wanted = new Set(targets.map((t) => t.displayId));
    for (const [id, m] of this.windows) {
      if (!wanted.has(id)) {
        m.slateRetry?.();
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
      const spec = { displayId: t.displayId, bounds: t.bounds, url: this.urlFor(t.displayId) };
      const managed: Managed = {
        spec,
        window: undefined as unknown as WallWindow,
        budget: new RecoveryBudget(this.policy.max, this.policy.windowMs, this.policy.now),
      };
      managed.window = this.host.open(spec, {
        onGone: (reason) => this.recover(managed, `renderer gone (${reason})`),
        onUnresponsive: () => this.recover(managed, "renderer unresponsive"),
      });
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
      m.slateRetry?.();
      m.window.close();
    }
    this.windows.clear();
  }

  private recover(m: Managed, why: string): void {
    if (m.slateRetry) return;
    if (m.budget.take()) {
      this.log("warn", "display window reloading", { displayId: m.spec.displayId, why });
      m.window.reload();
      return;
    }
    const schedule = this.policy.schedule ?? defaultSchedule;
    m.slateRetry = schedule(() => {
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

function sameBounds(a: Bounds, b: Bounds): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
