import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Layout, Tile } from "./layout.js";
import { flowParts, mainPart, planWall, tileCanvasRect, type Rect } from "./plan.js";
import { checkTopology, type WallTopology } from "./topology.js";

function topology(columns: number, rows: number, width: number, height: number, bx: number, by: number): WallTopology {
  const r = checkTopology("wall.json", { columns, rows, display: { width, height }, bezel: { x: bx, y: by } });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** Cuts the grid into tiles (guillotine cuts) driven by `bits`, so the tiles cover it exactly. */
function partition(columns: number, rows: number, bits: number[]): Tile[] {
  const tiles: Tile[] = [];
  let i = 0;
  const next = () => bits[i++ % Math.max(1, bits.length)] ?? 0;
  const cut = (x: number, y: number, w: number, h: number, depth: number) => {
    const choice = next() % 3;
    if (depth > 5 || choice === 0 || (w === 1 && h === 1)) {
      tiles.push({ id: `t${tiles.length}`, x, y, w, h, widget: "clock", options: {} });
    } else if ((choice === 1 && w > 1) || h === 1) {
      const at = 1 + (next() % (w - 1));
      cut(x, y, at, h, depth + 1);
      cut(x + at, y, w - at, h, depth + 1);
    } else {
      const at = 1 + (next() % (h - 1));
      cut(x, y, w, at, depth + 1);
      cut(x, y + at, w, h - at, depth + 1);
    }
  };
  cut(0, 0, columns, rows, 0);
  return tiles;
}

const area = (r: Rect) => r.width * r.height;
const overlap1d = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

const wallArb = fc.record({
  columns: fc.integer({ min: 1, max: 4 }),
  rows: fc.integer({ min: 1, max: 3 }),
  width: fc.integer({ min: 320, max: 2560 }),
  height: fc.integer({ min: 240, max: 1440 }),
  bx: fc.integer({ min: 0, max: 80 }),
  by: fc.integer({ min: 0, max: 80 }),
  gridColumns: fc.integer({ min: 1, max: 24 }),
  gridRows: fc.integer({ min: 1, max: 12 }),
  bits: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 64 }),
});

type WallCase = typeof wallArb extends fc.Arbitrary<infer T> ? T : never;

function build(w: WallCase) {
  const topo = topology(w.columns, w.rows, w.width, w.height, w.bx, w.by);
  const layout: Layout = { id: "p", title: { vi: "p" }, grid: { columns: w.gridColumns, rows: w.gridRows }, tiles: partition(w.gridColumns, w.gridRows, w.bits) };
  return { topo, layout, plans: planWall(topo, layout) };
}

