import { EventEmitter } from "node:events";
import path from "node:path";
import { z } from "zod";
import { zodErrors } from "../common/file-errors.js";
import { mapViewSchema, tileOverrideSchema, type MapView, type MapViewBody, type TileOverride, type WallState } from "../common/protocol.js";
import { checkWebglBudget } from "../common/webgl-budget.js";
import { findWidgetKind } from "../common/widgets/widget-kinds.js";
import { withMapHomes } from "../common/widgets/map-home.js";
import type { MapOptions } from "../common/widgets/map-options.js";
import { readJsonIfExists, writeFileAtomic } from "./json-file.js";
import type { LayoutStore } from "./layout-store.js";
import type { Logger } from "./log.js";

const persistedSchema = z.object({
  layoutId: z.string(),
  revision: z.number().int().min(0),
  mapViews: z.record(z.string(), mapViewSchema).default({}),
  overrides: z.record(z.string(), tileOverrideSchema).default({}),
});

/**
 * The wall state several service instances share (WALL_REDIS_URL): last writer wins, ordered by
 * revision and then by the writing instance's id, so instances that changed it at once agree.
 */
export const sharedWallStateSchema = persistedSchema.extend({
  origin: z.string().min(1).max(100),
  switchAt: z.number().optional(),
  power: z.enum(["on", "dim", "off"]).default("on"),
});
export type SharedWallState = z.infer<typeof sharedWallStateSchema>;

/** Whether `a` was written after `b` in the shared order. */
export function newerThan(a: Pick<SharedWallState, "revision" | "origin">, b: Pick<SharedWallState, "revision" | "origin">): boolean {
  return a.revision > b.revision || (a.revision === b.revision && a.origin > b.origin);
}

/** What undo (or an alarm's return) goes back to: the wall as an operator saw it before a switch or an override. */
export const snapshotSchema = persistedSchema.pick({ layoutId: true, mapViews: true, overrides: true });
export type Snapshot = z.infer<typeof snapshotSchema>;
/** Steps of undo kept; older ones are forgotten. */
const UNDO_DEPTH = 50;
/**
 * A layout switch shows this long after it is decided: time for every display to hear of it and
 * to mount the new layout off screen (players attached, maps loaded, data subscribed).
 */
