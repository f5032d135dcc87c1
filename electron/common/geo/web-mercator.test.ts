import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitBounds, panView, partCenter, project, screenToWorldOffset, unproject, worldSize, type MapView } from "./web-mercator.js";

const close = (a: number, b: number, digits = 6) => expect(a).toBeCloseTo(b, digits);

describe("web-mercator", () => {
  it("puts (0, 0) in the middle of the world and the world is 512 px at zoom 0", () => {
    expect(project([0, 0], 0)).toEqual([256, 256]);
    expect(worldSize(3)).toBe(4096);
    const [x, y] = project([-180, 85.051129], 0);
    close(x, 0);
    close(y, 0, 3);
  });

  it("projects Sóc Trăng where maplibre does", () => {
    // 105.97° E, 9.6° N at zoom 10, against the sine form of the Mercator formula.
    const [x, y] = project([105.97, 9.6], 10);
    const sin = Math.sin((9.6 * Math.PI) / 180);
    close(x, ((105.97 + 180) / 360) * 512 * 1024, 6);
    close(y, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 512 * 1024, 4);
  });

  it("unprojects what it projects", () => {
    fc.assert(
      fc.property(fc.double({ min: -179, max: 179, noNaN: true }), fc.double({ min: -84, max: 84, noNaN: true }), fc.double({ min: 0, max: 22, noNaN: true }), (lon, lat, zoom) => {
        const [lon2, lat2] = unproject(project([lon, lat], zoom), zoom);
        close(lon2, lon, 6);
        close(lat2, lat, 6);
      }),
    );
  });

  it("turns screen offsets by the bearing: with east up, screen up is east", () => {
    const [x, y] = screenToWorldOffset(0, -100, 90);
    close(x, 100);
    close(y, 0);
    const [x2, y2] = screenToWorldOffset(100, 0, 0);
    expect([x2, y2]).toEqual([100, 0]);
  });
});

describe("partCenter", () => {
  const view: MapView = { center: [105.97, 9.6], zoom: 10, bearing: 0 };

  it("gives the whole map's centre to a part that is the whole map", () => {
    const [lon, lat] = partCenter(view, { width: 1920, height: 1080 }, { x: 0, y: 0, width: 1920, height: 1080 });
    close(lon, 105.97);
    close(lat, 9.6);
  });

  it("moves the left half's centre a quarter of the width west, counting the bezel", () => {
    // Two displays of 1920 with a 24 px bezel: the whole map is 3864 px wide.
    const whole = { width: 3864, height: 1080 };
    const left = partCenter(view, whole, { x: 0, y: 0, width: 1920, height: 1080 });
    const right = partCenter(view, whole, { x: 1944, y: 0, width: 1920, height: 1080 });
    const [cx] = project(view.center, view.zoom);
    close(project(left, view.zoom)[0], cx - 972, 6);
    close(project(right, view.zoom)[0], cx + 972, 6);
    close(left[1], 9.6);
  });

  it("joins neighbouring parts pixel for pixel across a bezel, at any zoom and bearing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 110, noNaN: true }),
        fc.double({ min: 5, max: 20, noNaN: true }),
        fc.double({ min: 4, max: 16, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 100, max: 3000 }),
        fc.integer({ min: 100, max: 2000 }),
        (lon, lat, zoom, bearing, bezel, width, height) => {
          const v: MapView = { center: [lon, lat], zoom, bearing };
          const whole = { width: 2 * width + bezel, height };
          const a = { x: 0, y: 0, width, height };
          const b = { x: width + bezel, y: 0, width, height };
          const ca = project(partCenter(v, whole, a), zoom);
          const cb = project(partCenter(v, whole, b), zoom);
          // The point just right of A's last column, seen from A, is B's column -bezel, seen from B.
          for (const row of [0, height / 2, height]) {
            const fromA = screenToWorldOffset(width / 2, row - height / 2, bearing);
            const fromB = screenToWorldOffset(-width / 2 - bezel, row - height / 2, bearing);
            // Longitudes wrap: a centre past the antimeridian is the same view one world over.
            const size = worldSize(zoom);
            const dx = ca[0] + fromA[0] - (cb[0] + fromB[0]);
            close(((dx % size) + size * 1.5) % size - size / 2, 0, 4);
            close(ca[1] + fromA[1], cb[1] + fromB[1], 4);
          }
        },
      ),
    );
  });

  it("stacks parts vertically the same way", () => {
    const whole = { width: 1920, height: 2184 };
    const top = partCenter(view, whole, { x: 0, y: 0, width: 1920, height: 1080 });
    const bottom = partCenter(view, whole, { x: 0, y: 1104, width: 1920, height: 1080 });
    close(project(bottom, 10)[1] - project(top, 10)[1], 1104, 6);
    close(top[0], 105.97);
  });
});

describe("panView", () => {
  it("moves the centre by screen pixels at the view's zoom, turned with its bearing", () => {
    const view: MapView = { center: [105.97, 9.6], zoom: 10, bearing: 0 };
    const east = panView(view, 512, 0);
    close(project(east.center, 10)[0] - project(view.center, 10)[0], 512, 6);
    close(east.center[1], 9.6);
    // With east at the top of the screen, "up" on the screen is east on the ground.
    const up = panView({ ...view, bearing: 90 }, 0, -512);
    close(project(up.center, 10)[0] - project(view.center, 10)[0], 512, 6);
    expect(up.zoom).toBe(10);
  });

  it("keeps latitude inside Web-Mercator however far it pans", () => {
    const far = panView({ center: [0, 80], zoom: 2, bearing: 0 }, 0, -100_000);
    expect(far.center[1]).toBeLessThanOrEqual(85);
  });
});

describe("fitBounds", () => {
  it("shows the bounds whole and as large as the map allows, whatever its shape", () => {
    const bounds = [105.5, 9.2, 106.32, 9.99] as const;
    for (const size of [{ width: 1920, height: 1080 }, { width: 3864, height: 2184 }, { width: 960, height: 2184 }]) {
      const { center, zoom } = fitBounds(bounds, size, 0.05);
      const [cx, cy] = project(center, zoom);
      const [x0, y0] = project([bounds[0], bounds[3]], zoom);
      const [x1, y1] = project([bounds[2], bounds[1]], zoom);
      // Inside the map with its 5 % margin...
      expect(x1 - x0).toBeLessThanOrEqual(size.width * 0.9);
      expect(y1 - y0).toBeLessThanOrEqual(size.height * 0.9);
      // ...centred, and filling one of its sides.
      close(cx, (x0 + x1) / 2, 3);
      close(cy, (y0 + y1) / 2, 3);
      expect(Math.max((x1 - x0) / (size.width * 0.9), (y1 - y0) / (size.height * 0.9))).toBeGreaterThan(0.98);
    }
  });
});
