import { EventEmitter } from "node:events";
import path from "node:path";
import { z } from "zod";
import { mapViewSchema, type MapView, type MapViewBody, type WallState } from "../common/protocol.js";
import type { MapOptions } from "../common/widgets/map-options.js";
import { readJsonIfExists, writeFileAtomic } from "./json-file.js";
import type { LayoutStore } from "./layout-store.js";
import type { Logger } from "./log.js";

const persistedSchema = z.object({
  layoutId: z.string(),
  revision: z.number().int().min(0),
  mapViews: z.record(z.string(), mapViewSchema).default({}),
});
export const STATE_FILE = "state.json";

/**
 * The one writer of what the wall shows: the active layout and a revision that grows with every
 * change a display must see. Survives restarts through state.json.
 */
export class WallStateHolder extends EventEmitter<{ change: [WallState] }> {
  private layoutId: string;
  private revision: number;
  /** Console-set views of this layout's map tiles; a layout switch starts from the layout's own. */
  private mapViews: Record<string, MapView>;
  private persisting: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: LayoutStore,
    private readonly file: string,
    private readonly log: Logger,
    persisted: z.infer<typeof persistedSchema> | undefined,
    startLayout: string | undefined,
  ) {
    super();
    const ids = store.layoutIds();
    if (ids.length === 0) throw new Error(`no valid layout in ${store.dir}: add a <id>.layout.json file`);
    const pick = [persisted?.layoutId, startLayout, ids[0]].find((id) => id !== undefined && store.layout(id));
    this.layoutId = pick!;
    this.revision = (persisted?.revision ?? 0) + 1;
    this.mapViews = persisted?.layoutId === this.layoutId ? persisted.mapViews : {};
    store.on("change", (change) => {
      if (change.topologyChanged || change.camerasChanged || change.layoutsChanged.includes(this.layoutId)) this.bump();
    });
  }

  static async open(store: LayoutStore, stateDir: string, startLayout: string | undefined, log: Logger): Promise<WallStateHolder> {
    const file = path.join(stateDir, STATE_FILE);
    let persisted: z.infer<typeof persistedSchema> | undefined;
    try {
      const parsed = persistedSchema.safeParse(await readJsonIfExists(file));
      if (parsed.success) persisted = parsed.data;
    } catch (e) {
      log("warn", "state file unreadable; starting from the default layout", { file, error: (e as Error).message });
    }
    const holder = new WallStateHolder(store, file, log, persisted, startLayout);
    await holder.persist();
    return holder;
  }

  current(): WallState {
    const layout = this.store.layout(this.layoutId)!;
    // A view whose tile left the layout (or stopped being a map) in an edit is dropped.
    const mapViews = Object.fromEntries(Object.entries(this.mapViews).filter(([id]) => layout.tiles.some((t) => t.id === id && t.widget === "map")));
    return { revision: this.revision, layoutId: this.layoutId, layout, topology: this.store.topology, cameras: this.store.cameras, mapViews };
  }

  /**
   * Moves a map tile of the current layout. "no-tile" when the layout has no map tile by that id.
   */
  setMapView(body: MapViewBody): MapView | "no-tile" {
    const tile = this.store.layout(this.layoutId)!.tiles.find((t) => t.id === body.tileId && t.widget === "map");
    if (!tile) return "no-tile";
    const options = tile.options as MapOptions;
    const own: MapView = { center: options.center, zoom: options.zoom, bearing: options.bearing };
    if ("reset" in body) {
      delete this.mapViews[body.tileId];
      this.bump();
      return own;
    }
    const was = this.mapViews[body.tileId] ?? own;
    const view: MapView = { center: body.center ?? was.center, zoom: body.zoom ?? was.zoom, bearing: body.bearing ?? was.bearing };
    this.mapViews = { ...this.mapViews, [body.tileId]: view };
    this.bump();
    return view;
  }

  /** False when no valid layout has that id. */
  switchLayout(layoutId: string): boolean {
    if (!this.store.layout(layoutId)) return false;
    this.layoutId = layoutId;
    this.mapViews = {};
    this.bump();
    return true;
  }

  /** Resolves once every change so far is on disk. */
  flushed(): Promise<void> {
    return this.persisting;
  }

  private bump(): void {
    this.revision += 1;
    void this.persist();
    this.emit("change", this.current());
  }

  private persist(): Promise<void> {
    const content = JSON.stringify({ layoutId: this.layoutId, revision: this.revision, mapViews: this.mapViews }) + "\n";
    this.persisting = this.persisting
      .then(() => writeFileAtomic(this.file, content))
      .catch((e: Error) => this.log("error", "could not save the wall state", { file: this.file, error: e.message }));
    return this.persisting;
  }
}
