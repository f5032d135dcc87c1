import { z } from "zod";
import { zodErrors, type Checked } from "./file-errors.js";
import { fetchAddressSchema, webOrigin } from "./web-address.js";

const cameraId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "camera id: letters, digits, - or _, at most 64");


export const streamSchema = z.strictObject({
  /** Absolute http(s), or a path on the wall service itself (the demo streams). */
  url: fetchAddressSchema,
  width: z.number().int().min(16).max(16384),
  height: z.number().int().min(16).max(16384),
});

export const camerasFileSchema = z.strictObject({
  $schema: z.string().optional(),
  cameras: z
    .array(
      z.strictObject({
        id: cameraId,
        name: z.string().min(1).max(200),
        district: z.string().max(120).optional(),
        lat: z.number().min(-90).max(90).optional(),
        lon: z.number().min(-180).max(180).optional(),
        /** The first is the main stream; the others are sub-streams, in any order. */
        streams: z.array(streamSchema).min(1).max(8),
      }),
    )
    .max(5000),
  groups: z
    .array(z.strictObject({ id: cameraId, name: z.string().min(1).max(200), cameras: z.array(cameraId).max(5000) }))
    .max(500)
    .default([]),
});

export type CamerasFile = z.output<typeof camerasFileSchema>;
export type Camera = CamerasFile["cameras"][number];
export type CameraStream = z.infer<typeof streamSchema>;

export const CAMERAS_FILE = "cameras.json";
/** The feed topic on which the VMS (or the demo) reports which cameras are up: a `status` value by camera id. */
export const CAMERA_STATUS_TOPIC = "cameras.status";
export const emptyCatalog: CamerasFile = { cameras: [], groups: [] };

export function checkCameras(file: string, raw: unknown): Checked<CamerasFile> {
  const parsed = camerasFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  const errors = [];
  const ids = new Set<string>();
  for (const [i, c] of parsed.data.cameras.entries()) {
    if (ids.has(c.id)) errors.push({ file, path: `$.cameras[${i}].id`, message: `duplicate camera id "${c.id}"` });
    ids.add(c.id);
  }
  const groupIds = new Set<string>();
  for (const [i, g] of parsed.data.groups.entries()) {
    if (groupIds.has(g.id)) errors.push({ file, path: `$.groups[${i}].id`, message: `duplicate group id "${g.id}"` });
    groupIds.add(g.id);
    for (const [j, c] of g.cameras.entries()) {
      if (!ids.has(c)) errors.push({ file, path: `$.groups[${i}].cameras[${j}]`, message: `group "${g.id}" names camera "${c}", which is not in the catalog` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

/**
 * The stream for a tile of `width × height` device pixels: the smallest whose resolution covers
 * the tile, else the largest there is. `prefer` forces the main (first) or the smallest stream.
 */
export function chooseStream(camera: Camera, width: number, height: number, prefer: "auto" | "main" | "sub" = "auto"): CameraStream {
  const main = camera.streams[0]!;
  const bySize = [...camera.streams].sort((a, b) => a.width * a.height - b.width * b.height);
  if (prefer === "main") return main;
  if (prefer === "sub") return bySize[0]!;
  return bySize.find((s) => s.width >= width && s.height >= height) ?? bySize.at(-1)!;
}

/** Origins of the catalog's streams on other hosts: the CSP lets pages fetch from them. */
export function cameraOrigins(catalog: CamerasFile): string[] {
  const origins = new Set<string>();
  for (const c of catalog.cameras) for (const s of c.streams) {
    const origin = webOrigin(s.url);
    if (origin) origins.add(origin);
  }
  return [...origins];
}
