import { z } from "zod";

/**
 * Feed protocol v1 (backend → wall; docs/feed-protocol.md). Objects are loose: a newer backend may
 * add fields and an older wall ignores them. A value of an unknown `kind` fails its schema and is
 * dropped and counted, never passed on.
 */
export const FEED_PROTOCOL_VERSION = 1;

/** The largest `update` a wall accepts, as JSON text. */
export const MAX_FEED_MESSAGE_BYTES = 64 * 1024;
export const MAX_EVENTS = 200;
export const MAX_SERIES_POINTS = 5000;

export const topicSchema = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, "topic: <domain>.<metric>, lower-case words joined by dots");

const finite = z.number().finite();
const text = (max: number) => z.string().max(max);

export const numberValueSchema = z.looseObject({
  kind: z.literal("number"),
  value: finite,
  unit: text(32).optional(),
  target: finite.optional(),
  previous: finite.optional(),
});

export const seriesValueSchema = z.looseObject({
  kind: z.literal("series"),
  unit: text(32).optional(),
  series: z
    .array(z.looseObject({ name: text(120), points: z.array(z.tuple([finite, finite])).max(MAX_SERIES_POINTS) }))
    .max(16),
});

export const breakdownValueSchema = z.looseObject({
  kind: z.literal("breakdown"),
  unit: text(32).optional(),
  items: z.array(z.looseObject({ key: text(120), label: text(200), value: finite })).max(500),
});

export const eventItemSchema = z.looseObject({
  id: text(120),
  ts: finite,
  title: text(500),
  text: text(4000).optional(),
  district: text(120).optional(),
  category: text(120).optional(),
  status: text(60).optional(),
  priority: text(60).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});

export const eventsValueSchema = z.looseObject({ kind: z.literal("events"), items: z.array(eventItemSchema).max(MAX_EVENTS) });

export const statusValueSchema = z.looseObject({
  kind: z.literal("status"),
  items: z.array(z.looseObject({ id: text(120), label: text(200), up: z.boolean(), since: finite.optional() })).max(500),
});

export const feedValueSchema = z.discriminatedUnion("kind", [numberValueSchema, seriesValueSchema, breakdownValueSchema, eventsValueSchema, statusValueSchema]);

export const feedUpdateSchema = z.looseObject({
  topic: topicSchema,
  seq: z.number().int().min(0),
  ts: finite,
  value: feedValueSchema,
  /** Extension: the source behind this topic failed; the value is the last good one. */
  stale: z.boolean().optional(),
});

export const subscribeSchema = z.looseObject({ topics: z.array(topicSchema).max(1000) });

export type FeedValue = z.infer<typeof feedValueSchema>;
export type FeedValueKind = FeedValue["kind"];
export type FeedUpdate = z.infer<typeof feedUpdateSchema>;
export type NumberValue = z.infer<typeof numberValueSchema>;
export type SeriesValue = z.infer<typeof seriesValueSchema>;
export type BreakdownValue = z.infer<typeof breakdownValueSchema>;
export type EventsValue = z.infer<typeof eventsValueSchema>;
export type EventItem = z.infer<typeof eventItemSchema>;
export type StatusValue = z.infer<typeof statusValueSchema>;

/** Event names of the feed namespace. */
/** `source` (service → display, on connect): `{simulated}`, whether the built-in simulator makes the figures. */
export const feedEvents = { subscribe: "subscribe", unsubscribe: "unsubscribe", update: "update", source: "source" } as const;

/** How long a value stays fresh when a tile does not say otherwise, by shape (seconds). */
export const defaultMaxAgeSeconds: Record<FeedValueKind, number> = {
  number: 120,
  series: 300,
  breakdown: 300,
  events: 600,
  status: 120,
};

/**
 * Parses one raw `update` payload: too large, malformed or unknown-kind messages come back as a
 * reason instead of a value.
 */
export function parseFeedUpdate(raw: unknown): { ok: true; update: FeedUpdate } | { ok: false; reason: "too-large" | "malformed" } {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (size > MAX_FEED_MESSAGE_BYTES) return { ok: false, reason: "too-large" };
  const parsed = feedUpdateSchema.safeParse(raw);
  return parsed.success ? { ok: true, update: parsed.data } : { ok: false, reason: "malformed" };
}
