import type { Layer } from "@deck.gl/core";
import { TextLayer } from "@deck.gl/layers";
import { project, screenToWorldOffset, type MapView } from "../../../../electron/common/geo/web-mercator.js";

/** The canvas a display draws of a map: its view (centred on this part) and size in pixels. */
export interface LabelFrame {
  view: MapView;
  width: number;
  height: number;
  /** Areas covered by the map's own furniture (legend, note), in the canvas's pixels. */
  avoid: ReadonlyArray<{ x: number; y: number; width: number; height: number }>;
  /**
   * How far beyond each edge this canvas draws the labels of places hidden by a bezel: half the
   * bezel where a neighbour's part of the map lies across it (so each such place is drawn once, by
   * the nearer display), none at the map's own edges.
   */
  claim: { left: number; top: number; right: number; bottom: number };
}

/** Be Vietnam Pro at weight 600: an average glyph is about this much of the font size wide. */
const GLYPH_WIDTH = 0.6;
/** Room kept between a label and the canvas's edge (the bezel or the tile's edge beyond it). */
const EDGE = 6;

/** Where a place falls on the canvas, in pixels from its top left. */
export function screenOf(frame: LabelFrame, lonLat: readonly [number, number]): [number, number] {
  const [px, py] = project(lonLat, frame.view.zoom);
  const [cx, cy] = project(frame.view.center, frame.view.zoom);
  const [sx, sy] = screenToWorldOffset(px - cx, py - cy, -frame.view.bearing);
  return [frame.width / 2 + sx, frame.height / 2 + sy];
}

type Accessor<D, V> = V | ((d: D) => V);
const read = <D, V>(a: Accessor<D, V> | undefined, d: D, fallback: V): V => (a === undefined ? fallback : typeof a === "function" ? (a as (d: D) => V)(d) : a);

type Rect = LabelFrame["avoid"][number];
export interface LabelBox {
  width: number;
  height: number;
  anchor: "start" | "middle" | "end";
  baseline: "top" | "center" | "bottom";
  offset: [number, number];
}

/** Space kept clear around a label that another one may not take. */
const GAP = 6;
/** Labels of this priority or more (stations' readings) are drawn even where they meet another. */
const ALWAYS = 300;

/**
 * Where a label of this box goes to be wholly on the canvas and off the map's furniture: its
 * pixel offset and the rect it takes; undefined when it is not this canvas's to draw (its place
 * lies beyond the canvas and its claim: the display across the bezel draws it, whole) or no shift
 * clears the furniture.
 */
function place(frame: LabelFrame, [ax, ay]: [number, number], box: LabelBox): { offset: [number, number]; rect: Rect } | undefined {
  const { claim } = frame;
  if (ax < -claim.left || ax >= frame.width + claim.right || ay < -claim.top || ay >= frame.height + claim.bottom) return undefined;
  let left = ax + box.offset[0] - (box.anchor === "middle" ? box.width / 2 : box.anchor === "end" ? box.width : 0);
  let top = ay + box.offset[1] - (box.baseline === "center" ? box.height / 2 : box.baseline === "bottom" ? box.height : 0);
  const shiftX = Math.min(0, frame.width - EDGE - (left + box.width)) || Math.max(0, EDGE - left);
  const shiftY = Math.min(0, frame.height - EDGE - (top + box.height)) || Math.max(0, EDGE - top);
  left += shiftX;
  top += shiftY;
  const rect = { x: left, y: top, width: box.width, height: box.height };
  if (frame.avoid.some((r) => overlaps(r, rect, 0))) return undefined;
  return { offset: [box.offset[0] + shiftX, box.offset[1] + shiftY], rect };
}

const overlaps = (a: Rect, b: Rect, gap: number) => a.x < b.x + b.width + gap && a.x + a.width + gap > b.x && a.y < b.y + b.height + gap && a.y + a.height + gap > b.y;

/** The pixel offset that keeps a label whole on the canvas, or undefined when it is not this canvas's (see place). */
export function fitLabel(frame: LabelFrame, at: [number, number], box: LabelBox): [number, number] | undefined {
  return place(frame, at, box)?.offset;
}

/**
 * Every text layer's labels laid out on this display: whole on it (moved in from a bezel, or left
 * to the display across it), never under the legend or the note, and never over each other (of
 * two that would meet, the one of higher priority stays; stations' readings always do). Drawn
 * over every fill and dot. One pass over all the layers, so no overlay's labels need know the wall.
 */
export function keepLabelsOnScreen(layers: Layer[], frame: LabelFrame): Layer[] {
  const texts = layers.filter((l): l is TextLayer<unknown> => l instanceof TextLayer);
  const others = layers.filter((l) => !(l instanceof TextLayer));
  // The same labels on the same canvas keep their layout: a pulsing overlay redraws ten times a
  // second, its dots do not move the labels.
  const cached = laidOut.get(frame);
  const out = cached && cached.texts.length === texts.length && cached.texts.every((t, i) => t === texts[i]) ? cached.out : layOut(texts, frame);
  laidOut.set(frame, { texts, out });
  return [...others, ...out];
}

const laidOut = new WeakMap<LabelFrame, { texts: Layer[]; out: Layer[] }>();

function layOut(texts: TextLayer<unknown>[], frame: LabelFrame): Layer[] {
  const candidates = texts.flatMap((layer, index) => {
    const p = layer.props as TextLayer<unknown>["props"] & { getCollisionPriority?: number };
    return [...(p.data as Iterable<unknown>)].map((d) => {
      const lines = String(read(p.getText as Accessor<unknown, string>, d, "")).split("\n");
      const size = read(p.getSize as Accessor<unknown, number>, d, 32) * (p.sizeScale ?? 1);
      const box: LabelBox = {
        width: Math.max(...lines.map((l) => l.length)) * size * GLYPH_WIDTH,
        height: lines.length * size * (p.lineHeight ?? 1),
        anchor: read(p.getTextAnchor as Accessor<unknown, LabelBox["anchor"]>, d, "middle"),
        baseline: read(p.getAlignmentBaseline as Accessor<unknown, LabelBox["baseline"]>, d, "center"),
        offset: read(p.getPixelOffset as Accessor<unknown, [number, number]>, d, [0, 0]) as [number, number],
      };
      return { index, d, box, priority: p.getCollisionPriority ?? 0, at: screenOf(frame, read(p.getPosition as Accessor<unknown, [number, number]>, d, [0, 0])) };
    });
  });
  // Higher priority first; among equals, the order the overlay gave.
  candidates.sort((a, b) => b.priority - a.priority);
  const taken: Rect[] = [];
  const kept = texts.map(() => new Map<unknown, [number, number]>());
  for (const c of candidates) {
    const spot = place(frame, c.at, c.box);
    if (!spot || (c.priority < ALWAYS && taken.some((r) => overlaps(r, spot.rect, GAP)))) continue;
    taken.push(spot.rect);
    kept[c.index]!.set(c.d, spot.offset);
  }
  return texts.map((layer, i) => {
    const offsets = kept[i]!;
    return layer.clone({
      data: [...offsets.keys()],
      getPixelOffset: (d: unknown) => offsets.get(d) ?? [0, 0],
      updateTriggers: { ...layer.props.updateTriggers, getPixelOffset: offsets },
    });
  });
}
