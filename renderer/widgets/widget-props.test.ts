import { describe, expect, it } from "vitest";
import { flowSlice } from "./widget-props.js";

describe("flowSlice", () => {
  const rows = Array.from({ length: 12 }, (_, i) => i + 1);

  it("gives a list shown whole all its rows", () => {
    expect(flowSlice(rows, undefined)).toEqual({ rows, first: 0 });
  });

  it("splits rows among frames in proportion to their heights, every row once, in order", () => {
    const heights = [300, 300, 600];
    const slices = heights.map((_, index) => flowSlice(rows, { index, heights, widths: [1, 1, 1] }));
    expect(slices.map((s) => s.rows.length)).toEqual([3, 3, 6]);
    expect(slices.flatMap((s) => s.rows)).toEqual(rows);
    expect(slices.map((s) => s.first)).toEqual([0, 3, 6]);
  });

  it("leaves a later frame empty rather than repeat a row when there are few", () => {
    const slices = [0, 1, 2].map((index) => flowSlice([1], { index, heights: [1, 1, 1], widths: [1, 1, 1] }));
    expect(slices.flatMap((s) => s.rows)).toEqual([1]);
  });
});