describe("planWall (properties)", () => {
  it("keeps every part inside its display and never overlaps two parts on one display", () => {
    fc.assert(
      fc.property(wallArb, (w) => {
        const { topo, plans } = build(w);
        for (const p of plans) {
          for (const t of p.tiles) {
            expect(t.window.x).toBeGreaterThanOrEqual(0);
            expect(t.window.y).toBeGreaterThanOrEqual(0);
            expect(t.window.x + t.window.width).toBeLessThanOrEqual(topo.display.width);
            expect(t.window.y + t.window.height).toBeLessThanOrEqual(topo.display.height);
          }
          for (let i = 0; i < p.tiles.length; i++)
            for (let j = i + 1; j < p.tiles.length; j++) {
              const a = p.tiles[i]!.window;
              const b = p.tiles[j]!.window;
              expect(overlap1d(a.x, a.x + a.width, b.x, b.x + b.width) * overlap1d(a.y, a.y + a.height, b.y, b.y + b.height)).toBe(0);
            }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("shows every visible pixel of a tile on exactly one display, and hides what lies behind bezels", () => {
    fc.assert(
      fc.property(wallArb, (w) => {
        const { topo, layout, plans } = build(w);
        for (const tile of layout.tiles) {
          const rect = tileCanvasRect(topo, layout, tile);
          // Independent of the plan: the tile's overlap with the display columns times its overlap with the rows.
          let xs = 0;
          for (let c = 0; c < topo.columns; c++) {
            const x0 = c * (topo.display.width + topo.bezel.x);
            xs += overlap1d(rect.x, rect.x + rect.width, x0, x0 + topo.display.width);
          }
          let ys = 0;
          for (let r = 0; r < topo.rows; r++) {
            const y0 = r * (topo.display.height + topo.bezel.y);
            ys += overlap1d(rect.y, rect.y + rect.height, y0, y0 + topo.display.height);
          }
          const shown = plans.flatMap((p) => p.tiles.filter((t) => t.tileId === tile.id)).reduce((n, t) => n + area(t.window), 0);
          expect(shown).toBe(xs * ys);
        }
        // The tiles cover the grid, so every display is covered exactly: no gap, no double.
        for (const p of plans) expect(p.tiles.reduce((n, t) => n + area(t.window), 0)).toBe(topo.display.width * topo.display.height);
      }),
      { numRuns: 300 },
    );
  });

  it("places each part so that a spanning tile stays continuous across displays", () => {
    fc.assert(
      fc.property(wallArb, (w) => {
        const { plans } = build(w);
        for (const p of plans)
          for (const t of p.tiles) {
            // The same tile pixel lands on the same canvas pixel, whichever display shows it.
            expect(p.canvas.x + t.window.x).toBe(t.tile.x + t.inTile.x);
            expect(p.canvas.y + t.window.y).toBe(t.tile.y + t.inTile.y);
            expect(t.inTile.width).toBe(t.window.width);
          }
      }),
      { numRuns: 300 },
    );
  });
});

describe("planWall (example)", () => {
  it("splits a tile spanning D1 and D2 at the bezel, hiding the 24 px behind it", () => {
    const topo = topology(3, 2, 1920, 1080, 24, 24);
    const layout: Layout = { id: "x", title: { vi: "x" }, grid: { columns: 12, rows: 6 }, tiles: [{ id: "span", x: 2, y: 1, w: 4, h: 2, widget: "clock", options: {} }] };
    const [d1, d2, d3] = planWall(topo, layout);
    // Canvas 5808 wide: the tile spans x 968..2904; D1 ends at 1920, D2 starts at 1944.
    expect(d1!.tiles[0]!.window).toEqual({ x: 968, y: 364, width: 952, height: 716 });
    expect(d2!.tiles[0]!.window).toEqual({ x: 0, y: 364, width: 960, height: 716 });
    expect(d2!.tiles[0]!.inTile.x).toBe(976);
    expect(d3!.tiles).toEqual([]);
  });

  it("gives each tile its parts between display edges, where text is laid out", () => {
    const topo = topology(3, 2, 1920, 1080, 24, 24);
    const layout: Layout = {
      id: "x",
      title: { vi: "x" },
      grid: { columns: 12, rows: 12 },
      tiles: [
        { id: "span", x: 2, y: 4, w: 4, h: 4, widget: "table", options: {} },
        { id: "sliver", x: 0, y: 0, w: 5, h: 1, widget: "kpi", options: {} },
      ],
    };
    const d1 = planWall(topo, layout)[0]!;
    // x 968..2904, y 728..1456: cut by D1|D2 (1920..1944) and by the rows' bezel (1080..1104).
    const span = d1.tiles.find((t) => t.tileId === "span")!;
    expect(span.parts).toEqual([
      { x: 0, y: 0, width: 952, height: 352 },
      { x: 976, y: 0, width: 960, height: 352 },
      { x: 0, y: 376, width: 952, height: 352 },
      { x: 976, y: 376, width: 960, height: 352 },
    ]);
    expect(mainPart(span.parts)).toEqual({ x: 976, y: 0, width: 960, height: 352 });
    expect(flowParts(span.parts)).toEqual(span.parts);
    // x 0..2420: 1920 px on D1, 476 on D2; a list would not flow into the smaller part.
    const sliver = d1.tiles.find((t) => t.tileId === "sliver")!;
    expect(sliver.parts.map((p) => p.width)).toEqual([1920, 476]);
    expect(flowParts(sliver.parts)).toEqual([sliver.parts[0]]);
  });
});
