import { describe, expect, it } from "vitest";
import type { WallDisplay } from "../common/topology.js";
import type { DisplayLike } from "./display-like.js";
import { mapDisplays, outputsInReadingOrder } from "./display-mapping.js";

const out = (id: number, x: number, y: number, width = 1920, height = 1080): DisplayLike => ({ id, bounds: { x, y, width, height }, scaleFactor: 1 });
const wall: WallDisplay[] = [
  { id: "D1", col: 0, row: 0 },
  { id: "D2", col: 1, row: 0 },
  { id: "D3", col: 2, row: 0 },
  { id: "D4", col: 0, row: 1 },
  { id: "D5", col: 1, row: 1 },
  { id: "D6", col: 2, row: 1 },
];
const ids = (m: ReturnType<typeof mapDisplays>) => Object.fromEntries(m.assignments.map((a) => [a.displayId, a.output.id]));

describe("display mapping", () => {
  it("reads outputs left to right, top to bottom, whatever order the OS lists them in", () => {
    const outputs = [out(6, 3840, 1080), out(1, 0, 0), out(5, 1920, 1080), out(3, 3840, 0), out(4, 0, 1080), out(2, 1920, 0)];
    expect(ids(mapDisplays(outputs, wall))).toEqual({ D1: 1, D2: 2, D3: 3, D4: 4, D5: 5, D6: 6 });
  });

  it("keeps outputs of slightly different heights on one row", () => {
    expect(outputsInReadingOrder([out(2, 1920, 0, 1920, 1200), out(1, 0, 60, 1920, 1080)]).map((o) => o.id)).toEqual([1, 2]);
  });

  it("honours explicit output indexes from wall.json before the positional rule", () => {
    const swapped: WallDisplay[] = [
      { id: "D1", col: 0, row: 0, output: 1 },
      { id: "D2", col: 1, row: 0, output: 0 },
    ];
    expect(ids(mapDisplays([out(10, 0, 0), out(20, 1920, 0)], swapped))).toEqual({ D1: 20, D2: 10 });
  });

  it("drives only this controller's displays and reports what it cannot drive", () => {
    const m = mapDisplays([out(1, 0, 0), out(2, 1920, 0)], wall, ["D4", "D5", "D6"]);
    expect(ids(m)).toEqual({ D4: 1, D5: 2 });
    expect(m.unassigned).toEqual(["D6"]);
  });

  it("leaves extra outputs unused", () => {
    const m = mapDisplays([out(1, 0, 0), out(2, 1920, 0), out(3, 3840, 0)], wall.slice(0, 2));
    expect(m.unused.map((o) => o.id)).toEqual([3]);
  });
});
