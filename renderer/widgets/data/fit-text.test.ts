import { describe, expect, it } from "vitest";
import { fitTextSize } from "./fit-text.js";

describe("list text fitted to its frame", () => {
  it("grows with the frame's height up to the most it may, and stops where the longest line would wrap", () => {
    // Four rows two lines tall in 400 px: 50 px, held to 40.
    expect(fitTextSize({ height: 400, rows: 4, rowEms: 2, max: 40 })).toBe(40);
    expect(fitTextSize({ height: 240, rows: 4, rowEms: 2, max: 40 })).toBe(30);
    // 20 letters (0,56 em each) beside 8 em of rank and value, with 96 px of padding, in 1 000 px: 904 / 19,2.
    expect(fitTextSize({ height: 4000, rows: 4, rowEms: 2, max: 100, width: 1000, chars: 20, fixedEms: 8, fixedPx: 96 })).toBeCloseTo(904 / 19.2, 6);
  });
});
