import { describe, expect, it } from "vitest";
import type { FeedUpdate } from "../../electron/common/feed-protocol.js";
import { createFeedStore, SPARKLINE_POINTS, UpdateBatcher, type FrameScheduler } from "./feed-store.js";
import { freshness } from "./freshness.js";

/** A frame scheduler the test advances by hand. */
function manualFrames(): FrameScheduler & { frame: () => void; pending: number } {
  let queue: Array<() => void> = [];
  return {
    request: (fn) => queue.push(fn),
    frame() {
      const run = queue;
      queue = [];
      run.forEach((f) => f());
    },
    get pending() {
      return queue.length;
    },
  };
}

const num = (topic: string, seq: number, value: number, ts = 1000 + seq): FeedUpdate => ({ topic, seq, ts, value: { kind: "number", value } });

describe("UpdateBatcher", () => {
  it("applies a burst of any size as one store change at the next frame, newest per topic", () => {
    const store = createFeedStore();
    const frames = manualFrames();
    const batcher = new UpdateBatcher(store, frames);
    let changes = 0;
    store.subscribe(() => (changes += 1));
    for (let i = 1; i <= 5000; i++) batcher.push(num(`t.${i % 10}`, i, i));
    expect(changes).toBe(0);
    expect(frames.pending).toBe(1);
    frames.frame();
    expect(changes).toBe(1);
    expect(store.getState().batches).toBe(1);
    expect(store.getState().entries["t.3"]!.update.value).toEqual({ kind: "number", value: 4993 });
  });

  it("ignores an update older than the one shown, but takes a snapshot from a restarted service", () => {
    const store = createFeedStore();
    store.getState().applyBatch([num("a.b", 10, 1, 5000)]);
    store.getState().applyBatch([num("a.b", 9, 2, 6000)]);
    expect(store.getState().entries["a.b"]!.update.seq).toBe(10);
    store.getState().applyBatch([num("a.b", 1, 3, 7000)], true);
    expect(store.getState().entries["a.b"]!.update.value).toEqual({ kind: "number", value: 3 });
    store.getState().applyBatch([num("a.b", 2, 4, 6500)], true);
    expect(store.getState().entries["a.b"]!.update.seq).toBe(1);
  });

  it("keeps a bounded history of number values for sparklines", () => {
    const store = createFeedStore();
    for (let i = 1; i <= SPARKLINE_POINTS + 25; i++) store.getState().applyBatch([num("a.b", i, i)]);
    const h = store.getState().entries["a.b"]!.history;
    expect(h).toHaveLength(SPARKLINE_POINTS);
    expect(h.at(-1)).toBe(SPARKLINE_POINTS + 25);
  });
});

describe("freshness", () => {
  const u = num("a.b", 1, 1, 10_000);
  it("is loading without a value, ready while young, stale past the maximum age", () => {
    expect(freshness(undefined, 0)).toBe("loading");
    expect(freshness(u, 10_000 + 119_000)).toBe("ready");
    expect(freshness(u, 10_000 + 121_000)).toBe("stale");
    expect(freshness(u, 10_000 + 4_000, 3)).toBe("stale");
    expect(freshness(u, 10_000 + 2_000, 3)).toBe("ready");
  });
  it("uses the default age of the value's shape", () => {
    const events: FeedUpdate = { topic: "e.v", seq: 1, ts: 0, value: { kind: "events", items: [] } };
    expect(freshness(events, 599_000)).toBe("ready");
    expect(freshness(events, 601_000)).toBe("stale");
  });
  it("is stale at once when the source says it failed", () => {
    expect(freshness({ ...u, stale: true }, 10_000)).toBe("stale");
  });
});
