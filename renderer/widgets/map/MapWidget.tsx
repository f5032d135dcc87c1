import type { Layer } from "@deck.gl/core";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { partCenter, type MapView } from "../../../electron/common/geo/web-mercator.js";
import type { MapOptions } from "../../../electron/common/widgets/map-options.js";
import type { Freshness } from "../../data/freshness.js";
import { serviceBase } from "../../data/service-address.js";
import { translate } from "../../ui/i18n.js";
import { useTileId, useWallContext } from "../../wall/wall-context.js";
import type { TileStatus, WidgetProps } from "../widget-props.js";
import { loadDistricts, loadPlaces } from "./basemap-data.js";
import { basemapStyle } from "./basemap-style.js";
import "./map.css";
import { MapLegend } from "./MapLegend.js";
import { OverlayData, type Geography } from "./MapOverlays.js";
import { describeSession } from "./map-debug-info.js";
import { registerMap } from "./map-registry.js";
import { MapSession, type SessionState } from "./map-session.js";
import { keepLabelsOnScreen, type LabelFrame } from "./overlays/labels-on-screen.js";
import { placesLayer } from "./overlays/places-layers.js";
import { fontReady } from "./overlays/text-style.js";

/** More than any bezel, less than a display: which part counts as holding the tile's corner. */
const CORNER_SLACK = 200;

function tileStatus(state: SessionState, overlays: Freshness[]): TileStatus {
  if (state.kind === "failed") return "error";
  if (state.kind !== "ready") return "loading";
  return overlays.includes("stale") ? "stale" : "ready";
}

function useGeography(): Geography | undefined {
  const [geography, setGeography] = useState<Geography>();
  useEffect(() => {
    let live = true;
    Promise.all([loadDistricts(), loadPlaces()])
      .then(([d, p]) => live && setGeography({ districts: d.features, places: p.features }))
      .catch((e: unknown) => console.warn("map: basemap data", e));
    return () => {
      live = false;
    };
  }, []);
  return geography;
}

type Box = LabelFrame["avoid"][number];

/** Where the map's legend and note sit over its canvas, kept up to date as they change size. */
function useFurniture(part: React.RefObject<HTMLDivElement | null>): readonly Box[] {
  const [boxes, setBoxes] = useState<readonly Box[]>([]);
  useEffect(() => {
    const host = part.current;
    if (!host) return;
    const measure = () => {
      const origin = host.getBoundingClientRect();
      // The canvas is drawn at the wall's scale: boxes in its pixels, not the window's.
      const scale = origin.width / (host.offsetWidth || 1);
      const next = [...host.querySelectorAll("[data-map-legend], .map-note")].map((el) => {
        const r = el.getBoundingClientRect();
        return { x: (r.left - origin.left) / scale, y: (r.top - origin.top) / scale, width: r.width / scale, height: r.height / scale };
      });
      setBoxes((was) => (JSON.stringify(was) === JSON.stringify(next) ? was : next));
    };
    const observer = new ResizeObserver(measure);
    const watch = () => host.querySelectorAll("[data-map-legend], .map-note").forEach((el) => observer.observe(el));
    const children = new MutationObserver(() => {
      watch();
      measure();
    });
    children.observe(host, { childList: true, subtree: true });
    watch();
    measure();
    return () => {
      observer.disconnect();
      children.disconnect();
    };
  }, [part]);
  return boxes;
}

function useFontsReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    fontReady("Sóc Trăng Việt Nam ‰").finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

/**
 * A GIS map: the offline basemap with live overlays. On a wall it draws only the part this
 * display shows, centred by Web-Mercator math so the parts on all displays read as one map.
 */
