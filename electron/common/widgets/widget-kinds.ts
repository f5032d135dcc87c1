import type { z } from "zod";
import type { LocalizedText } from "../localized-text.js";
import { cameraGridOptionsSchema, cameraOptionsSchema } from "./camera-options.js";
import { clockOptionsSchema } from "./clock-options.js";
import { mapOptionsSchema } from "./map-options.js";
import { barsOptionsSchema, chartOptionsSchema, eventsOptionsSchema, gaugeOptionsSchema, kpiOptionsSchema, statusOptionsSchema, tableOptionsSchema } from "./data-options.js";
import { textOptionsSchema } from "./text-options.js";

/**
 * The part of a widget kind that the service and the renderer share: the persisted id,
 * a name for people and the options schema (with its defaults). The renderer adds `load`.
 */
export interface WidgetKindSpec<S extends z.ZodType = z.ZodType> {
  id: string;
  name: LocalizedText;
  optionsSchema: S;
  /** Options that make a working tile (the required ones filled in): docs and the conformance test. */
  example: z.input<S>;
  /** Draws with WebGL: such tiles count against the wall's per-display budget of contexts. */
  webgl?: true;
  /**
   * How the widget meets a bezel that crosses its tile (see plan.ts, tile parts): a picture spans
   * it; a list flows its rows into each part (a chart, its time axis); anything else sits whole
   * inside the largest part.
   */
  bezels?: "span" | "flow";
}

function kind<S extends z.ZodType>(spec: WidgetKindSpec<S>): WidgetKindSpec<S> {
  return spec;
}

export const widgetKinds = {
  clock: kind({ id: "clock", name: { vi: "Đồng hồ", en: "Clock" }, optionsSchema: clockOptionsSchema, example: {} }),
  text: kind({ id: "text", name: { vi: "Văn bản", en: "Text" }, optionsSchema: textOptionsSchema, example: { body: { vi: "Sóc Trăng" } } }),
  kpi: kind({ id: "kpi", name: { vi: "Chỉ số", en: "KPI" }, optionsSchema: kpiOptionsSchema, example: { topic: "admin.dossiers.ontime_rate" } }),
  gauge: kind({ id: "gauge", name: { vi: "Đồng hồ đo", en: "Gauge" }, optionsSchema: gaugeOptionsSchema, example: { topic: "health.beds.occupancy" } }),
  bars: kind({ id: "bars", name: { vi: "Biểu đồ cột", en: "Bars" }, optionsSchema: barsOptionsSchema, example: { topic: "admin.dossiers.by_department" }, bezels: "flow" }),
  table: kind({ id: "table", name: { vi: "Bảng xếp hạng", en: "Ranked table" }, optionsSchema: tableOptionsSchema, example: { topic: "admin.dossiers.by_department" } , bezels: "flow" }),
  events: kind({ id: "events", name: { vi: "Sự kiện", en: "Events" }, optionsSchema: eventsOptionsSchema, example: { topic: "feedback.events" } , bezels: "flow" }),
  status: kind({ id: "status", name: { vi: "Trạng thái hệ thống", en: "System status" }, optionsSchema: statusOptionsSchema, example: { topic: "portal.systems.status" } , bezels: "flow" }),
  camera: kind({ id: "camera", name: { vi: "Camera", en: "Camera" }, optionsSchema: cameraOptionsSchema, example: { camera: "cam-01" } , bezels: "span" }),
  "camera-grid": kind({ id: "camera-grid", name: { vi: "Lưới camera", en: "Camera grid" }, optionsSchema: cameraGridOptionsSchema, example: { group: "trung-tam", columns: 2, rows: 2 } , bezels: "span" }),
  chart: kind({ id: "chart", name: { vi: "Biểu đồ đường", en: "Line chart" }, optionsSchema: chartOptionsSchema, example: { topic: "admin.dossiers.trend" }, bezels: "flow" }),
  map: kind({ id: "map", name: { vi: "Bản đồ", en: "Map" }, optionsSchema: mapOptionsSchema, example: {}, webgl: true , bezels: "span" }),
} as const;

export type WidgetKindId = keyof typeof widgetKinds;

export function findWidgetKind(id: string): WidgetKindSpec | undefined {
  return Object.hasOwn(widgetKinds, id) ? widgetKinds[id as WidgetKindId] : undefined;
}

export function widgetExample(id: WidgetKindId): unknown {
  return widgetKinds[id].optionsSchema.parse(widgetKinds[id].example);
}
