import { describe, expect, it } from "vitest";
import { clockOffset, delayUntil } from "./clock-offset.js";

describe("clock offset", () => {
  it("takes the exchange with the shortest round trip, the service's clock read half-way", () => {
    // The service is 1,000 ms ahead; the second exchange was delayed on the way back.
    expect(clockOffset([{ t0: 100, server: 1110, t1: 120 }, { t0: 200, server: 1205, t1: 290 }, { t0: 300, server: 1304, t1: 308 }])).toBe(1000);
    expect(clockOffset([])).toBeUndefined();
    expect(clockOffset([{ t0: 10, server: 0, t1: 5 }])).toBeUndefined();
  });

  it("waits until the service's switchAt on the local clock, within bounds", () => {
    expect(delayUntil(5000, 3800, 1000)).toBe(200);
    expect(delayUntil(5000, 4500, 1000)).toBe(0);
    expect(delayUntil(99_000, 0, 0)).toBe(5000);
  });
});
