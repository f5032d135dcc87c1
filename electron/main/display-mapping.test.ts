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

  describe("by identity", () => {
    const six = () => [out(1, 0, 0), out(2, 1920, 0), out(3, 3840, 0), out(4, 0, 1080), out(5, 1920, 1080), out(6, 3840, 1080)];

    it("leaves a display whose output is gone unassigned and moves no other, then gives it back", () => {
      const first = mapDisplays(six(), wall);
      expect(ids(first)).toEqual({ D1: 1, D2: 2, D3: 3, D4: 4, D5: 5, D6: 6 });
      // The top-middle output goes: by position D3 would take output 3's place at D2, and so on.
      const without2 = six().filter((o) => o.id !== 2);
      const gone = mapDisplays(without2, wall, undefined, first.remembered);
      expect(ids(gone)).toEqual({ D1: 1, D3: 3, D4: 4, D5: 5, D6: 6 });
      expect(gone.unassigned).toEqual(["D2"]);
      // It comes back (listed last by the OS, even): D2 has it again.
      const back = mapDisplays([...without2, out(2, 1920, 0)], wall, undefined, gone.remembered);
      expect(ids(back)).toEqual({ D1: 1, D2: 2, D3: 3, D4: 4, D5: 5, D6: 6 });
    });

    it("follows outputs that the OS moved: each display keeps its monitor", () => {
      const first = mapDisplays(six(), wall);
      // The desktop was rearranged: outputs 1 and 6 swapped places.
      const moved = [out(6, 0, 0), out(2, 1920, 0), out(3, 3840, 0), out(4, 0, 1080), out(5, 1920, 1080), out(1, 3840, 1080)];
      expect(ids(mapDisplays(moved, wall, undefined, first.remembered))).toEqual({ D1: 1, D2: 2, D3: 3, D4: 4, D5: 5, D6: 6 });
    });

    it("gives a replaced monitor's display the new output, and a named output to its display only", () => {
      const first = mapDisplays(six(), wall);
      const replaced = six().map((o) => (o.id === 5 ? out(55, 1920, 1080) : o));
      expect(ids(mapDisplays(replaced, wall, undefined, first.remembered))).toMatchObject({ D5: 55, D4: 4, D6: 6 });
      // wall.json names D1's monitor by its label: D1 takes it wherever it is, and waits while it is off.
      const named: WallDisplay[] = [{ id: "D1", col: 0, row: 0, output: "LG 55VM5E" }, { id: "D2", col: 1, row: 0 }];
      const lg = { ...out(9, 1920, 0), label: "LG 55VM5E" };
      expect(ids(mapDisplays([out(8, 0, 0), lg], named))).toEqual({ D1: 9, D2: 8 });
      const off = mapDisplays([out(8, 0, 0)], named);
      expect(ids(off)).toEqual({ D2: 8 });
      expect(off.unassigned).toEqual(["D1"]);
    });

    it("forgets displays that left the wall, so their outputs serve the new ones", () => {
      const first = mapDisplays(six(), wall);
      const smaller = mapDisplays(six(), [...wall.slice(0, 5), { id: "D7", col: 2, row: 1 }], undefined, first.remembered);
      expect(ids(smaller)).toMatchObject({ D7: 6 });
      expect(Object.keys(smaller.remembered).sort()).toEqual(["D1", "D2", "D3", "D4", "D5", "D7"]);
    });
  });
});

