import { z } from "zod";
import { topicSchema } from "../feed-protocol.js";
import { localizedTextSchema } from "../localized-text.js";

/** What every data widget takes: the topic, and optionally how old its value may get before it is stale. */
const dataBase = {
  topic: topicSchema,
  maxAgeSeconds: z.number().min(1).max(7 * 86_400).optional(),
};
const decimals = z.number().int().min(0).max(4).optional();

export const kpiOptionsSchema = z.strictObject({
  ...dataBase,
  label: localizedTextSchema.optional(),
  decimals,
  /** Colour bands; without them the target (if the feed gives one) decides. */
  thresholds: z.strictObject({ warn: z.number(), bad: z.number() }).optional(),
  higherIsBetter: z.boolean().default(true),
  sparkline: z.boolean().default(true),
});

export const gaugeOptionsSchema = z.strictObject({
  ...dataBase,
  min: z.number().default(0),
  max: z.number().default(100),
  decimals,
  higherIsBetter: z.boolean().default(true),
});

/** The wall's meanings of colour: good, warning, bad, information, neutral (one colour each). */
export const toneSchema = z.enum(["ok", "warn", "bad", "info", "neutral"]);

export const barsOptionsSchema = z.strictObject({
  ...dataBase,
  style: z.enum(["bars", "donut"]).default("bars"),
  sort: z.enum(["desc", "asc", "none"]).default("desc"),
  limit: z.number().int().min(1).max(50).default(10),
  decimals,
  /** What each item means, by its key (a status: resolved is ok, overdue bad); else colour by target. */
  tones: z.record(z.string().max(120), toneSchema).optional(),
  /**
   * Items are coloured against a target: this one, or each item's own `target` from the feed (a
   * station's alarm level). Higher is better (a rate) or lower is (a limit: amber from 75 % of it).
   */
  target: z.number().optional(),
  higherIsBetter: z.boolean().default(true),
});

export const tableOptionsSchema = z.strictObject({
  ...dataBase,
  sort: z.enum(["desc", "asc", "none"]).default("desc"),
  limit: z.number().int().min(1).max(50).default(10),
  decimals,
  valueHeader: localizedTextSchema.optional(),
  /** Rows on the wrong side of this value are highlighted. */
  target: z.number().optional(),
  higherIsBetter: z.boolean().default(true),
});

export const eventsOptionsSchema = z.strictObject({
  ...dataBase,
  limit: z.number().int().min(1).max(50).default(6),
  showText: z.boolean().default(true),
});

export const statusOptionsSchema = z.strictObject({
  ...dataBase,
  columns: z.number().int().min(1).max(6).default(2),
});

export const chartOptionsSchema = z.strictObject({
  ...dataBase,
  decimals,
  area: z.boolean().default(false),
});

export type KpiOptions = z.output<typeof kpiOptionsSchema>;
export type GaugeOptions = z.output<typeof gaugeOptionsSchema>;
export type BarsOptions = z.output<typeof barsOptionsSchema>;
export type TableOptions = z.output<typeof tableOptionsSchema>;
export type EventsOptions = z.output<typeof eventsOptionsSchema>;
export type StatusOptions = z.output<typeof statusOptionsSchema>;
export type ChartOptions = z.output<typeof chartOptionsSchema>;
export type DataOptions = { topic: string; maxAgeSeconds?: number | undefined };
