import { localSwapTime, MAX_LATE_MS, readyToSwap, type KeyedPart } from "../../electron/common/switching.js";
import type { WallStore } from "../data/wall-store.js";
import type { TileStatus } from "../widgets/widget-props.js";
import { webglSlots } from "../widgets/map/webgl-slots.js";

/**
 * Puts the prepared layout on screen at the service's `switchAt` (on this clock, corrected by the
 * measured offset) once every prepared tile drew something; not ready by then, as soon as it is,
 * and at `MAX_LATE_MS` past it whatever the tiles say (they show their loading state).
 */
export interface SwapStats {
  /** Swaps at switchAt, every prepared tile ready. */
  onTime: number;
  /** Swaps after switchAt, when the last prepared tile was ready. */
  late: number;
  /** Swaps at the bounded wait, some tiles still loading. */
  atDeadline: number;
  /** How late the last late swap was, and the tile it waited for. */
  lastLateMs?: number;
  lastWaitedFor?: string;
}

export class SwapTimer {
  readonly stats: SwapStats = { onTime: 0, late: 0, atDeadline: 0 };
  private readonly statuses = new Map<string, TileStatus>();
  private preparing: readonly KeyedPart[] = [];
  private armed: { revision: number; at: number } | undefined;
  private onTime: ReturnType<typeof setTimeout> | undefined;
  private deadline: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: WallStore) {}

  /** Each render: the state being prepared (if any) and the tiles mounted off screen for it. */
  update(preparing: readonly KeyedPart[]): void {
    this.preparing = preparing;
    const { pending, clockOffset } = this.store.getState();
    if (!pending) return this.disarm();
    if (this.armed?.revision === pending.revision) return this.check();
    this.disarm();
    const at = localSwapTime(pending.switchAt, Date.now(), clockOffset);
    this.armed = { revision: pending.revision, at };
    // Timers run on another clock than Date.now() and may fire a millisecond early: then again.
    const onTime = () => {
      const early = at - Date.now();
      if (early > 0) this.onTime = setTimeout(onTime, early);
      else this.check();
    };
    this.onTime = setTimeout(onTime, at - Date.now());
    this.deadline = setTimeout(() => {
      this.stats.lastWaitedFor = this.unready().join(" ");
      this.swap("atDeadline");
    }, at + MAX_LATE_MS - Date.now());
  }

  readonly onStatus = (key: string, status: TileStatus | undefined): void => {
    if (status === undefined) this.statuses.delete(key);
    else this.statuses.set(key, status);
    this.check();
  };

  dispose(): void {
    this.disarm();
  }

  private check(): void {
    if (!this.armed || Date.now() < this.armed.at) return;
    const unready = this.unready();
    if (unready.length > 0) {
      this.lastWaiting = unready;
      return;
    }
    const late = Date.now() - this.armed.at;
    if (late > 20) {
      this.stats.lastLateMs = late;
      this.stats.lastWaitedFor = this.lastWaiting.join(" ");
    }
    this.swap(late > 20 ? "late" : "onTime");
  }

  /** The prepared tiles that hold the swap back. */
  private unready(): string[] {
    const blocked = webglSlots.stats().waiting > 0;
    return this.preparing.filter((p) => !readyToSwap([{ status: this.statuses.get(p.key) ?? "loading", waitingForWebgl: blocked && p.part.widget === "map" }])).map((p) => `${p.part.tileId}:${this.statuses.get(p.key) ?? "unmounted"}`);
  }

  private lastWaiting: string[] = [];

  private swap(how: "onTime" | "late" | "atDeadline"): void {
    const armed = this.armed;
    this.stats[how] += 1;
    this.disarm();
    // Only the state these tiles were prepared for: a newer one is armed on the next render.
    if (armed && this.store.getState().pending?.revision === armed.revision) this.store.getState().swap();
  }

  private disarm(): void {
    clearTimeout(this.onTime);
    clearTimeout(this.deadline);
    this.armed = undefined;
  }
}
