import { z } from "zod";
import { topicSchema } from "./feed-protocol.js";
import { zodErrors, type Checked, type FileError } from "./file-errors.js";
import { layoutIdSchema } from "./layout.js";
import { localizedTextSchema } from "./localized-text.js";

/**
 * layouts/alarms.json: rules on feed topics. An `events` topic raises on a new item whose fields
 * equal every `match` entry; a `number` topic on crossing `above`/`below` (and clears when back);
 * a `status` topic when an item goes down.
 */
export const alarmRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "id: a-z 0-9 _ -, at most 64"),
  title: localizedTextSchema.optional(),
  topic: topicSchema,
  match: z.record(z.string().max(64), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
  above: z.number().optional(),
  below: z.number().optional(),
  down: z.literal(true).optional(),
  priority: z.number().int().min(0).max(100),
  layout: layoutIdSchema,
  /** The wall returns by itself after this long, even unacknowledged. */
  revertAfterSeconds: z.number().min(5).max(24 * 3600).optional(),
});
export const alarmsFileSchema = z.strictObject({ $schema: z.string().optional(), rules: z.array(alarmRuleSchema).max(200) });

export type AlarmRule = z.output<typeof alarmRuleSchema>;
export type AlarmsFile = z.output<typeof alarmsFileSchema>;
export const ALARMS_FILE = "alarms.json";

/** One kind per rule, ids unique, layouts that exist. */
export function checkAlarms(file: string, raw: unknown, layoutIds: ReadonlySet<string>): Checked<AlarmsFile> {
  const parsed = alarmsFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  const errors: FileError[] = [];
  const ids = new Set<string>();
  parsed.data.rules.forEach((r, i) => {
    if (ids.has(r.id)) errors.push({ file, path: `$.rules[${i}].id`, message: `duplicate rule id "${r.id}"` });
    ids.add(r.id);
    const kinds = [r.match !== undefined, r.above !== undefined || r.below !== undefined, r.down === true].filter(Boolean).length;
    if (kinds !== 1) errors.push({ file, path: `$.rules[${i}]`, message: "exactly one of match (events), above/below (a number), down (a status)" });
    if (!layoutIds.has(r.layout)) errors.push({ file, path: `$.rules[${i}].layout`, message: `no valid layout "${r.layout}"` });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}
