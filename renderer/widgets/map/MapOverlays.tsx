import type { Layer } from "@deck.gl/core";
import type { Feature, MultiPolygon, Point } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { CAMERA_STATUS_TOPIC } from "../../../electron/common/cameras-file.js";
import type { BreakdownValue } from "../../../electron/common/feed-protocol.js";
import type { Language } from "../../../electron/common/localized-text.js";
import type { MapOverlay } from "../../../electron/common/widgets/map-options.js";
import { useNow } from "../../data/clock.js";
import { useTopic, valueOfKind } from "../../data/FeedProvider.js";
import { freshness, type Freshness } from "../../data/freshness.js";
import { useWallContext } from "../../wall/wall-context.js";
import type { DistrictProps, PlaceProps } from "./basemap-data.js";
import { cameraLayers } from "./overlays/cameras-layers.js";
import { districtLayers } from "./overlays/districts-layers.js";
import { feedbackLayers, placedEvents } from "./overlays/feedback-layers.js";
import { placedStations, stationLayers } from "./overlays/stations-layers.js";

export type ReportLayers = (index: number, layers: Layer[], status: Freshness) => void;

export interface Geography {
  districts: Feature<MultiPolygon, DistrictProps>[];
  places: Feature<Point, PlaceProps>[];
}

interface OverlayProps<T extends MapOverlay["type"]> {
  overlay: Extract<MapOverlay, { type: T }>;
  index: number;
  zoom: number;
  language: Language;
  /** The bundled font is loaded: text layers may build their glyph atlas. */
  fontsReady: boolean;
  geography: Geography | undefined;
  report: ReportLayers;
}

/** One overlay of a map: holds its topic, turns its data into deck.gl layers and reports them up. */
export function OverlayData(props: OverlayProps<MapOverlay["type"]>) {
  const { overlay } = props;
  switch (overlay.type) {
    case "cameras":
      return <CamerasOverlay {...props} overlay={overlay} />;
    case "feedback":
      return <FeedbackOverlay {...props} overlay={overlay} />;
    case "stations":
      return <StationsOverlay {...props} overlay={overlay} />;
    case "districts":
      return overlay.topic ? <ChoroplethOverlay {...props} overlay={overlay} topic={overlay.topic} /> : <DistrictsOverlay {...props} overlay={overlay} />;
  }
}

function useReport(report: ReportLayers, index: number, layers: Layer[], status: Freshness) {
  useEffect(() => report(index, layers, status), [report, index, layers, status]);
  useEffect(() => () => report(index, [], "ready"), [report, index]);
}

function useTopicFreshness(topic: string) {
  const entry = useTopic(topic);
  const now = useNow();
  return { update: entry?.update, status: freshness(entry?.update, now) };
}

function CamerasOverlay({ overlay, index, fontsReady, report }: OverlayProps<"cameras">) {
  const { cameras } = useWallContext();
  const { update, status } = useTopicFreshness(CAMERA_STATUS_TOPIC);
  const value = valueOfKind(update, "status");
  const layers = useMemo(() => cameraLayers(cameras.cameras, value, overlay.labels && fontsReady), [cameras, value, overlay.labels, fontsReady]);
  // Without a VMS on the feed the cameras still show, in grey: not a reason to call the map stale.
  useReport(report, index, layers, status === "stale" ? "stale" : "ready");
  return null;
}

const PULSE_PERIOD_MS = 1600;
const PULSE_FRAME_MS = 100;

function FeedbackOverlay({ overlay, index, zoom, report }: OverlayProps<"feedback">) {
  const { update, status } = useTopicFreshness(overlay.topic);
  const events = useMemo(() => placedEvents(valueOfKind(update, "events")?.items ?? []), [update]);
  const now = useNow();
  const pulsing = events.some((e) => now - e.ts < overlay.pulseMinutes * 60_000);
  const [phase, setPhase] = useState(0);
  useEffect(() => {
    if (!pulsing) return;
    const timer = setInterval(() => setPhase((Date.now() % PULSE_PERIOD_MS) / PULSE_PERIOD_MS), PULSE_FRAME_MS);
    return () => clearInterval(timer);
  }, [pulsing]);
  const layers = useMemo(
    () => feedbackLayers(events, { zoom, heatmapBelowZoom: overlay.heatmapBelowZoom, pulseMinutes: overlay.pulseMinutes, now, phase }),
    [events, zoom, overlay.heatmapBelowZoom, overlay.pulseMinutes, now, phase],
  );
  useReport(report, index, layers, status);
  return null;
}

function StationsOverlay({ overlay, index, language, fontsReady, report }: OverlayProps<"stations">) {
  const { update, status } = useTopicFreshness(overlay.topic);
  const value = valueOfKind(update, "breakdown");
  const layers = useMemo(
    () => (value ? stationLayers(placedStations(value), { unit: value.unit, threshold: overlay.threshold, language, labels: fontsReady }) : []),
    [value, overlay.threshold, language, fontsReady],
  );
  useReport(report, index, layers, status);
  return null;
}

function DistrictsOverlay(props: OverlayProps<"districts">) {
  useDistrictLayers(props, undefined, "ready");
  return null;
}

function ChoroplethOverlay({ topic, ...props }: OverlayProps<"districts"> & { topic: string }) {
  const { update, status } = useTopicFreshness(topic);
  useDistrictLayers(props, valueOfKind(update, "breakdown"), status);
  return null;
}

/** Boundaries (and, with a value, the choropleth) of the districts, reported up with the topic's status. */
function useDistrictLayers({ overlay, index, language, fontsReady, geography, report }: OverlayProps<"districts">, value: BreakdownValue | undefined, status: Freshness) {
  const layers = useMemo(
    () => (geography ? districtLayers(geography.districts, geography.places, { value, labels: overlay.labels && fontsReady, language }) : []),
    [geography, value, overlay.labels, fontsReady, language],
  );
  useReport(report, index, layers, status);
}
