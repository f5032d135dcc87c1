import type { z } from "zod";
import type { LocalizedText } from "../localized-text.js";
import { clockOptionsSchema } from "./clock-options.js";
import { textOptionsSchema } from "./text-options.js";

/**
 * The part of a widget kind that the service and the renderer share: the persisted id,
 * a name for people and the options schema (with its defaults). The renderer adds `load`.
 */
export interface WidgetKindSpec<S extends z.ZodType = z.ZodType> {
  id: string;
  name: LocalizedText;
  optionsSchema: S;
}

function kind<S extends z.ZodType>(spec: WidgetKindSpec<S>): WidgetKindSpec<S> {
  return spec;
}

export const widgetKinds = {
  clock: kind({ id: "clock", name: { vi: "Đồng hồ", en: "Clock" }, optionsSchema: clockOptionsSchema }),
  text: kind({ id: "text", name: { vi: "Văn bản", en: "Text" }, optionsSchema: textOptionsSchema }),
} as const;

export type WidgetKindId = keyof typeof widgetKinds;

export function findWidgetKind(id: string): WidgetKindSpec | undefined {
  return Object.hasOwn(widgetKinds, id) ? widgetKinds[id as WidgetKindId] : undefined;
}

export function widgetDefaults(id: WidgetKindId): unknown {
  return widgetKinds[id].optionsSchema.parse({});
}
