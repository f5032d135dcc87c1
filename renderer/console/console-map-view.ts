import { project, unproject, type MapView } from "../../electron/common/geo/web-mercator.js";

export interface Placed {
  id: string;
  lon: number;
  lat: number;
}

/** The view that shows every placed camera in `width × height` with `padding` pixels to spare (north up). */
export function fitView(points: readonly Placed[], width: number, height: number, padding = 24, maxZoom = 13): MapView {
  if (points.length === 0) return { center: [105.97, 9.6], zoom: 8.5, bearing: 0 };
  const world = points.map((p) => project([p.lon, p.lat], 0));
  const xs = world.map((w) => w[0]);
  const ys = world.map((w) => w[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max((maxX - minX) / Math.max(1, width - 2 * padding), (maxY - minY) / Math.max(1, height - 2 * padding));
  const zoom = span > 0 ? Math.min(maxZoom, Math.log2(1 / span)) : maxZoom;
  const [lon, lat] = unproject([(minX + maxX) / 2, (minY + maxY) / 2], 0);
  return { center: [lon, lat], zoom, bearing: 0 };
}

/** Where a place falls in a north-up view of `width × height`, in CSS pixels from the top left. */
export function screenPoint(view: MapView, width: number, height: number, lon: number, lat: number): [number, number] {
  const [cx, cy] = project(view.center, view.zoom);
  const [x, y] = project([lon, lat], view.zoom);
  return [x - cx + width / 2, y - cy + height / 2];
}
