/**
 * Web-Mercator as maplibre draws it: 512 pixels for the whole world at zoom 0. Pure, so that the
 * centre each window of a spanning map gets can be proved in unit tests.
 */
export type LonLat = readonly [lon: number, lat: number];

const TILE_SIZE = 512;
/** Beyond this latitude Web-Mercator is undefined; maplibre clamps to it too. */
const MAX_LATITUDE = 85.051129;

export function worldSize(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

/** Longitude and latitude to world pixels at `zoom` (x east, y south). */
export function project([lon, lat]: LonLat, zoom: number): [number, number] {
  const size = worldSize(zoom);
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const x = ((lon + 180) / 360) * size;
  const y = ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360) * size;
  return [x, y];
}

export function unproject([x, y]: readonly [number, number], zoom: number): [number, number] {
  const size = worldSize(zoom);
  const lon = (x / size) * 360 - 180;
  const y2 = 180 - (y / size) * 360;
  const lat = (360 / Math.PI) * Math.atan(Math.exp((y2 * Math.PI) / 180)) - 90;
  return [lon, lat];
}

/**
 * Screen offset (pixels right and down of the view's centre) to world-pixel offset when the map
 * is turned by `bearing` degrees (the top of the screen points that far clockwise from north).
 */
export function screenToWorldOffset(dx: number, dy: number, bearing: number): [number, number] {
  const b = (bearing * Math.PI) / 180;
  const cos = Math.cos(b);
  const sin = Math.sin(b);
  return [dx * cos - dy * sin, dx * sin + dy * cos];
}

/** Where a map looks (the wall's map views and the console's moves are this, validated in protocol.ts). */
export interface MapView {
  center: [lon: number, lat: number];
  zoom: number;
  bearing: number;
}

export interface PartRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The centre of one window's part of a map that is `whole` pixels big and centred on
 * `view.center`: every part drawn with the same zoom and bearing around its own centre joins its
 * neighbours pixel for pixel. `part` is in the whole map's pixels, hidden bezel columns included,
 * which is what makes the seams continue across the bezels.
 */
export function partCenter(view: MapView, whole: { width: number; height: number }, part: PartRect): [number, number] {
  return panView(view, part.x + part.width / 2 - whole.width / 2, part.y + part.height / 2 - whole.height / 2).center;
}

/** An angle (a longitude, a bearing) brought into −180…180. */
export function wrapDegrees(degrees: number): number {
  return ((((degrees + 180) % 360) + 360) % 360) - 180;
}

/**
 * The view moved by (dx, dy) screen pixels: what dragging the map that far would show, turned
 * with the map's bearing. The console pans by a share of the tile's size this way.
 */
export function panView(view: MapView, dx: number, dy: number): MapView {
  const [cx, cy] = project(view.center, view.zoom);
  const [wx, wy] = screenToWorldOffset(dx, dy, view.bearing);
  const [lon, lat] = unproject([cx + wx, cy + wy], view.zoom);
  return { ...view, center: [wrapDegrees(lon), Math.max(-85, Math.min(85, lat))] };
}

/** West, south, east, north, in degrees. */
export type Bounds = readonly [west: number, south: number, east: number, north: number];

/**
 * The view that shows `bounds` whole and as large as it goes in a map `size` pixels big, with
 * `margin` of the size left around it (north up): a tile of any shape filled by the province.
 */
export function fitBounds(bounds: Bounds, size: { width: number; height: number }, margin = 0.05): { center: [number, number]; zoom: number } {
  const [w, s, e, n] = bounds;
  const [x0, y0] = project([w, n], 0);
  const [x1, y1] = project([e, s], 0);
  const room = 1 - 2 * margin;
  const zoom = Math.log2(Math.min((size.width * room) / Math.max(1e-9, x1 - x0), (size.height * room) / Math.max(1e-9, y1 - y0)));
  const center = unproject([(x0 + x1) / 2, (y0 + y1) / 2], 0);
  // Down to a hundredth, so that it still fits.
  return { center, zoom: Math.floor(Math.min(20, Math.max(0, zoom)) * 100) / 100 };
}
