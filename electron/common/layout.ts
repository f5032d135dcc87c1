import { z } from "zod";
import { zodErrors, type Checked, type FileError } from "./file-errors.js";
import { localizedTextSchema, type LocalizedText } from "./localized-text.js";
import { findWidgetKind, widgetKinds } from "./widgets/widget-kinds.js";

export const layoutIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "layout id: lower-case letters, digits, - or _, at most 64");

const tileSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "tile id: letters, digits, - or _, at most 64"),
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  w: z.number().int().min(1),
  h: z.number().int().min(1),
  widget: z.string().min(1),
  title: localizedTextSchema.optional(),
  options: z.record(z.string(), z.unknown()).default({}),
});

export const layoutFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: layoutIdSchema,
  title: localizedTextSchema,
  grid: z.strictObject({ columns: z.number().int().min(1).max(96), rows: z.number().int().min(1).max(96) }),
  tiles: z.array(tileSchema).max(256),
});

export interface Tile {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  widget: string;
  title?: LocalizedText;
  /** Options after the widget's schema: defaults filled in. */
  options: Record<string, unknown>;
}

export interface Layout {
  id: string;
  title: LocalizedText;
  grid: { columns: number; rows: number };
  tiles: Tile[];
}

export const LAYOUT_FILE_SUFFIX = ".layout.json";

function overlaps(a: Tile, b: Tile): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Validates a parsed layout file; `expectedId` comes from the file name. */
export function checkLayout(file: string, raw: unknown, expectedId: string): Checked<Layout> {
  const parsed = layoutFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  const data = parsed.data;
  const errors: FileError[] = [];
  if (data.id !== expectedId) {
    errors.push({ file, path: "$.id", message: `id "${data.id}" differs from the file name, which says "${expectedId}"` });
  }
  const tiles: Tile[] = [];
  const seen = new Map<string, number>();
  data.tiles.forEach((t, i) => {
    const at = `$.tiles[${i}]`;
    const first = seen.get(t.id);
    if (first !== undefined) errors.push({ file, path: `${at}.id`, message: `duplicate tile id "${t.id}" (first at $.tiles[${first}])` });
    else seen.set(t.id, i);
    if (t.x + t.w > data.grid.columns || t.y + t.h > data.grid.rows) {
      errors.push({
        file,
        path: at,
        message: `tile "${t.id}" (x ${t.x}, y ${t.y}, w ${t.w}, h ${t.h}) is off the ${data.grid.columns}×${data.grid.rows} grid`,
      });
    }
    const kind = findWidgetKind(t.widget);
    if (!kind) {
      errors.push({ file, path: `${at}.widget`, message: `unknown widget kind "${t.widget}" (known: ${Object.keys(widgetKinds).join(", ")})` });
      return;
    }
    const options = kind.optionsSchema.safeParse(t.options);
    if (!options.success) {
      errors.push(...zodErrors(file, options.error, ["tiles", i, "options"]));
      return;
    }
    tiles.push({ ...t, options: options.data as Record<string, unknown> });
  });
  data.tiles.forEach((a, i) => {
    for (let j = i + 1; j < data.tiles.length; j++) {
      const b = data.tiles[j]!;
      if (overlaps(a, b)) errors.push({ file, path: `$.tiles[${j}]`, message: `tile "${b.id}" overlaps tile "${a.id}" ($.tiles[${i}])` });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { id: data.id, title: data.title, grid: data.grid, tiles } };
}
