import type { BrowserWindowConstructorOptions } from "electron";
import type { Bounds, DisplayLike } from "./display-like.js";
import { wallWindowOptions } from "./window-options.js";

export const CONSOLE_SIZE = { width: 1366, height: 768 } as const;

export function consoleUrl(serviceUrl: string): string {
  return `${new URL(serviceUrl).origin}/console`;
}

/**
 * Where the console window opens: centred on the first output no wall window covers, since kiosk
 * windows stay on top of their output and would hide it. With none free (or windowed development),
 * undefined: Electron centres the window on the primary output.
 */
export function consoleBounds(freeOutputs: readonly DisplayLike[]): Bounds | undefined {
  const output = freeOutputs[0];
  if (!output) return undefined;
  const o = output.bounds;
  const width = Math.min(CONSOLE_SIZE.width, o.width);
  const height = Math.min(CONSOLE_SIZE.height, o.height);
  return { x: o.x + Math.floor((o.width - width) / 2), y: o.y + Math.floor((o.height - height) / 2), width, height };
}

/**
 * An ordinary window (framed, resizable, never kiosk) with the wall windows' hardened web
 * preferences and no preload: the operator signs in on the page, and the display credential,
 * which only a preload could ask for, is never offered to it.
 */
export function consoleWindowOptions(bounds: Bounds | undefined): BrowserWindowConstructorOptions {
  const options = wallWindowOptions({ bounds: bounds ?? { x: 0, y: 0, ...CONSOLE_SIZE }, kiosk: false, title: "IOC Wall console" });
  if (!bounds) {
    delete options.x;
    delete options.y;
    options.center = true;
  }
  return { ...options, resizable: true };
}

/**
 * Reloads the console after its renderer is gone, at most once per `minIntervalMs`: a crash soon
 * after the last reload is answered when the interval is up, never dropped and never looped faster.
 * No budget or error slate as for wall windows: an operator sits in front of this one.
 */
export class ConsoleReloader {
  private last = Number.NEGATIVE_INFINITY;
  private cancelPending: (() => void) | undefined;
  private disposed = false;

  constructor(
    private readonly reload: () => void,
    private readonly minIntervalMs = 1000,
    private readonly now: () => number = Date.now,
    private readonly schedule: (fn: () => void, ms: number) => () => void = (fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    },
  ) {}

  /** The renderer is gone: reload now, or once the interval since the last reload is up. */
  gone(): void {
    if (this.disposed || this.cancelPending) return;
    const wait = this.last + this.minIntervalMs - this.now();
    if (wait <= 0) {
      this.fire();
      return;
    }
    this.cancelPending = this.schedule(() => {
      this.cancelPending = undefined;
      this.fire();
    }, wait);
  }

  /** The window is closing: no reload may follow. */
  dispose(): void {
    this.disposed = true;
    this.cancelPending?.();
    this.cancelPending = undefined;
  }

  private fire(): void {
    this.last = this.now();
    this.reload();
  }
}
