import { describe, expect, it } from "vitest";
import { WebglSlots } from "./webgl-slots.js";

describe("WebglSlots", () => {
  it("never grants more slots than the budget, and hands a freed slot to the next in line", () => {
    const slots = new WebglSlots(2);
    const granted: string[] = [];
    const release = ["a", "b", "c"].map((name) => slots.acquire(() => granted.push(name)));
    expect(granted).toEqual(["a", "b"]);
    expect(slots.stats()).toMatchObject({ live: 2, waiting: 1 });
    release[0]!();
    expect(granted).toEqual(["a", "b", "c"]);
    expect(slots.stats()).toMatchObject({ live: 2, peak: 2, granted: 3, waiting: 0 });
  });

  it("lets a waiter leave the queue without taking a slot, and ignores a second release", () => {
    const slots = new WebglSlots(1);
    const releaseA = slots.acquire(() => {});
    let bGranted = false;
    const releaseB = slots.acquire(() => (bGranted = true));
    releaseB();
    releaseA();
    releaseA();
    expect(bGranted).toBe(false);
    expect(slots.stats()).toMatchObject({ live: 0, waiting: 0, granted: 1 });
  });

  it("holds the budget through a thousand mount and unmount cycles in any order", () => {
    const slots = new WebglSlots(3);
    const held: Array<() => void> = [];
    let seed = 7;
    for (let i = 0; i < 1000; i++) {
      seed = (seed * 16807) % 2147483647;
      if (seed % 3 === 0 && held.length > 0) held.splice(seed % held.length, 1)[0]!();
      else held.push(slots.acquire(() => {}));
      expect(slots.stats().live).toBeLessThanOrEqual(3);
    }
    for (const release of held) release();
    expect(slots.stats()).toMatchObject({ live: 0, waiting: 0, peak: 3 });
  });

  it("grants waiting maps when the budget grows", () => {
    const slots = new WebglSlots(1);
    let n = 0;
    slots.acquire(() => n++);
    slots.acquire(() => n++);
    slots.setBudget(2);
    expect(n).toBe(2);
  });
});