export const SWITCH_LEAD_MS = 400;
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
  /** Tiles of this layout shown with another widget; a layout switch clears them. */
  private overrides: Record<string, TileOverride>;
  private readonly history: Snapshot[] = [];
  /** When the last layout switch shows (service clock); changes within a layout show at once. */
  private switchAt: number | undefined;
  private shownLayout: string | undefined;
  private persisting: Promise<void> = Promise.resolve();
  private power: "on" | "dim" | "off" = "on";
  /** This service instance's id, and the instance whose change the state holds now. */
  readonly instanceId = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  private origin = this.instanceId;

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
    this.overrides = persisted?.layoutId === this.layoutId ? persisted.overrides : {};
    this.shownLayout = this.layoutId;
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
    const own = this.store.layout(this.layoutId)!;
    // An override whose tile left the layout in an edit is dropped; the others show in the layout itself.
    const overrides = Object.fromEntries(Object.entries(this.overrides).filter(([id]) => own.tiles.some((t) => t.id === id)));
    const overridden = Object.keys(overrides).length === 0 ? own : { ...own, tiles: own.tiles.map((t) => (overrides[t.id] ? { ...t, ...overrides[t.id] } : t)) };
    // A map that fits its bounds gets the center and zoom that do so on this wall.
    const layout = withMapHomes(this.store.topology, overridden);
    // A view whose tile left the layout (or stopped being a map) in an edit is dropped.
    const mapViews = Object.fromEntries(Object.entries(this.mapViews).filter(([id]) => layout.tiles.some((t) => t.id === id && t.widget === "map")));
    return {
      revision: this.revision,
      layoutId: this.layoutId,
      layout,
      topology: this.store.topology,
      cameras: this.store.cameras,
      mapViews,
      overrides,
      ...(this.switchAt ? { switchAt: this.switchAt } : {}),
      ...(this.power !== "on" ? { power: this.power } : {}),
    };
  }

  /**
   * Shows a tile of the active layout with another widget. The options are checked against the
   * widget's schema (defaults filled in), and the display's WebGL budget against the result.
   */
  setOverride(tileId: string, override: TileOverride): { ok: true } | { ok: false; status: 400 | 404; error: string } {
    const layout = this.store.layout(this.layoutId)!;
    if (!layout.tiles.some((t) => t.id === tileId)) return { ok: false, status: 404, error: `the current layout has no tile "${tileId}"` };
    const kind = findWidgetKind(override.widget);
    if (!kind) return { ok: false, status: 400, error: `unknown widget kind "${override.widget}"` };
    const options = kind.optionsSchema.safeParse(override.options);
    if (!options.success) return { ok: false, status: 400, error: `options for ${override.widget}: ${zodErrors("body", options.error, ["options"]).map((e) => `${e.path}: ${e.message}`).join("; ")}` };
    const next = { ...this.overrides, [tileId]: { widget: override.widget, options: options.data as Record<string, unknown> } };
    const effective = { ...layout, tiles: layout.tiles.map((t) => (next[t.id] ? { ...t, ...next[t.id] } : t)) };
    const over = checkWebglBudget("override", this.store.topology, effective);
    if (over.length > 0) return { ok: false, status: 400, error: over[0]!.message };
    this.remember();
    this.overrides = next;
    if (override.widget !== "map") delete this.mapViews[tileId];
    this.bump();
    return { ok: true };
  }

  /** One tile back to its layout's widget, or all when `tileId` is undefined; false when there was none. */
  clearOverride(tileId: string | undefined): boolean {
    if (tileId === undefined ? Object.keys(this.overrides).length === 0 : !this.overrides[tileId]) return false;
    this.remember();
    if (tileId === undefined) this.overrides = {};
    else {
      const { [tileId]: _gone, ...rest } = this.overrides;
      this.overrides = rest;
    }
    this.bump();
    return true;
  }

  /** Back to the wall before the last switch or override; false when there is nothing to go back to. */
  undo(): boolean {
    for (let s = this.history.pop(); s; s = this.history.pop()) {
      // A layout that has since lost its last good version cannot come back: the step before it may.
      if (!this.store.layout(s.layoutId)) continue;
      this.layoutId = s.layoutId;
      this.mapViews = s.mapViews;
      this.overrides = s.overrides;
      this.bump();
      return true;
    }
    return false;
  }

  /** What the wall shows, to come back to after an alarm. */
  snapshot(): Snapshot {
    return { layoutId: this.layoutId, mapViews: this.mapViews, overrides: this.overrides };
  }

  /** Back to a snapshot (its layout may have lost its last good version since: then nothing changes). */
  restore(s: Snapshot): boolean {
    if (!this.store.layout(s.layoutId)) return false;
    this.layoutId = s.layoutId;
    this.mapViews = s.mapViews;
    this.overrides = s.overrides;
    this.bump();
    return true;
  }

  private remember(): void {
    this.history.push({ layoutId: this.layoutId, mapViews: this.mapViews, overrides: this.overrides });
    if (this.history.length > UNDO_DEPTH) this.history.shift();
  }

  /**
   * Moves a map tile of the current layout. "no-tile" when the layout has no map tile by that id.
   */
  setMapView(body: MapViewBody): MapView | "no-tile" {
    const tile = this.current().layout.tiles.find((t) => t.id === body.tileId && t.widget === "map");
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
    this.remember();
    this.layoutId = layoutId;
    this.mapViews = {};
    this.overrides = {};
    this.bump();
    return true;
  }

  /** The wall dimmed or off by the power schedule (on, absent from the state, by default). */
  setPower(power: "on" | "dim" | "off"): void {
    if (power === this.power) return;
    this.power = power;
    this.revision += 1;
    this.origin = this.instanceId;
    this.emit("change", this.current());
  }

  /** What other instances need of this state, to share it through Redis. */
  shared(): SharedWallState {
    return { layoutId: this.layoutId, revision: this.revision, mapViews: this.mapViews, overrides: this.overrides, origin: this.origin, ...(this.switchAt ? { switchAt: this.switchAt } : {}), power: this.power };
  }

  subscribe(listener: () => void): () => void {
    this.on("change", listener);
    return () => this.off("change", listener);
  }

  /**
   * Takes another instance's state when it is newer in the shared order (and names a layout this
   * instance has): displays here show the same thing, swapping at the same switchAt. False when it is
   * older, the same, or unknown here.
   */
  adopt(remote: SharedWallState, joining = false): boolean {
    const local = this.shared();
    if (!joining && !newerThan(remote, local)) return false;
    if (!this.store.layout(remote.layoutId)) {
      this.log("warn", "another instance shows a layout this one does not have; keeping the local one (are the layouts folders the same?)", { layoutId: remote.layoutId });
      return false;
    }
    if (remote.layoutId !== this.layoutId) this.remember();
    [this.layoutId, this.revision, this.mapViews, this.overrides, this.origin, this.power] = [remote.layoutId, remote.revision, remote.mapViews, remote.overrides, remote.origin, remote.power];
    this.switchAt = remote.switchAt;
    this.shownLayout = this.layoutId;
    // Two changes at once: this instance's lost on the writer's id, and its displays already show its
    // own at this revision. The winner's goes out again one revision on, so that every display takes it.
    if (!joining && remote.revision === local.revision) {
      this.revision += 1;
      this.origin = this.instanceId;
    }
    void this.persist();
    this.emit("change", this.current());
    return true;
  }

  /** Resolves once every change so far is on disk. */
  flushed(): Promise<void> {
    return this.persisting;
  }

  private bump(): void {
    this.revision += 1;
    this.origin = this.instanceId;
    if (this.shownLayout !== undefined && this.shownLayout !== this.layoutId) this.switchAt = Date.now() + SWITCH_LEAD_MS;
    this.shownLayout = this.layoutId;
    void this.persist();
    this.emit("change", this.current());
  }

  private persist(): Promise<void> {
    const content = JSON.stringify({ layoutId: this.layoutId, revision: this.revision, mapViews: this.mapViews, overrides: this.overrides }) + "\n";
    this.persisting = this.persisting
      .then(() => writeFileAtomic(this.file, content))
      .catch((e: Error) => this.log("error", "could not save the wall state", { file: this.file, error: e.message }));
    return this.persisting;
  }
}