export default function MapWidget({ options, width, height, visible, language, setStatus }: WidgetProps<MapOptions>) {
  const { deviceScale, mapViews } = useWallContext();
  const tileId = useTileId();
  const whole = mapViews[tileId] ?? { center: options.center, zoom: options.zoom, bearing: options.bearing };
  const [lon, lat] = partCenter(whole, { width, height }, visible);
  const view = useMemo<MapView>(() => ({ center: [lon, lat], zoom: whole.zoom, bearing: whole.bearing }), [lon, lat, whole.zoom, whole.bearing]);
  const hasArea = visible.width > 0 && visible.height > 0;
  // Everything written on the map (names, values) follows the map's label language, not the window's.
  const labelLanguage = options.labels;

  const container = useRef<HTMLDivElement>(null);
  const session = useRef<MapSession | undefined>(undefined);
  const latest = useRef({ view, deviceScale });
  latest.current = { view, deviceScale };
  const [state, setState] = useState<SessionState>({ kind: "waiting" });
  const stateRef = useRef(state);
  stateRef.current = state;
  const [groups, setGroups] = useState<Record<number, { layers: Layer[]; status: Freshness }>>({});
  const geography = useGeography();
  const fontsReady = useFontsReady();
  const style = useMemo(() => basemapStyle(serviceBase(), options.basemap), [options.basemap]);

  const part = useRef<HTMLDivElement>(null);
  const furniture = useFurniture(part);
  const { bezel } = useWallContext();
  const frame = useMemo<LabelFrame>(() => {
    const claim = {
      left: visible.x > 0 ? bezel.x / 2 : 0,
      top: visible.y > 0 ? bezel.y / 2 : 0,
      right: visible.x + visible.width < width ? bezel.x / 2 : 0,
      bottom: visible.y + visible.height < height ? bezel.y / 2 : 0,
    };
    return { view, width: visible.width, height: visible.height, avoid: furniture, claim };
  }, [view, visible.x, visible.y, visible.width, visible.height, width, height, bezel.x, bezel.y, furniture]);
  const layers = useMemo(() => {
    const overlayLayers = Object.entries(groups)
      .sort(([a], [b]) => Number(a) - Number(b))
      .flatMap(([, g]) => g.layers);
    const places = geography && fontsReady ? [placesLayer(geography.places, view.zoom, labelLanguage)] : [];
    return keepLabelsOnScreen([...overlayLayers, ...places], frame);
  }, [groups, geography, fontsReady, view.zoom, labelLanguage, frame]);
  const latestLayers = useRef(layers);
  latestLayers.current = layers;

  // Not rebuilt when the tile's id changes: a map that two layouts share draws on through a switch.
  const tileIdRef = useRef(tileId);
  tileIdRef.current = tileId;
  useEffect(() => {
    if (!hasArea || !container.current) return;
    const s = new MapSession({ container: container.current, style, view: latest.current.view, pixelRatio: latest.current.deviceScale, onState: setState });
    s.setLayers(latestLayers.current);
    session.current = s;
    const unregister = registerMap(() => describeSession(tileIdRef.current, s, stateRef.current, latestLayers.current));
    return () => {
      unregister();
      s.destroy();
      session.current = undefined;
    };
  }, [style, hasArea]);
  useEffect(() => session.current?.setView(view), [view]);
  useEffect(() => session.current?.resize(deviceScale), [deviceScale, visible.width, visible.height]);
  useEffect(() => session.current?.setLayers(layers), [layers]);

  const report = useCallback((index: number, layers: Layer[], status: Freshness) => {
    setGroups((g) => (g[index]?.layers === layers && g[index]?.status === status ? g : { ...g, [index]: { layers, status } }));
  }, []);

  const status = hasArea ? tileStatus(state, Object.values(groups).map((g) => g.status)) : "ready";
  useEffect(() => setStatus(status), [status, setStatus]);

  // The note about the demo geometry sits at the tile's bottom-right, on the display that shows that
  // corner (or would, but for a bezel it falls into).
  const showsCorner = visible.x + visible.width >= width - CORNER_SLACK && visible.y + visible.height >= height - CORNER_SLACK;
  return (
    <div ref={part} className="map-part" style={{ left: visible.x, top: visible.y, width: visible.width, height: visible.height }} data-map-state={state.kind}>
      <div ref={container} className="map-canvas" />
      {options.overlays.map((overlay, index) => (
        <OverlayData key={index} overlay={overlay} index={index} zoom={view.zoom} language={labelLanguage} fontsReady={fontsReady} geography={geography} report={report} />
      ))}
      {state.kind === "failed" && (
        <div className="tile-slate map-slate" role="alert">
          <div className="map-slate-title">{translate(language, "mapFailed")}</div>
          <div className="map-slate-reason">{state.reason}</div>
          <div className="map-slate-retry">{translate(language, "mapRetry", { seconds: Math.round(state.retryInMs / 1000) })}</div>
        </div>
      )}
      {state.kind === "recovering" && <div className="tile-slate map-slate map-slate-quiet">{translate(language, "mapRecovering")}</div>}
      {state.kind === "waiting" && <div className="tile-slate map-slate map-slate-quiet">{translate(language, "mapWaiting")}</div>}
      {showsCorner && options.basemap === "offline" && <div className="map-note">{translate(language, "mapDemoNote")}</div>}
      {/* The legend at the tile's top left, on the display that shows that corner. */}
      {visible.x <= CORNER_SLACK && visible.y <= CORNER_SLACK && <MapLegend overlays={options.overlays} language={language} />}
    </div>
  );
}
