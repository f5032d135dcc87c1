import type { Layout } from "./layout.js";
import type { LocalizedText } from "./localized-text.js";
import type { WallTopology } from "./topology.js";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of one tile that one display shows. */
export interface TilePart {
  tileId: string;
  widget: string;
  title?: LocalizedText;
  options: Record<string, unknown>;
  /** The whole tile in canvas pixels: widgets lay out at this size so a spanning tile reads as one. */
  tile: Rect;
  /** The visible part in this display's pixels. */
  window: Rect;
  /** The same visible part in the tile's own pixels. */
  inTile: Rect;
  /**
   * The tile's parts between display edges on the whole wall, in the tile's own pixels, in
   * reading order: each lies wholly on one display, so text laid out inside one is never cut.
   */
  parts: Rect[];
}

export interface DisplayPlan {
  displayId: string;
  col: number;
  row: number;
  /** Where the display's active area sits on the wall canvas (bezel gaps lie between). */
  canvas: Rect;
  tiles: TilePart[];
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}

export function displayCanvasRect(topology: WallTopology, col: number, row: number): Rect {
  const { display, bezel } = topology;
  return { x: col * (display.width + bezel.x), y: row * (display.height + bezel.y), ...display };
}

/**
 * Tile edges are rounded once on the canvas, so neighbours share an edge exactly and no
 * pixel column is lost or shown twice.
 */
export function tileCanvasRect(topology: WallTopology, layout: Layout, tile: { x: number; y: number; w: number; h: number }): Rect {
  const { width, height } = topology.canvas;
  const { columns, rows } = layout.grid;
  const left = Math.round((tile.x * width) / columns);
  const right = Math.round(((tile.x + tile.w) * width) / columns);
  const top = Math.round((tile.y * height) / rows);
  const bottom = Math.round(((tile.y + tile.h) * height) / rows);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Where display edges cut a tile: its parts on each display, in the tile's own pixels, top row first. */
export function tileParts(topology: WallTopology, tile: Rect): Rect[] {
  const parts: Rect[] = [];
  for (const d of topology.displays) {
    const shown = intersect(tile, displayCanvasRect(topology, d.col, d.row));
    if (shown) parts.push({ ...shown, x: shown.x - tile.x, y: shown.y - tile.y });
  }
  return parts.sort((a, b) => a.y - b.y || a.x - b.x);
}

/** The smallest rectangle holding all the rects (none: undefined). */
export function boundingBox(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** The part a widget that cannot be split lays out in: the largest, the first of equals. */
export function mainPart(parts: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined;
  for (const p of parts) if (!best || p.width * p.height > best.width * best.height) best = p;
  return best;
}

/**
 * The parts a list flows its rows into, in reading order: those of at least a third of the main
 * part's area (a sliver beside a bezel takes none).
 */
export function flowParts(parts: readonly Rect[]): Rect[] {
  const main = mainPart(parts);
  if (!main) return [];
  return parts.filter((p) => p.width * p.height * 3 >= main.width * main.height);
}

/** For each display, the tiles it shows and where: pure, bezel-compensated. */
export function planWall(topology: WallTopology, layout: Layout): DisplayPlan[] {
  const tiles = layout.tiles.map((t) => {
    const rect = tileCanvasRect(topology, layout, t);
    return { t, rect, cut: tileParts(topology, rect) };
  });
  return topology.displays.map((d) => {
    const canvas = displayCanvasRect(topology, d.col, d.row);
    const parts: TilePart[] = [];
    for (const { t, rect, cut } of tiles) {
      const visible = intersect(rect, canvas);
      if (!visible) continue;
      parts.push({
        tileId: t.id,
        widget: t.widget,
        ...(t.title ? { title: t.title } : {}),
        options: t.options,
        tile: rect,
        window: { ...visible, x: visible.x - canvas.x, y: visible.y - canvas.y },
        inTile: { ...visible, x: visible.x - rect.x, y: visible.y - rect.y },
        parts: cut,
      });
    }
    return { displayId: d.id, col: d.col, row: d.row, canvas, tiles: parts };
  });
}
