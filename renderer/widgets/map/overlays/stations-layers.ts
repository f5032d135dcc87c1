import type { Layer } from "@deck.gl/core";
import { ScatterplotLayer, TextLayer } from "@deck.gl/layers";
import type { BreakdownValue } from "../../../../electron/common/feed-protocol.js";
import type { Language } from "../../../../electron/common/localized-text.js";
import { formatNumber } from "../../../ui/format.js";
import { thresholdColor, tones } from "./colors.js";
import { labelPriority, labelsAt } from "./text-style.js";

export interface Station {
  key: string;
  label: string;
  value: number;
  lat: number;
  lon: number;
  target?: number;
}

/** Items of a breakdown that say where they are (`lat`, `lon`): measuring stations. */
export function placedStations(value: BreakdownValue): Station[] {
  const out: Station[] = [];
  for (const item of value.items) {
    const { lat, lon, target } = item as { lat?: unknown; lon?: unknown; target?: unknown };
    if (typeof lat !== "number" || typeof lon !== "number") continue;
    out.push({ key: item.key, label: item.label, value: item.value, lat, lon, ...(typeof target === "number" ? { target } : {}) });
  }
  return out;
}

const DEFAULT_THRESHOLD = 4;

/** Each station a dot in its threshold colour, with its name and value beside it when `labels`. */
export function stationLayers(
  stations: Station[],
  { unit, threshold, language, labels }: { unit: string | undefined; threshold: number | undefined; language: Language; labels: boolean },
): Layer[] {
  const limit = (s: Station) => threshold ?? s.target ?? DEFAULT_THRESHOLD;
  const position = (s: Station): [number, number] => [s.lon, s.lat];
  const dots = new ScatterplotLayer<Station>({
    id: "stations-dots",
    data: stations,
    getPosition: position,
    getFillColor: (s) => thresholdColor(s.value, limit(s)),
    getLineColor: tones.halo,
    stroked: true,
    lineWidthUnits: "pixels",
    getLineWidth: 2,
    radiusUnits: "pixels",
    getRadius: 11,
    updateTriggers: { getFillColor: threshold },
  });
  if (!labels) return [dots];
  return [
    dots,
    new TextLayer<Station>({
      ...labelsAt(labelPriority.station),
      id: "stations-labels",
      data: stations,
      getPosition: position,
      getText: (s) => `${s.label} ${formatNumber(s.value, language, 1)}${unit ?? ""}`,
      getSize: 24,
      getTextAnchor: "start",
      getAlignmentBaseline: "center",
      getPixelOffset: [16, 0],
      getColor: (s) => (s.value >= limit(s) ? tones.bad : tones.text),
      updateTriggers: { getText: language, getColor: threshold },
    }),
  ];
}
