import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCameras, chooseStream, type Camera } from "./cameras-file.js";

const camera: Camera = {
  id: "c1",
  name: "Cầu Quay",
  streams: [
    { url: "/s/1080.m3u8", width: 1920, height: 1080 },
    { url: "/s/360.m3u8", width: 640, height: 360 },
    { url: "/s/720.m3u8", width: 1280, height: 720 },
  ],
};

describe("chooseStream", () => {
  it("takes the smallest stream that covers the tile in device pixels", () => {
    expect(chooseStream(camera, 320, 180).url).toBe("/s/360.m3u8");
    expect(chooseStream(camera, 640, 360).url).toBe("/s/360.m3u8");
    expect(chooseStream(camera, 641, 300).url).toBe("/s/720.m3u8");
    expect(chooseStream(camera, 1300, 700).url).toBe("/s/1080.m3u8");
  });
  it("takes the main stream only for large tiles, or when asked", () => {
    expect(chooseStream(camera, 3840, 2160).url).toBe("/s/1080.m3u8");
    expect(chooseStream(camera, 100, 100, "main").url).toBe("/s/1080.m3u8");
    expect(chooseStream(camera, 3840, 2160, "sub").url).toBe("/s/360.m3u8");
  });
});

describe("checkCameras", () => {
  it("accepts the shipped catalog", () => {
    const r = checkCameras("cameras.json", JSON.parse(fs.readFileSync("layouts/cameras.json", "utf8")));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
  it("refuses duplicate ids, groups naming unknown cameras and bad URLs, naming the path", () => {
    const stream = { url: "/s.m3u8", width: 640, height: 360 };
    const r = checkCameras("cameras.json", {
      cameras: [
        { id: "a", name: "A", streams: [stream] },
        { id: "a", name: "B", streams: [stream] },
      ],
      groups: [{ id: "g", name: "G", cameras: ["a", "zzz"] }],
    });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(["$.cameras[1].id", "$.groups[0].cameras[1]"]);
    const bad = checkCameras("cameras.json", { cameras: [{ id: "a", name: "A", streams: [{ ...stream, url: "javascript:alert(1)" }] }] });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(["$.cameras[0].streams[0].url"]);
  });
});
