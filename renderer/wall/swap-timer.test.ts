import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TilePart } from "../../electron/common/plan.js";
import type { WallState } from "../../electron/common/protocol.js";
import { MAX_LATE_MS } from "../../electron/common/switching.js";
import { createWallStore } from "../data/wall-store.js";
import { SwapTimer } from "./swap-timer.js";

const T0 = 1_800_000_000_000;
const rect = { x: 0, y: 0, width: 10, height: 10 };
const prepared = [{ key: "k1", layoutId: "b", part: { tileId: "kpi", widget: "kpi", options: {}, tile: rect, window: rect, inTile: rect } as TilePart }];
const state = (layoutId: string, revision: number, switchAt?: number) => ({ layoutId, revision, ...(switchAt ? { switchAt } : {}) }) as unknown as WallState;

describe("the swap at switchAt", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const store = createWallStore();
    store.getState().receive(state("a", 1));
    store.getState().receive(state("b", 2, T0 + 400));
    const timer = new SwapTimer(store);
    timer.update(prepared);
    return { store, timer, shown: () => store.getState().wall?.layoutId };
  }

  it("keeps the old layout until switchAt and swaps then, its tiles ready — even when the timer fires a millisecond early", () => {
    const { timer, shown } = setUp();
    timer.onStatus("k1", "ready");
    // The timer's clock runs a millisecond ahead of Date.now(): it fires at 399 by Date.now().
    vi.setSystemTime(T0 - 1);
    vi.advanceTimersByTime(400);
    expect(shown()).toBe("a");
    vi.advanceTimersByTime(1);
    expect(shown()).toBe("b");
    expect(timer.stats).toMatchObject({ onTime: 1, late: 0, atDeadline: 0 });
  });

  it("not ready at switchAt, swaps the moment the last tile is, or at the bounded wait", () => {
    const late = setUp();
    late.timer.onStatus("k1", "loading");
    vi.advanceTimersByTime(500);
    expect(late.shown()).toBe("a");
    late.timer.onStatus("k1", "stale");
    expect(late.shown()).toBe("b");
    expect(late.timer.stats).toMatchObject({ late: 1, lastWaitedFor: "kpi:loading" });

    vi.setSystemTime(T0);
    const never = setUp();
    vi.advanceTimersByTime(400 + MAX_LATE_MS - 1);
    expect(never.shown()).toBe("a");
    vi.advanceTimersByTime(1);
    expect(never.shown()).toBe("b");
    expect(never.timer.stats.atDeadline).toBe(1);
  });
});
