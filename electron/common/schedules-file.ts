import { Cron } from "croner";
import { z } from "zod";
import { zodErrors, type Checked, type FileError } from "./file-errors.js";
import { layoutIdSchema } from "./layout.js";
import { localizedTextSchema } from "./localized-text.js";

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "id: a-z 0-9 _ -, at most 64");

/** Exactly one of playlist, layout, briefing: what a rule (or the default) puts on the wall. */
const target = {
  playlist: id.optional(),
  layout: layoutIdSchema.optional(),
  briefing: id.optional(),
};

export const schedulesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  timeZone: z.string().default("Asia/Ho_Chi_Minh"),
  /** How long a manual switch from the console holds the wall before the clock decides again. */
  manualHoldMinutes: z.number().min(0).max(24 * 60).default(30),
  playlists: z
    .array(z.strictObject({ id, title: localizedTextSchema, items: z.array(z.strictObject({ layoutId: layoutIdSchema, seconds: z.number().min(2).max(24 * 3600) })).min(1).max(200) }))
    .max(100)
    .default([]),
  briefings: z
    .array(z.strictObject({ id, title: localizedTextSchema, slides: z.array(layoutIdSchema).min(1).max(200), showPosition: z.boolean().default(false) }))
    .max(100)
    .default([]),
  rules: z
    .array(z.strictObject({ id, cron: z.string().max(200), minutes: z.number().min(1).max(7 * 24 * 60), ...target }))
    .max(200)
    .default([]),
  default: z.strictObject({ playlist: target.playlist, layout: target.layout }).optional(),
  /**
   * The wall's power through the day: at each cron time the wall goes to that state (`off`: black,
   * cameras stopped; `dim`: darkened) and stays until the next. No entry: always on.
   */
  power: z
    .array(z.strictObject({ cron: z.string().max(200), state: z.enum(["on", "dim", "off"]) }))
    .max(50)
    .default([]),
});

export type SchedulesFile = z.output<typeof schedulesFileSchema>;
export type ScheduleRule = SchedulesFile["rules"][number];
export const SCHEDULES_FILE = "schedules.json";

/** A five-field cron expression in the schedule's time zone; croner reads it, once, here. */
export function parseCron(expr: string, timeZone: string): Cron {
  if (expr.trim().split(/\s+/).length !== 5) throw new Error("five fields: minute hour day-of-month month day-of-week");
  return new Cron(expr, { timezone: timeZone, mode: "5-part", paused: true });
}

/**
 * The file's own rules beyond its schema: a known time zone, cron expressions that parse, ids
 * that are unique and refer to what exists — the playlists and briefings of this file, and the
 * layouts the service holds (`layoutIds`).
 */
export function checkSchedules(file: string, raw: unknown, layoutIds: ReadonlySet<string>): Checked<SchedulesFile> {
  const parsed = schedulesFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  const s = parsed.data;
  const errors: FileError[] = [];
  const err = (path: string, message: string) => errors.push({ file, path, message });
  try {
    new Intl.DateTimeFormat("en", { timeZone: s.timeZone });
  } catch {
    err("$.timeZone", `unknown time zone "${s.timeZone}" (an IANA name such as Asia/Ho_Chi_Minh)`);
  }
  const layout = (path: string, layoutId: string) => layoutIds.has(layoutId) || err(path, `no valid layout "${layoutId}"`);
  const playlists = new Set<string>();
  s.playlists.forEach((p, i) => {
    if (playlists.has(p.id)) err(`$.playlists[${i}].id`, `duplicate playlist id "${p.id}"`);
    playlists.add(p.id);
    p.items.forEach((item, j) => layout(`$.playlists[${i}].items[${j}].layoutId`, item.layoutId));
  });
  const briefings = new Set<string>();
  s.briefings.forEach((b, i) => {
    if (briefings.has(b.id)) err(`$.briefings[${i}].id`, `duplicate briefing id "${b.id}"`);
    briefings.add(b.id);
    b.slides.forEach((slide, j) => layout(`$.briefings[${i}].slides[${j}]`, slide));
  });
  const targetErrors = (path: string, t: { playlist?: string | undefined; layout?: string | undefined; briefing?: string | undefined }, kinds: string) => {
    const set = [t.playlist, t.layout, t.briefing].filter((x) => x !== undefined).length;
    if (set !== 1) return err(path, `exactly one of ${kinds}`);
    if (t.playlist !== undefined && !playlists.has(t.playlist)) err(`${path}.playlist`, `no playlist "${t.playlist}" in this file`);
    if (t.briefing !== undefined && !briefings.has(t.briefing)) err(`${path}.briefing`, `no briefing "${t.briefing}" in this file`);
    if (t.layout !== undefined) layout(`${path}.layout`, t.layout);
  };
  const rules = new Set<string>();
  s.rules.forEach((r, i) => {
    if (rules.has(r.id)) err(`$.rules[${i}].id`, `duplicate rule id "${r.id}"`);
    rules.add(r.id);
    try {
      parseCron(r.cron, s.timeZone);
    } catch (e) {
      err(`$.rules[${i}].cron`, `not a cron expression: ${(e as Error).message}`);
    }
    targetErrors(`$.rules[${i}]`, r, "playlist, layout, briefing");
  });
  if (s.default) targetErrors("$.default", s.default, "playlist, layout");
  s.power.forEach((p, i) => {
    try {
      parseCron(p.cron, s.timeZone);
    } catch (e) {
      err(`$.power[${i}].cron`, `not a cron expression: ${(e as Error).message}`);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: s };
}
