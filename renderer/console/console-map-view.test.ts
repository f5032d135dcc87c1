import { describe, expect, it } from "vitest";
import { fitView, screenPoint } from "./console-map-view.js";

describe("the console map's view", () => {
  it("fits every camera inside the frame with its padding", () => {
    const cameras = [
      { id: "a", lon: 105.97, lat: 9.6 },
      { id: "b", lon: 106.2, lat: 9.45 },
      { id: "c", lon: 105.8, lat: 9.75 },
    ];
    const view = fitView(cameras, 600, 300, 24);
    for (const c of cameras) {
      const [x, y] = screenPoint(view, 600, 300, c.lon, c.lat);
      expect(x).toBeGreaterThanOrEqual(23.9);
      expect(x).toBeLessThanOrEqual(576.1);
      expect(y).toBeGreaterThanOrEqual(23.9);
      expect(y).toBeLessThanOrEqual(276.1);
    }
    // The widest pair touches the padding on one axis: the view is as close as it can be.
    const xs = cameras.map((c) => screenPoint(view, 600, 300, c.lon, c.lat)[0]);
    const ys = cameras.map((c) => screenPoint(view, 600, 300, c.lon, c.lat)[1]);
    expect(Math.max(Math.max(...xs) - Math.min(...xs) - 552, Math.max(...ys) - Math.min(...ys) - 252)).toBeCloseTo(0, 3);
  });

  it("centres a single camera at the largest zoom", () => {
    const view = fitView([{ id: "a", lon: 105.97, lat: 9.6 }], 400, 200);
    expect(view.zoom).toBe(13);
    expect(screenPoint(view, 400, 200, 105.97, 9.6).map((v) => Math.round(v))).toEqual([200, 100]);
  });
});
