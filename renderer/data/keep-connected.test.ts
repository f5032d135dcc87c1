import { describe, expect, it } from "vitest";
import { refusalDelay } from "./keep-connected.js";

describe("refusalDelay", () => {
  it("doubles from 1 s to a ceiling of 60 s, within ±30 %", () => {
    expect(refusalDelay(0, () => 0.5)).toBe(1000);
    expect(refusalDelay(3, () => 0.5)).toBe(8000);
    expect(refusalDelay(20, () => 0.5)).toBe(60_000);
    expect(refusalDelay(20, () => 0)).toBe(42_000);
    expect(refusalDelay(20, () => 1)).toBe(78_000);
  });
});
