import { panView, wrapDegrees } from "../../electron/common/geo/web-mercator.js";
import { pickText, type Language } from "../../electron/common/localized-text.js";
import { tileCanvasRect } from "../../electron/common/plan.js";
import type { Ack, MapView, MapViewBody, WallState } from "../../electron/common/protocol.js";
import type { MapOptions } from "../../electron/common/widgets/map-options.js";
import { formatNumber } from "../ui/format.js";
import { translate } from "../ui/i18n.js";

/** A pan moves the map by this share of the tile's width or height. */
const PAN_SHARE = 0.25;
const ZOOM_STEP = 0.5;
const TURN_STEP = 15;

/**
 * Pan, zoom and turn each map tile of the layout on the wall. The service holds the view; every
 * display's part of a spanning map follows it together.
 */
export function MapControls({ wall, language, disabled, send }: { wall: WallState; language: Language; disabled: boolean; send: (body: MapViewBody) => Promise<Ack> }) {
  const tiles = wall.layout.tiles.filter((t) => t.widget === "map");
  if (tiles.length === 0) return null;
  return (
    <section>
      <h2>{translate(language, "maps")}</h2>
      <ul className="map-controls">
        {tiles.map((tile) => {
          const options = tile.options as MapOptions;
          const view: MapView = wall.mapViews[tile.id] ?? { center: options.center, zoom: options.zoom, bearing: options.bearing };
          const size = tileCanvasRect(wall.topology, wall.layout, tile);
          const pan = (dx: number, dy: number) => {
            const moved = panView(view, dx * size.width * PAN_SHARE, dy * size.height * PAN_SHARE);
            void send({ tileId: tile.id, center: moved.center });
          };
          const button = (label: string, title: string, action: () => void) => (
            <button type="button" title={title} aria-label={title} disabled={disabled} onClick={action}>
              {label}
            </button>
          );
          return (
            <li key={tile.id} data-map-tile={tile.id}>
              <div className="map-control-name">
                {pickText(tile.title, language) || tile.id}{" "}
                <span className="muted" data-map-view>
                  {translate(language, "mapView", {
                    lon: formatNumber(view.center[0], language, 3),
                    lat: formatNumber(view.center[1], language, 3),
                    zoom: formatNumber(view.zoom, language, 1),
                    bearing: formatNumber(view.bearing, language, 0),
                  })}
                </span>
              </div>
              <div className="map-control-buttons">
                {button("←", translate(language, "panWest"), () => pan(-1, 0))}
                {button("↑", translate(language, "panNorth"), () => pan(0, -1))}
                {button("↓", translate(language, "panSouth"), () => pan(0, 1))}
                {button("→", translate(language, "panEast"), () => pan(1, 0))}
                {button("+", translate(language, "zoomIn"), () => void send({ tileId: tile.id, zoom: Math.min(20, view.zoom + ZOOM_STEP) }))}
                {button("−", translate(language, "zoomOut"), () => void send({ tileId: tile.id, zoom: Math.max(0, view.zoom - ZOOM_STEP) }))}
                {button("⟲", translate(language, "turnLeft"), () => void send({ tileId: tile.id, bearing: wrapDegrees(view.bearing - TURN_STEP) }))}
                {button("⟳", translate(language, "turnRight"), () => void send({ tileId: tile.id, bearing: wrapDegrees(view.bearing + TURN_STEP) }))}
                {button("⌂", translate(language, "mapReset"), () => void send({ tileId: tile.id, reset: true }))}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
