import type { FeatureCollection, Point, MultiPolygon } from "geojson";
import { serviceAddress } from "../../data/service-address.js";

/** Label points of the built-in basemap (dist/basemap/places.geojson). */
export interface PlaceProps {
  kind: "country" | "sea" | "islands" | "river" | "city" | "district";
  name_vi: string;
  name_en: string;
  minzoom: number;
  code?: string;
}

/** The demo districts (simplified geometry): `name` is how the feed names the district. */
export interface DistrictProps {
  code: string;
  name: string;
  name_en: string;
}

const cache = new Map<string, Promise<unknown>>();

/** Fetched once per window and shared by every map on it; a failed fetch is tried again next time. */
function load<T>(name: string): Promise<T> {
  let p = cache.get(name);
  if (!p) {
    p = fetch(serviceAddress(`/basemap/${name}.geojson`)).then((r) => {
      if (!r.ok) throw new Error(`/basemap/${name}.geojson: HTTP ${r.status}`);
      return r.json();
    });
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p as Promise<T>;
}

export const loadPlaces = () => load<FeatureCollection<Point, PlaceProps>>("places");
export const loadDistricts = () => load<FeatureCollection<MultiPolygon, DistrictProps>>("districts");
