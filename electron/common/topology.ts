import { z } from "zod";
import { zodErrors, type Checked, type FileError } from "./file-errors.js";

export const DEFAULT_WEBGL_PER_DISPLAY = 4;

const displayIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "display id: letters, digits, - or _, at most 32");

export const wallFileSchema = z.strictObject({
  columns: z.number().int().min(1).max(16),
  rows: z.number().int().min(1).max(16),
  display: z.strictObject({
    width: z.number().int().min(320).max(16384),
    height: z.number().int().min(240).max(16384),
  }),
  bezel: z.strictObject({ x: z.number().int().min(0).max(1000), y: z.number().int().min(0).max(1000) }).default({ x: 0, y: 0 }),
  displays: z
    .array(
      z.strictObject({
        id: displayIdSchema,
        col: z.number().int().min(0),
        row: z.number().int().min(0),
        /**
         * Which controller output drives this display (see docs/formats.md, "Output mapping"): its
         * identity (the output's id or its monitor's name, as the controller's log lists them), or
         * its position in reading order.
         */
        output: z.union([z.number().int().min(0), z.string().min(1).max(120)]).optional(),
      }),
    )
    .optional(),
  /** The layout shown on first start, before anyone has switched. */
  startLayout: z.string().optional(),
  /**
   * WebGL contexts (map tiles) one display window may hold. Browsers cap contexts per process
   * (Chromium: 16) and drop the oldest beyond it; each map also costs GPU memory.
   */
  webglPerDisplay: z.number().int().min(1).max(8).default(DEFAULT_WEBGL_PER_DISPLAY),
});
export type WallFile = z.input<typeof wallFileSchema>;

export interface WallDisplay {
  id: string;
  col: number;
  row: number;
  output?: number | string;
}

/** The wall after validation: every display present, canvas size derived. */
export interface WallTopology {
  columns: number;
  rows: number;
  display: { width: number; height: number };
  bezel: { x: number; y: number };
  displays: WallDisplay[];
  canvas: { width: number; height: number };
  startLayout?: string;
  webglPerDisplay: number;
}

export function checkTopology(file: string, raw: unknown): Checked<WallTopology> {
  const parsed = wallFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  const w = parsed.data;
  const errors: FileError[] = [];
  const displays: WallDisplay[] =
    w.displays ??
    Array.from({ length: w.columns * w.rows }, (_, i) => ({
      id: `D${i + 1}`,
      col: i % w.columns,
      row: Math.floor(i / w.columns),
    }));
  const ids = new Set<string>();
  const cells = new Set<string>();
  displays.forEach((d, i) => {
    if (ids.has(d.id)) errors.push({ file, path: `$.displays[${i}].id`, message: `duplicate display id "${d.id}"` });
    ids.add(d.id);
    if (d.col >= w.columns || d.row >= w.rows) {
      errors.push({ file, path: `$.displays[${i}]`, message: `display "${d.id}" at col ${d.col}, row ${d.row} is outside the ${w.columns}×${w.rows} wall` });
    }
    const cell = `${d.col},${d.row}`;
    if (cells.has(cell)) errors.push({ file, path: `$.displays[${i}]`, message: `two displays at col ${d.col}, row ${d.row}` });
    cells.add(cell);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      columns: w.columns,
      rows: w.rows,
      display: w.display,
      bezel: w.bezel,
      displays,
      ...(w.startLayout ? { startLayout: w.startLayout } : {}),
      webglPerDisplay: w.webglPerDisplay,
      canvas: {
        width: w.columns * w.display.width + (w.columns - 1) * w.bezel.x,
        height: w.rows * w.display.height + (w.rows - 1) * w.bezel.y,
      },
    },
  };
}
