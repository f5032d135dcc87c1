import { TextLayer } from "@deck.gl/layers";
import type { Feature, Point } from "geojson";
import type { PlaceProps } from "../basemap-data.js";
import { labelPriority, labelsAt } from "./text-style.js";

const sizeByKind: Record<PlaceProps["kind"], number> = { country: 34, sea: 30, islands: 24, river: 26, city: 26, district: 24 };

/** Place names of the built-in basemap shown at this zoom, in the map's label language. */
export function placesLayer(places: Feature<Point, PlaceProps>[], zoom: number, language: "vi" | "en"): TextLayer<Feature<Point, PlaceProps>> {
  const shown = places.filter((p) => p.properties.kind !== "district" && p.properties.minzoom <= zoom);
  return new TextLayer<Feature<Point, PlaceProps>>({
    ...labelsAt(labelPriority.place),
    id: "places",
    data: shown,
    getPosition: (p) => p.geometry.coordinates as [number, number],
    getText: (p) => (language === "en" ? p.properties.name_en : p.properties.name_vi),
    getSize: (p) => sizeByKind[p.properties.kind],
    getColor: (p) => (p.properties.kind === "sea" || p.properties.kind === "islands" || p.properties.kind === "river" ? [120, 170, 220, 255] : [200, 210, 222, 255]),
  });
}
