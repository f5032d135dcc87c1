import type { CamerasFile } from "./cameras-file.js";
import type { FileError } from "./file-errors.js";
import type { Layout } from "./layout.js";
import { mainPart, tileCanvasRect, tileParts, type Rect } from "./plan.js";
import { findWidgetKind } from "./widgets/widget-kinds.js";
import type { WallTopology } from "./topology.js";

/** What the feed can say of a topic: someone publishes it, nobody does, or it cannot tell yet. */
export type TopicCheck = (topic: string) => "known" | "unknown" | "unsure";

/** A tile's part on a display narrower (or lower) than this share of the display is a sliver. */
export const SLIVER_SHARE = 0.15;

export interface WarningContext {
  topology: WallTopology;
  cameras: CamerasFile;
  topics?: TopicCheck;
}

/** The topics a tile reads from the feed (a data widget's, a map layer's). */
function tileTopics(options: Record<string, unknown>): Array<{ path: string; topic: string }> {
  const found: Array<{ path: string; topic: string }> = [];
  if (typeof options.topic === "string") found.push({ path: "options.topic", topic: options.topic });
  if (Array.isArray(options.layers)) {
    options.layers.forEach((layer: unknown, i) => {
      const topic = (layer as { topic?: unknown } | null)?.topic;
      if (typeof topic === "string") found.push({ path: `options.layers[${i}].topic`, topic });
    });
  }
  return found;
}

/**
 * What a valid layout may still get wrong, said with file and path but not refused (the layout
 * stays in use): a tile edge that leaves a sliver on a display, a topic no source publishes (it
 * would wait for data for ever), a camera or group the catalog does not have.
 */
export function layoutWarnings(file: string, layout: Layout, ctx: WarningContext): FileError[] {
  const warnings: FileError[] = [];
  const { display } = ctx.topology;
  const cameraIds = new Set(ctx.cameras.cameras.map((c) => c.id));
  const groupIds = new Set(ctx.cameras.groups.map((g) => g.id));
  layout.tiles.forEach((tile, i) => {
    const at = `$.tiles[${i}]`;
    const rect = tileCanvasRect(ctx.topology, layout, tile);
    const parts = tileParts(ctx.topology, rect);
    const displays = ctx.topology.displays;
    const displayOf = (part: Rect) =>
      displays.find((d) => {
        const x = rect.x + part.x - d.col * (display.width + ctx.topology.bezel.x);
        const y = rect.y + part.y - d.row * (display.height + ctx.topology.bezel.y);
        return x >= 0 && y >= 0 && x < display.width && y < display.height;
      })?.id ?? "?";
    // Text that cannot flow sits whole in the largest part: a large part elsewhere would stay empty.
    const main = mainPart(parts);
    if (main && !findWidgetKind(tile.widget)?.bezels) {
      for (const part of parts) {
        if (part === main || part.width * part.height * 3 < main.width * main.height) continue;
        warnings.push({
          file,
          path: at,
          message: `tile "${tile.id}" (${tile.widget}) shows its text on display "${displayOf(main)}" only: its ${part.width}×${part.height} px on display "${displayOf(part)}" would stay empty; split it at the display's edge`,
        });
      }
    }
    for (const part of parts) {
      const narrow = part.width < rect.width && part.width < display.width * SLIVER_SHARE;
      const low = part.height < rect.height && part.height < display.height * SLIVER_SHARE;
      if (!narrow && !low) continue;
      warnings.push({
        file,
        path: at,
        message: `tile "${tile.id}" leaves a sliver of ${part.width}×${part.height} px on display "${displayOf(part)}": move its edge to the display's edge (into the bezel) or well into the display`,
      });
    }
    for (const { path, topic } of tileTopics(tile.options)) {
      if (ctx.topics?.(topic) === "unknown") warnings.push({ file, path: `${at}.${path}`, message: `no source publishes topic "${topic}": the tile would wait for data for ever (a typo?)` });
    }
    const o = tile.options as { camera?: unknown; cameras?: unknown; group?: unknown };
    if (typeof o.camera === "string" && !cameraIds.has(o.camera)) warnings.push({ file, path: `${at}.options.camera`, message: `camera "${o.camera}" is not in cameras.json` });
    if (Array.isArray(o.cameras)) {
      o.cameras.forEach((id: unknown, j) => {
        if (typeof id === "string" && !cameraIds.has(id)) warnings.push({ file, path: `${at}.options.cameras[${j}]`, message: `camera "${id}" is not in cameras.json` });
      });
    }
    if (typeof o.group === "string" && !groupIds.has(o.group)) warnings.push({ file, path: `${at}.options.group`, message: `camera group "${o.group}" is not in cameras.json` });
  });
  return warnings;
}
