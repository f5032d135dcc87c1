import type { ComponentType } from "react";
import { widgetKinds, type WidgetKindId, type WidgetKindSpec } from "../../electron/common/widgets/widget-kinds.js";
import type { WidgetProps } from "./widget-props.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind narrows its own options
type AnyWidget = ComponentType<WidgetProps<any>>;

export interface WidgetRegistration extends WidgetKindSpec {
  /** Loaded on first use so a display only downloads the widgets it shows. */
  load: () => Promise<{ default: AnyWidget }>;
}

const loaders: Record<WidgetKindId, WidgetRegistration["load"]> = {
  clock: () => import("./clock/ClockWidget.js"),
  text: () => import("./text/TextWidget.js"),
  kpi: () => import("./kpi/KpiWidget.js"),
  gauge: () => import("./gauge/GaugeWidget.js"),
  bars: () => import("./bars/BarsWidget.js"),
  table: () => import("./table/TableWidget.js"),
  events: () => import("./events/EventsWidget.js"),
  status: () => import("./status/StatusWidget.js"),
  chart: () => import("./chart/ChartWidget.js"),
  camera: () => import("./camera/CameraWidget.js"),
  "camera-grid": () => import("./camera-grid/CameraGridWidget.js"),
  map: () => import("./map/MapWidget.js"),
};

export const widgetRegistry = Object.fromEntries(
  (Object.keys(widgetKinds) as WidgetKindId[]).map((id): [WidgetKindId, WidgetRegistration] => [id, { ...widgetKinds[id], load: loaders[id] }]),
) as Record<WidgetKindId, WidgetRegistration>;

/**
 * Every widget's code, loaded now: a display that may move to another instance of the wall (its
 * own gone, with the code it has not loaded yet) can still show any layout.
 */
export async function loadAllWidgets(): Promise<void> {
  const results = await Promise.allSettled(Object.values(loaders).map((load) => load()));
  widgetsLoaded = results.every((r) => r.status === "fulfilled");
}

let widgetsLoaded = false;
/** Whether every widget's code is in (iocWallDebug.widgetsLoaded). */
export const allWidgetsLoaded = (): boolean => widgetsLoaded;

export function findWidget(id: string): WidgetRegistration | undefined {
  return Object.hasOwn(widgetRegistry, id) ? widgetRegistry[id as WidgetKindId] : undefined;
}
