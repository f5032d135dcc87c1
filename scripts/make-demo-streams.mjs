// Makes the demo cameras' HLS (a 20 s loop per camera and rendition; the service serves them as a
// live sliding window) with ffmpeg from Debian: test patterns with the camera's name burnt in.
// Idempotent: does nothing when the streams of this version are already there.
// Usage: node scripts/make-demo-streams.mjs [outDir]
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const VERSION = 6;
const out = path.resolve(process.argv[2] ?? process.env.WALL_STREAMS_DIR ?? ".demo-streams");
const SEGMENT_SECONDS = 2;
const SEGMENTS = 10;
const FPS = 25;
const renditions = [
  { name: "720p", width: 1280, height: 720, bitrate: "1500k" },
  { name: "360p", width: 640, height: 360, bitrate: "500k" },
];
const cameras = JSON.parse(fs.readFileSync(new URL("./demo-cameras.json", import.meta.url), "utf8"));
const font = ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"].find((f) => fs.existsSync(f));

export function demoStreamsReady(dir = out) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")).version === VERSION;
  } catch {
    return false;
  }
}

function escapeText(t) {
  return t.replace(/\\/g, "\\\\").replace(/'/g, "’").replace(/:/g, "\\:").replace(/%/g, "\\%");
}

/** Segments of the loop's length and timing from any lavfi source, into `<out>/<name>/<rendition>`. */
function encodeLoop(name, r, source, filters, rate) {
  const dir = path.join(out, name, r.name);
  fs.mkdirSync(dir, { recursive: true });
  const args = [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", source,
    "-t", String(SEGMENT_SECONDS * SEGMENTS),
    ...(filters.length ? ["-vf", filters.join(",")] : []),
    "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-profile:v", "main", "-pix_fmt", "yuv420p",
    ...rate,
    "-g", String(FPS * SEGMENT_SECONDS), "-keyint_min", String(FPS * SEGMENT_SECONDS), "-sc_threshold", "0",
    "-f", "hls", "-hls_time", String(SEGMENT_SECONDS), "-hls_list_size", "0", "-hls_segment_filename", path.join(dir, "seg%d.ts"),
    path.join(dir, "vod.m3u8"),
  ];
  execFileSync("ffmpeg", args, { stdio: ["ignore", "inherit", "inherit"] });
}

/**
 * What a failing camera sends while its frames still arrive on time: black pictures, and one test
 * picture over and over (constant quantiser, so every decoded frame is the same to the byte).
 */
function encodeFailures(r) {
  encodeLoop("_black", r, `color=c=black:size=${r.width}x${r.height}:rate=${FPS}`, [], ["-b:v", r.bitrate, "-maxrate", r.bitrate, "-bufsize", r.bitrate]);
  encodeLoop("_frozen", r, `testsrc2=size=${r.width}x${r.height}:rate=${FPS}`, ["loop=loop=-1:size=1:start=0"], ["-qp", "23"]);
}

/**
 * A panoramic camera (32:9, one picture over two displays) sends twice the width at each rendition,
 * its name at the bottom left like a real one's, not across the middle where the bezel falls.
 */
function encode(camera, index, rendition) {
  const r = camera.panorama ? { ...rendition, width: rendition.width * 2, bitrate: `${parseInt(rendition.bitrate, 10) * 2}k` } : rendition;
  const size = Math.round(r.height / 16);
  const filters = [`hue=h=${index * 29}`];
  if (font) {
    filters.push(`drawtext=fontfile=${font}:text='${escapeText(camera.name)}':fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=${Math.round(size / 3)}:x=${camera.panorama ? size : "(w-text_w)/2"}:y=h-text_h-${size}`);
    filters.push(`drawtext=fontfile=${font}:text='${r.name} %{frame_num}':fontsize=${Math.round(size * 0.7)}:fontcolor=yellow:x=${size}:y=${size}`);
  }
  encodeLoop(camera.id, r, `testsrc2=size=${r.width}x${r.height}:rate=${FPS}`, filters, ["-b:v", r.bitrate, "-maxrate", r.bitrate, "-bufsize", r.bitrate]);
}

export function makeDemoStreams() {
  if (demoStreamsReady()) return out;
  if (spawnSync("ffmpeg", ["-version"]).status !== 0) throw new Error("ffmpeg is not installed (Debian: apt-get install ffmpeg)");
  fs.rmSync(out, { recursive: true, force: true });
  console.log(`making the demo cameras' streams with ffmpeg in ${out} (once; about a minute)…`);
  const started = Date.now();
  for (const r of renditions) encodeFailures(r);
  cameras.forEach((camera, i) => {
    if (camera.behaviour === "not-found") return;
    for (const r of renditions) encode(camera, i, r);
    if (camera.behaviour === "broken-segment") {
      // One segment of the loop is garbage: the player must recover and go on.
      for (const r of renditions) {
        const f = path.join(out, camera.id, r.name, "seg5.ts");
        const buf = fs.readFileSync(f);
        for (let j = 188 * 4; j < buf.length; j += 7) buf[j] = (buf[j] * 31 + 17) & 0xff;
        fs.writeFileSync(f, buf);
      }
    }
  });
  fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify({ version: VERSION, segmentSeconds: SEGMENT_SECONDS, segments: SEGMENTS, renditions, cameras }, null, 2));
  console.log(`demo streams ready in ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) makeDemoStreams();
