import { localSwapTime, MAX_LATE_MS, readyToSwap, type KeyedPart } from "../../electron/common/switching.js";
import type { WallStore } from "../data/wall-store.js";
import type { TileStatus } from "../widgets/widget-props.js";
import { webglSlots } from "../widgets/map/webgl-slots.js";

/**
 * Puts the prepared layout on screen at the service's `switchAt` (on this clock, corrected by the
 * measured offset) once every prepared tile drew something; not ready by then, as soon as it is,
 * and at `MAX_LATE_MS` past it whatever the tiles say (they show their loading state).
 */
export class SwapTimer {
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
    this.onTime = setTimeout(() => this.check(), at - Date.now());
    this.deadline = setTimeout(() => this.swap(), at + MAX_LATE_MS - Date.now());
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
    const blocked = webglSlots.stats().waiting > 0;
    const tiles = this.preparing.map((p) => ({ status: this.statuses.get(p.key) ?? "loading", waitingForWebgl: blocked && p.part.widget === "map" }));
    if (readyToSwap(tiles)) this.swap();
  }

  private swap(): void {
    const armed = this.armed;
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
