import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FAILOVER_AFTER_MS, ServiceFailover } from "./service-failover.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("a display's choice of service instance", () => {
  it("stays with its own instance while it knows no other", () => {
    const f = new ServiceFailover("http://a:8080");
    const moves: string[] = [];
    f.onMove((o) => moves.push(o));
    f.lost();
    vi.advanceTimersByTime(FAILOVER_AFTER_MS * 3);
    expect(moves).toEqual([]);
    expect(f.current).toBe("http://a:8080");
  });

  it("moves to the next instance after the wait, round the list until one answers, and stays there", () => {
    const f = new ServiceFailover("http://a:8080");
    f.learn(["http://a:8080", "http://b:8080", "http://c:8080"]);
    const moves: string[] = [];
    f.onMove((o) => moves.push(o));
    f.lost();
    vi.advanceTimersByTime(FAILOVER_AFTER_MS - 1);
    expect(moves).toEqual([]);
    // A blip shorter than the wait moves nothing.
    f.connected();
    vi.advanceTimersByTime(FAILOVER_AFTER_MS);
    expect(moves).toEqual([]);
    f.lost();
    f.lost();
    vi.advanceTimersByTime(FAILOVER_AFTER_MS);
    expect(moves).toEqual(["http://b:8080"]);
    vi.advanceTimersByTime(FAILOVER_AFTER_MS);
    expect(moves).toEqual(["http://b:8080", "http://c:8080"]);
    f.connected();
    vi.advanceTimersByTime(FAILOVER_AFTER_MS * 5);
    expect(f.current).toBe("http://c:8080");
  });

  it("keeps the instance it uses when it learns the list again", () => {
    const f = new ServiceFailover("http://a:8080");
    f.learn(["http://b:8080", "http://a:8080"]);
    f.onMove(() => undefined);
    f.lost();
    vi.advanceTimersByTime(FAILOVER_AFTER_MS);
    expect(f.current).toBe("http://b:8080");
    f.learn(["http://a:8080", "http://b:8080"]);
    expect(f.current).toBe("http://b:8080");
  });
});
