import type { Layer } from "@deck.gl/core";
import { ScatterplotLayer, TextLayer } from "@deck.gl/layers";
import type { Camera } from "../../../../electron/common/cameras-file.js";
import type { StatusValue } from "../../../../electron/common/feed-protocol.js";
import { tones, type Rgba } from "./colors.js";
import { labelPriority, labelsAt } from "./text-style.js";

type PlacedCamera = Camera & { lat: number; lon: number };

/** Cameras of the catalog that have a position, coloured by the VMS's word on them (topic cameras.status). */
export function cameraLayers(cameras: readonly Camera[], status: StatusValue | undefined, labels: boolean): Layer[] {
  const placed = cameras.filter((c): c is PlacedCamera => typeof c.lat === "number" && typeof c.lon === "number");
  const up = new Map(status?.items.map((i) => [i.id, i.up]) ?? []);
  const color = (c: PlacedCamera): Rgba => {
    const s = up.get(c.id);
    return s === undefined ? tones.muted : s ? tones.good : tones.bad;
  };
  const position = (c: PlacedCamera): [number, number] => [c.lon, c.lat];
  const layers: Layer[] = [
    new ScatterplotLayer<PlacedCamera>({
      id: "cameras-dots",
      data: placed,
      getPosition: position,
      getFillColor: color,
      getLineColor: [255, 255, 255, 230],
      stroked: true,
      lineWidthUnits: "pixels",
      getLineWidth: 2,
      radiusUnits: "pixels",
      getRadius: 7,
      updateTriggers: { getFillColor: status },
    }),
  ];
  if (labels) {
    layers.push(
      new TextLayer<PlacedCamera>({
        ...labelsAt(labelPriority.camera),
        id: "cameras-labels",
        data: placed,
        getPosition: position,
        getText: (c) => c.name,
        getSize: 24,
        getTextAnchor: "start",
        getPixelOffset: [12, 0],
      }),
    );
  }
  return layers;
}
