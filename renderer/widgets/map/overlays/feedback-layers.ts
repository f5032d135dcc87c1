import { HeatmapLayer } from "@deck.gl/aggregation-layers";
import type { Layer } from "@deck.gl/core";
import { ScatterplotLayer } from "@deck.gl/layers";
import type { EventItem } from "../../../../electron/common/feed-protocol.js";
import { feedbackColor, tones } from "./colors.js";

const DENSE_POINTS = 2000;

export type PlacedEvent = EventItem & { lat: number; lon: number };

export function placedEvents(items: readonly EventItem[]): PlacedEvent[] {
  return items.filter((e): e is PlacedEvent => typeof e.lat === "number" && typeof e.lon === "number");
}

export interface FeedbackView {
  zoom: number;
  heatmapBelowZoom: number;
  pulseMinutes: number;
  now: number;
  /** 0..1, where the pulse ring is in its cycle. */
  phase: number;
}

/**
 * Citizen feedback: below `heatmapBelowZoom` a heatmap (many reports read as hot spots), above
 * it one dot per report coloured by status; the newest reports pulse at any zoom.
 */
export function feedbackLayers(events: PlacedEvent[], v: FeedbackView): Layer[] {
  const position = (e: PlacedEvent): [number, number] => [e.lon, e.lat];
  const newest = events.filter((e) => v.now - e.ts < v.pulseMinutes * 60_000);
  const layers: Layer[] = [];
  // Past a few thousand reports a dot each is a texture, not information: smaller dots without
  // their halo cost a quarter of the fragments (see the map benchmark).
  const dense = events.length > DENSE_POINTS;
  if (v.zoom < v.heatmapBelowZoom) {
    layers.push(new HeatmapLayer<PlacedEvent>({ id: "feedback-heat", data: events, getPosition: position, getWeight: 1, radiusPixels: 50, intensity: 1.2, threshold: 0.05 }));
  } else {
    layers.push(
      new ScatterplotLayer<PlacedEvent>({
        id: "feedback-points",
        data: events,
        getPosition: position,
        getFillColor: (e) => feedbackColor(e.status),
        getLineColor: tones.halo,
        stroked: !dense,
        lineWidthUnits: "pixels",
        getLineWidth: 2,
        radiusUnits: "pixels",
        getRadius: dense ? 4 : 8,
      }),
    );
  }
  layers.push(
    new ScatterplotLayer<PlacedEvent>({
      id: "feedback-pulse",
      data: newest,
      getPosition: position,
      filled: false,
      stroked: true,
      lineWidthUnits: "pixels",
      getLineWidth: 3,
      radiusUnits: "pixels",
      getRadius: 10 + 26 * v.phase,
      getLineColor: (e) => [...feedbackColor(e.status).slice(0, 3), Math.round(255 * (1 - v.phase))] as [number, number, number, number],
      updateTriggers: { getLineColor: v.phase },
    }),
  );
  return layers;
}
