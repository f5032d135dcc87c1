import { useDraggable } from "@dnd-kit/core";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Camera, CamerasFile } from "../../electron/common/cameras-file.js";
import type { Language } from "../../electron/common/localized-text.js";
import { translate } from "../ui/i18n.js";
import { serviceBase } from "../data/service-address.js";
import { basemapStyle } from "../widgets/map/basemap-style.js";
import { MapSession, type SessionState } from "../widgets/map/map-session.js";
import { fitView, screenPoint } from "./console-map-view.js";

type PlacedCamera = Camera & { lat: number; lon: number };

function Marker({ camera, x, y, canCommand, pick }: { camera: PlacedCamera; x: number; y: number; canCommand: boolean; pick: (id: string) => void }) {
  const { attributes, listeners, setNodeRef } = useDraggable({ id: `map-camera:${camera.id}`, data: { cameraId: camera.id }, disabled: !canCommand });
  return (
    <button type="button" ref={setNodeRef} className="map-camera" style={{ left: x, top: y }} data-map-camera={camera.id} title={camera.name} aria-label={camera.name} onClick={() => pick(camera.id)} {...listeners} {...attributes}>
      <span className="map-camera-dot" />
    </button>
  );
}

/**
 * The cameras of the catalog where they stand, on the built-in offline basemap: one clicked goes to
 * the tile selected in the mimic (or is dragged onto one), as from the catalog. Markers are buttons
 * laid over the map by the same Web-Mercator math maplibre draws with.
 */
export function ConsoleMap({ catalog, selectedTile, canCommand, language, pushCamera }: { catalog: CamerasFile; selectedTile: string | undefined; canCommand: boolean; language: Language; pushCamera: (tileId: string, cameraId: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const mapDiv = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [state, setState] = useState<SessionState>({ kind: "waiting" });
  const placed = useMemo(() => catalog.cameras.filter((c): c is PlacedCamera => typeof c.lat === "number" && typeof c.lon === "number"), [catalog]);
  const view = useMemo(() => fitView(placed, size.width, size.height, 28), [placed, size]);

  useLayoutEffect(() => {
    const el = box.current!;
    const observer = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const session = useRef<MapSession>(undefined);
  const ready = size.width > 0 && size.height > 0;
  useEffect(() => {
    if (!ready) return;
    const s = new MapSession({ container: mapDiv.current!, style: basemapStyle(serviceBase(), "offline"), view, pixelRatio: window.devicePixelRatio, onState: setState });
    session.current = s;
    return () => {
      s.destroy();
      session.current = undefined;
    };
    // One map for the console's life; its view follows below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);
  useEffect(() => {
    session.current?.resize(window.devicePixelRatio);
    session.current?.setView(view);
  }, [view]);

  const pick = (cameraId: string) => {
    if (canCommand && selectedTile) pushCamera(selectedTile, cameraId);
  };
  return (
    <section className="console-map">
      <h2>{translate(language, "cameraMap")}</h2>
      <p className="hint">{translate(language, selectedTile ? "mapPickHint" : "mapSelectHint", { tile: selectedTile ?? "" })}</p>
      <div className="console-map-box" ref={box} data-map-state={state.kind}>
        <div className="console-map-gl" ref={mapDiv} />
        {ready &&
          placed.map((c) => {
            const [x, y] = screenPoint(view, size.width, size.height, c.lon, c.lat);
            return <Marker key={c.id} camera={c} x={x} y={y} canCommand={canCommand} pick={pick} />;
          })}
        {state.kind === "failed" && <div className="console-map-slate">{translate(language, "mapFailed")}</div>}
      </div>
    </section>
  );
}
