import express from "express";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Logger } from "./log.js";
import { shiftTimestamps } from "./ts-timestamps.js";

/**
 * Serves the demo cameras (made by scripts/make-demo-streams.mjs) as live HLS: a sliding window
 * over each camera's looped segments, with media sequence, discontinuities at the loop and
 * program date-time, as a camera's media server would. Cameras can be made to misbehave.
 */

/** `black` and `frozen` send black pictures or one still picture, frames still arriving on time. */
export const cameraModes = ["normal", "dropout", "not-found", "black", "frozen"] as const;
export type CameraMode = (typeof cameraModes)[number];
export const cameraModeBodySchema = z.strictObject({ mode: z.enum(cameraModes) });

const manifestSchema = z.object({
  segmentSeconds: z.number().positive(),
  segments: z.number().int().positive(),
  renditions: z.array(z.object({ name: z.string() })),
  cameras: z.array(z.object({ id: z.string(), behaviour: z.string().optional() })),
});

const WINDOW = 6;
/** The dropout camera's own rhythm when nobody sets its mode: 15 s without pictures every 60 s. */
const CYCLE_MS = 60_000;
const CYCLE_DOWN_MS = 15_000;

export class DemoStreams {
  readonly router = express.Router();
  private readonly modes = new Map<string, CameraMode>();
  /** Where a camera's playlist froze when it dropped out. */
  private readonly frozenAt = new Map<string, number>();
  private readonly manifest: z.infer<typeof manifestSchema>;
  private readonly firstPass: number;

  private constructor(
    private readonly dir: string,
    manifest: unknown,
    private readonly now: () => number,
  ) {
    this.manifest = manifestSchema.parse(manifest);
    // Timestamps count from the pass this service started in, so they stay far from the 33-bit wrap.
    this.firstPass = Math.floor(this.liveSeq() / this.manifest.segments) - 1;
    this.router.get("/:camera/:rendition/index.m3u8", (req, res) => {
      const playlist = this.playlist(req.params.camera, req.params.rendition);
      if (!playlist) {
        res.status(404).type("text/plain").send("no such stream");
        return;
      }
      res.setHeader("Cache-Control", "no-cache");
      res.type("application/vnd.apple.mpegurl").send(playlist);
    });
    this.router.get("/:camera/:rendition/:seq.ts", (req, res) => {
      const { camera, rendition } = req.params;
      const seq = Number(req.params.seq);
      if (!this.exists(camera, rendition) || this.mode(camera) === "not-found" || !Number.isInteger(seq) || seq < 0) {
        res.status(404).end();
        return;
      }
      const { segments, segmentSeconds } = this.manifest;
      const mode = this.mode(camera);
      // The black and the frozen loops stand beside the cameras', shared by all (made with them).
      const source = mode === "black" ? "_black" : mode === "frozen" ? "_frozen" : camera;
      const file = path.join(this.dir, source, rendition, `seg${seq % segments}.ts`);
      fs.readFile(file, (err, data) => {
        if (err) {
          res.status(404).end();
          return;
        }
        // Each pass over the loop is shifted by the loop's length: one continuous timeline.
        const pass = Math.floor(seq / segments) - this.firstPass;
        res.setHeader("Cache-Control", "public, max-age=60");
        res.type("video/mp2t").send(shiftTimestamps(data, pass * segments * segmentSeconds * 90_000));
      });
    });
  }

  /** Undefined when the streams have not been made (no ffmpeg at setup): cameras then show their slate. */
  static open(dir: string, log: Logger, now: () => number = Date.now): DemoStreams | undefined {
    try {
      return new DemoStreams(dir, JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")), now);
    } catch {
      log("warn", "no demo camera streams; run `node scripts/make-demo-streams.mjs` (needs ffmpeg)", { dir });
      return undefined;
    }
  }

  cameraIds(): string[] {
    return this.manifest.cameras.map((c) => c.id);
  }

  setMode(camera: string, mode: CameraMode): boolean {
    if (!this.manifest.cameras.some((c) => c.id === camera)) return false;
    this.modes.set(camera, mode);
    if (mode === "dropout") this.frozenAt.set(camera, this.liveSeq());
    else this.frozenAt.delete(camera);
    return true;
  }

  mode(camera: string): CameraMode {
    const set = this.modes.get(camera);
    if (set) return set;
    const behaviour = this.manifest.cameras.find((c) => c.id === camera)?.behaviour;
    if (behaviour === "not-found") return "not-found";
    if (behaviour === "dropout" && this.now() % CYCLE_MS >= CYCLE_MS - CYCLE_DOWN_MS) return "dropout";
    return "normal";
  }

  private exists(camera: string, rendition: string): boolean {
    return this.manifest.cameras.some((c) => c.id === camera) && this.manifest.renditions.some((r) => r.name === rendition);
  }

  private liveSeq(): number {
    return Math.floor(this.now() / (this.manifest.segmentSeconds * 1000));
  }

  private playlist(camera: string, rendition: string): string | undefined {
    if (!this.exists(camera, rendition)) return undefined;
    const mode = this.mode(camera);
    if (mode === "not-found") return undefined;
    const { segmentSeconds } = this.manifest;
    let last = this.liveSeq();
    if (mode === "dropout") {
      // The camera's encoder stopped: the playlist stops growing (what a dead camera looks like),
      // frozen where it was set to drop out, or where its own cycle went down.
      const cycleDown = this.now() - (this.now() % CYCLE_MS) + CYCLE_MS - CYCLE_DOWN_MS;
      last = this.frozenAt.get(camera) ?? Math.floor(cycleDown / (segmentSeconds * 1000));
    }
    const first = last - WINDOW + 1;
    const lines = [
      "#EXTM3U",
      "#EXT-X-VERSION:3",
      `#EXT-X-TARGETDURATION:${Math.ceil(segmentSeconds)}`,
      `#EXT-X-MEDIA-SEQUENCE:${first}`,
    ];
    for (let seq = first; seq <= last; seq++) {
      lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(seq * segmentSeconds * 1000).toISOString()}`);
      lines.push(`#EXTINF:${segmentSeconds.toFixed(3)},`, `${seq}.ts`);
    }
    return lines.join("\n") + "\n";
  }
}
