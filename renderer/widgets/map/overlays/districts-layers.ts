import type { Layer } from "@deck.gl/core";
import { GeoJsonLayer, TextLayer } from "@deck.gl/layers";
import type { Feature, MultiPolygon, Point } from "geojson";
import type { BreakdownValue } from "../../../../electron/common/feed-protocol.js";
import type { Language } from "../../../../electron/common/localized-text.js";
import { formatNumber } from "../../../ui/format.js";
import type { DistrictProps, PlaceProps } from "../basemap-data.js";
import { rampColor } from "./colors.js";
import { labelPriority, labelsAt } from "./text-style.js";

/** A district's value from a breakdown: matched by key (the district code) or by its name. */
export function districtValues(value: BreakdownValue | undefined): Map<string, number> {
  const values = new Map<string, number>();
  for (const item of value?.items ?? []) {
    values.set(item.key, item.value);
    values.set(item.label, item.value);
  }
  return values;
}

/** The choropleth's range: the lowest and highest value of the breakdown (the legend's ramp shows the same). */
export function choroplethRange(value: BreakdownValue | undefined): [min: number, max: number] | undefined {
  if (!value || value.items.length === 0) return undefined;
  const values = value.items.map((i) => i.value);
  return [Math.min(...values), Math.max(...values)];
}

function valueOf(p: DistrictProps | PlaceProps, values: Map<string, number>): number | undefined {
  const name = "name" in p ? p.name : p.name_vi;
  return (p.code !== undefined ? values.get(p.code) : undefined) ?? values.get(name);
}

/**
 * District boundaries, filled as a choropleth when a topic gives their values, and their names
 * (with the value) at the district seat.
 */
export function districtLayers(
  districts: Feature<MultiPolygon, DistrictProps>[],
  seats: Feature<Point, PlaceProps>[],
  o: { value: BreakdownValue | undefined; labels: boolean; language: Language },
): Layer[] {
  const values = districtValues(o.value);
  const [min, max] = choroplethRange(o.value) ?? [0, 0];
  const layers: Layer[] = [
    new GeoJsonLayer<DistrictProps>({
      id: "districts-fill",
      data: districts,
      filled: true,
      stroked: true,
      getFillColor: (f) => {
        const v = valueOf(f.properties, values);
        return v === undefined ? [40, 70, 100, o.value ? 60 : 28] : rampColor(v, min, max);
      },
      getLineColor: [120, 170, 220, 220],
      lineWidthUnits: "pixels",
      getLineWidth: 1.5,
      pickable: false,
      updateTriggers: { getFillColor: o.value },
    }),
  ];
  if (o.labels) {
    const districtSeats = seats.filter((s) => s.properties.kind === "district");
    layers.push(
      new TextLayer<Feature<Point, PlaceProps>>({
        ...labelsAt(labelPriority.district),
        id: "districts-labels",
        data: districtSeats,
        getPosition: (s) => s.geometry.coordinates as [number, number],
        getText: (s) => {
          const name = o.language === "en" ? s.properties.name_en : s.properties.name_vi;
          const v = valueOf(s.properties, values);
          return v === undefined ? name : `${name}\n${formatNumber(v, o.language)}${o.value?.unit ? ` ${o.value.unit}` : ""}`;
        },
        getSize: 24,
        lineHeight: 1.2,
        updateTriggers: { getText: [o.value, o.language] },
      }),
    );
  }
  return layers;
}
