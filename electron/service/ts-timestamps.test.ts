import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shiftTimestamps } from "./ts-timestamps.js";

const segment = path.resolve(".demo-streams/cam-01/360p/seg0.ts");

function ptsOf(file: string): number[] {
  const out = execFileSync("ffprobe", ["-v", "error", "-select_streams", "v", "-show_entries", "packet=pts_time", "-of", "csv=p=0", file], { encoding: "utf8" });
  return out.split("\n").filter((l) => l.trim() !== "").map((l) => Number(l.split(",")[0]));
}

describe("shiftTimestamps (MPEG-TS)", () => {
  it("moves every video timestamp by the offset and keeps the segment decodable", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ts-"));
    const shifted = path.join(dir, "shifted.ts");
    fs.writeFileSync(shifted, shiftTimestamps(fs.readFileSync(segment), 20 * 90_000));
    const before = ptsOf(segment);
    const after = ptsOf(shifted);
    expect(after).toHaveLength(before.length);
    after.forEach((t, i) => expect(t).toBeCloseTo(before[i]! + 20, 3));
    // Still a valid stream: ffmpeg decodes every frame without error.
    execFileSync("ffmpeg", ["-v", "error", "-xerror", "-i", shifted, "-f", "null", "-"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("leaves a buffer that is not MPEG-TS untouched", () => {
    const junk = Buffer.from("not a transport stream at all".repeat(10));
    expect(shiftTimestamps(junk, 90_000).equals(junk)).toBe(true);
  });
});
