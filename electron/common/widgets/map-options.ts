import { z } from "zod";
import { fetchAddressSchema } from "../web-address.js";

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-85).max(85);
const topic = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, "topic: <domain>.<metric>");
/** A tile or archive address: absolute http(s), or a path on the wall service itself. */
const tileUrl = fetchAddressSchema;
/** Which layer names the operator's vector tiles use. */
const tileSchemaName = z.enum(["protomaps", "openmaptiles"]);

/**
 * The basemap: the built-in offline one always lies beneath; an operator's own tiles draw over
 * it, so a tile that fails to load shows the built-in map, never a hole.
 */
export const basemapSchema = z.union([
  z.literal("offline"),
  z.strictObject({ type: z.literal("pmtiles"), url: tileUrl, schema: tileSchemaName.default("protomaps") }),
  z.strictObject({
    type: z.literal("vector"),
    tiles: z.array(tileUrl).min(1).max(4),
    schema: tileSchemaName.default("openmaptiles"),
    maxzoom: z.number().int().min(0).max(22).default(14),
  }),
  z.strictObject({
    type: z.literal("raster"),
    tiles: z.array(tileUrl).min(1).max(4),
    tileSize: z.union([z.literal(256), z.literal(512)]).default(256),
    maxzoom: z.number().int().min(0).max(22).default(18),
  }),
]);

export const mapOverlaySchema = z.discriminatedUnion("type", [
  /** The camera catalog's cameras that have a position, coloured by their live status. */
  z.strictObject({ type: z.literal("cameras"), labels: z.boolean().default(false) }),
  /** Citizen feedback events: coloured by status, a heatmap below `heatmapBelowZoom`, the newest pulsing. */
  z.strictObject({
    type: z.literal("feedback"),
    topic: topic.default("feedback.events"),
    heatmapBelowZoom: z.number().min(0).max(22).default(9),
    /** Events younger than this pulse. */
    pulseMinutes: z.number().min(0).max(1440).default(10),
  }),
  /** Measuring stations (a breakdown whose items carry lat/lon): value and threshold colour. */
  z.strictObject({
    type: z.literal("stations"),
    topic: topic.default("environment.salinity.stations"),
    /** At or above this the station is red; from 75% of it amber. Default: the item's `target`, else 4. */
    threshold: z.number().finite().optional(),
  }),
  /** District boundaries; with a topic (a breakdown by district), a choropleth of its values. */
  z.strictObject({ type: z.literal("districts"), topic: topic.optional(), labels: z.boolean().default(true) }),
]);

export const mapOptionsSchema = z.strictObject({
  /** [longitude, latitude] of the whole tile's centre. */
  center: z.tuple([longitude, latitude]).default([105.97, 9.6]),
  zoom: z.number().min(0).max(20).default(9),
  /**
   * Instead of center and zoom: the view that shows these bounds ([west, south, east, north]) whole
   * and as large as the tile allows, whatever its shape; "province" is the demo province.
   */
  fit: z.union([z.literal("province"), z.tuple([longitude, latitude, longitude, latitude])]).optional(),
  /** Degrees clockwise from north that the top of the tile faces. */
  bearing: z.number().min(-180).max(180).default(0),
  basemap: basemapSchema.default("offline"),
  overlays: z.array(mapOverlaySchema).max(8).default([{ type: "districts", labels: true }]),
  /** The language of place names on the map; Vietnamese unless the layout says otherwise. */
  labels: z.enum(["vi", "en"]).default("vi"),
});

export type MapOptions = z.output<typeof mapOptionsSchema>;
export type MapOverlay = z.output<typeof mapOverlaySchema>;
export type Basemap = z.output<typeof basemapSchema>;
