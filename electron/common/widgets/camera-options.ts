import { z } from "zod";

const cameraId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/**
 * Where the wall writes the camera's name and time over its picture: in the top right corner (the
 * one a camera's own on-screen display, time top left and name along the bottom, leaves free), in
 * the bottom right one, or not at all.
 */
const caption = z.enum(["top", "bottom", "off"]).default("top");

export const cameraOptionsSchema = z.strictObject({
  camera: cameraId,
  /**
   * contain: the whole picture at its own aspect, letterboxed (a panoramic camera over two
   * displays); cover: fill the tile, cropping the edges.
   */
  fit: z.enum(["contain", "cover"]).default("contain"),
  caption,
  /** auto: by the tile's size in device pixels; main or sub to force one. */
  stream: z.enum(["auto", "main", "sub"]).default("auto"),
  /** Seconds without a new frame before the tile says "Mất tín hiệu". */
  frameTimeoutSeconds: z.number().min(1).max(120).default(5),
});

export const cameraGridOptionsSchema = z
  .strictObject({
    cameras: z.array(cameraId).min(1).max(256).optional(),
    group: cameraId.optional(),
    columns: z.number().int().min(1).max(8).default(2),
    rows: z.number().int().min(1).max(8).default(2),
    /** Seconds each page stays when the list is longer than the grid. */
    dwellSeconds: z.number().min(3).max(3600).default(20),
    fit: z.enum(["contain", "cover"]).default("cover"),
    caption,
    stream: z.enum(["auto", "main", "sub"]).default("auto"),
    frameTimeoutSeconds: z.number().min(1).max(120).default(5),
  })
  .refine((o) => (o.cameras ? 1 : 0) + (o.group ? 1 : 0) === 1, "give either cameras (a list of ids) or group");

export type CameraOptions = z.output<typeof cameraOptionsSchema>;
export type CameraGridOptions = z.output<typeof cameraGridOptionsSchema>;
