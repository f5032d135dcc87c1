import { MapboxOverlay } from "@deck.gl/mapbox";
import type { LayersList } from "@deck.gl/core";
import maplibregl, { type StyleSpecification } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { Protocol } from "pmtiles";
import { rehome } from "../../data/service-address.js";
import type { MapView } from "../../../electron/common/geo/web-mercator.js";
import { BUILTIN_SOURCES } from "./basemap-style.js";
import { webglSlots } from "./webgl-slots.js";

// maplibre starts its tile workers from a blob (CSP worker-src blob:); PMTiles archives are read by Range.
const pmtiles = new Protocol();
// An archive on the service is read from the live instance, whichever served the page.
maplibregl.addProtocol("pmtiles", (params, abort) => pmtiles.tile({ ...params, url: params.url.replace(/^pmtiles:\/\/(.*)$/, (_m, inner: string) => `pmtiles://${rehome(inner)}`) }, abort));
type MaplibreMap = maplibregl.Map;

interface LumaDevice {
  canvasContext?: { destroy: () => void };
  destroy: () => void;
}

/** The luma.gl device deck.gl attached to this canvas's WebGL context, if any (luma keeps it on the context). */
function attachedLumaDevice(canvas: HTMLCanvasElement): LumaDevice | undefined {
  const gl = canvas.getContext("webgl2") as (WebGL2RenderingContext & { luma?: { device?: LumaDevice | null } }) | null;
  return gl?.luma?.device ?? undefined;
}


export type SessionState =
  | { kind: "waiting" }
  | { kind: "loading" }
  | { kind: "ready" }
  | { kind: "recovering"; reason: string }
  | { kind: "failed"; reason: string; retryInMs: number };

export interface SessionInit {
  container: HTMLElement;
  style: StyleSpecification;
  view: MapView;
  pixelRatio: number;
  onState: (state: SessionState) => void;
}

/** How long a lost context may take to come back before the map is built anew. */
const RESTORE_GRACE_MS = 1000;
const RETRY_MIN_MS = 5000;
const RETRY_MAX_MS = 60_000;

/**
 * One map tile's maplibre map with the deck.gl overlay drawn inside it (interleaved: one WebGL
 * context, not two). It holds a WebGL slot while it lives, rebuilds itself after a lost context,
 * and retries with backoff when WebGL cannot be had at all.
 */
export class MapSession {
  private map: MaplibreMap | undefined;
  private overlay: MapboxOverlay | undefined;
  private layers: LayersList = [];
  private view: MapView;
  private pixelRatio: number;
  private releaseSlot: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private destroyed = false;
  /** Between a lost context and the rebuild: the map must not be touched. */
  private lost = false;
  /** Maps built after the first: context losses and failed starts recovered from. */
  rebuilds = 0;

  constructor(private readonly init: SessionInit) {
    this.view = init.view;
    this.pixelRatio = init.pixelRatio;
    init.onState({ kind: "waiting" });
    this.releaseSlot = webglSlots.acquire(() => this.create());
  }

  setView(view: MapView): void {
    this.view = view;
    this.guard(() => this.map?.jumpTo(view));
  }

  setLayers(layers: LayersList): void {
    this.layers = layers;
    this.guard(() => this.overlay?.setProps({ layers }));
  }

  resize(pixelRatio: number): void {
    this.pixelRatio = pixelRatio;
    this.guard(() => {
      if (!this.map) return;
      this.map.setPixelRatio(pixelRatio);
      this.map.resize();
      this.map.jumpTo(this.view);
    });
  }

  /** A map that throws (a context going away under it) is rebuilt; the error never reaches the page. */
  private guard(action: () => void): void {
    if (this.lost) return;
    try {
      action();
    } catch (e) {
      this.recover(e instanceof Error ? e.message : String(e));
    }
  }

  /** The live map, for the debug hook and tests; undefined while waiting or rebuilding. */
  get current(): MaplibreMap | undefined {
    return this.lost ? undefined : this.map;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.timer);
    this.teardown();
    this.releaseSlot();
  }

  private create(): void {
    if (this.destroyed) return;
    this.init.onState({ kind: "loading" });
    let map: MaplibreMap;
    try {
      map = new maplibregl.Map({
        container: this.init.container,
        style: this.init.style,
        ...this.view,
        interactive: false,
        attributionControl: false,
        trackResize: false,
        fadeDuration: 0,
        pixelRatio: this.pixelRatio,
        // Tiles on the service come from the live instance: the page may have moved since its style was made.
        transformRequest: (url) => ({ url: rehome(url) }),
        // Tiles are drawn where they are needed; 256 is enough for a wall-sized view.
        maxTileCacheSize: 256,
        canvasContextAttributes: { antialias: false, preserveDrawingBuffer: false, failIfMajorPerformanceCaveat: false },
      });
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
      return;
    }
    this.map = map;
    this.lost = false;
    map.on("webglcontextlost", () => {
      if (this.map === map) this.recover("WebGL context lost");
    });
    // A tile or source that fails leaves the built-in basemap showing beneath: log, do not fail.
    map.on("error", (e) => console.warn("map:", e.error?.message ?? e));
    const overlay = new MapboxOverlay({ interleaved: true, layers: this.layers });
    this.overlay = overlay;
    map.addControl(overlay);
    // Ready once a frame is drawn with the built-in basemap in. Not "load" or "idle": neither comes
    // while an operator's tile server fails, and "idle" not while an overlay animates.
    const drawn = () => {
      if (this.map !== map || !BUILTIN_SOURCES.every((id) => map.getSource(id) && map.isSourceLoaded(id))) return;
      map.off("render", drawn);
      this.failures = 0;
      this.init.onState({ kind: "ready" });
    };
    map.on("render", drawn);
  }

  private teardown(): void {
    const map = this.map;
    this.map = undefined;
    this.overlay = undefined;
    if (!map) return;
    const device = attachedLumaDevice(map.getCanvas());
    // remove() also removes the overlay control (deck finalizes its layers) and gives the
    // context back to the browser at once (WEBGL_lose_context).
    try {
      map.remove();
    } catch (e) {
      console.warn("map: removing a broken map", e);
    }
    // deck.gl 9.4 in interleaved mode attaches a luma.gl device to maplibre's context and never
    // destroys it: its canvas observers (resize, intersection, device-pixel-ratio media query) keep
    // the whole map alive — 2.7 MB and 8 DOM nodes per map, found by the endurance test.
    device?.canvasContext?.destroy();
    device?.destroy();
  }

  private recover(reason: string): void {
    if (this.destroyed || this.lost) return;
    this.lost = true;
    this.init.onState({ kind: "recovering", reason });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.rebuilds += 1;
      this.teardown();
      this.create();
    }, RESTORE_GRACE_MS);
  }

  private fail(reason: string): void {
    this.teardown();
    this.failures += 1;
    const retryInMs = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (this.failures - 1));
    this.init.onState({ kind: "failed", reason, retryInMs });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.rebuilds += 1;
      this.create();
    }, retryInMs);
  }
}
