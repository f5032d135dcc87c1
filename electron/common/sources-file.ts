import { z } from "zod";
import { zodErrors, type Checked } from "./file-errors.js";
import { topicSchema } from "./feed-protocol.js";

const pointer = z.string().regex(/^(\/.*)?$/, "a JSON pointer: empty, or starting with /");

const topicMapping = z.discriminatedUnion("kind", [
  z.strictObject({ topic: topicSchema, kind: z.literal("number"), pointer, unit: z.string().max(32).optional(), target: z.number().optional(), targetPointer: pointer.optional() }),
  z.strictObject({
    topic: topicSchema,
    kind: z.literal("breakdown"),
    pointer,
    unit: z.string().max(32).optional(),
    keyField: z.string().default("key"),
    labelField: z.string().default("label"),
    valueField: z.string().default("value"),
  }),
  z.strictObject({
    topic: topicSchema,
    kind: z.literal("status"),
    pointer,
    idField: z.string().default("id"),
    labelField: z.string().default("label"),
    upField: z.string().default("up"),
  }),
  /** The pointer names an object that already is a feed value ({kind: …}). */
  z.strictObject({ topic: topicSchema, kind: z.literal("value"), pointer }),
]);

export const sourcesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  sources: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
        url: z.url({ protocol: /^https?$/ }),
        intervalSeconds: z.number().min(1).max(86_400).default(30),
        timeoutSeconds: z.number().min(1).max(120).default(10),
        headers: z.record(z.string(), z.string()).default({}),
        topics: z.array(topicMapping).min(1).max(200),
      }),
    )
    .max(100),
});

export type SourcesFile = z.output<typeof sourcesFileSchema>;
export type HttpSourceConfig = SourcesFile["sources"][number];
export type TopicMapping = HttpSourceConfig["topics"][number];

export const SOURCES_FILE = "sources.json";

export function checkSources(file: string, raw: unknown): Checked<SourcesFile> {
  const parsed = sourcesFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  const seen = new Set<string>();
  for (const [i, s] of parsed.data.sources.entries()) {
    if (seen.has(s.id)) return { ok: false, errors: [{ file, path: `$.sources[${i}].id`, message: `duplicate source id "${s.id}"` }] };
    seen.add(s.id);
  }
  return { ok: true, value: parsed.data };
}
