import type { Layer } from "@deck.gl/core";
import { OWN_LAYER_PREFIX } from "./basemap-style.js";
import type { MapDebugInfo } from "./map-registry.js";
import type { MapSession, SessionState } from "./map-session.js";

function describeData(data: unknown): { count: number; first?: string } {
  if (!Array.isArray(data)) return { count: 0 };
  const first = data[0] as { id?: unknown; key?: unknown } | undefined;
  const id = first?.id ?? first?.key;
  return { count: data.length, ...(id !== undefined ? { first: String(id) } : {}) };
}

/** What `iocWallDebug.maps()` says of one map part: its state, its own view, and its layers' data. */
export function describeSession(tileId: string, session: MapSession, state: SessionState, layers: readonly Layer[]): MapDebugInfo {
  const info: MapDebugInfo = {
    tileId,
    state: state.kind,
    ...("reason" in state ? { reason: state.reason } : {}),
    rebuilds: session.rebuilds,
    layers: Object.fromEntries(layers.map((l) => [l.id, describeData(l.props.data)])),
  };
  const map = session.current;
  if (!map) return info;
  const canvas = map.getCanvas();
  const own = map.getStyle().layers.filter((l) => l.id.startsWith(OWN_LAYER_PREFIX) && l.type !== "raster").map((l) => l.id);
  const c = map.getCenter();
  return {
    ...info,
    center: [c.lng, c.lat],
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    canvas: { width: canvas.width, height: canvas.height },
    ownFeatures: own.length > 0 ? map.queryRenderedFeatures(undefined, { layers: own }).length : 0,
    unproject: (x, y) => {
      const p = map.unproject([x, y]);
      return [p.lng, p.lat];
    },
  };
}
