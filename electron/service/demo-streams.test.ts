import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DemoStreams } from "./demo-streams.js";
import { silentLogger } from "./log.js";

const dir = path.resolve(".demo-streams");

// The streams come from `npm run streams` (part of `npm test`); without them this fails, on purpose.
describe("DemoStreams live playlists", () => {
  async function get(s: DemoStreams, pathname: string): Promise<Response> {
    const express = (await import("express")).default;
    const app = express();
    app.use("/streams", s.router);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const { port } = server.address() as { port: number };
    try {
      const res = await fetch(`http://127.0.0.1:${port}/streams/${pathname}`);
      await res.clone().arrayBuffer();
      return res;
    } finally {
      server.close();
    }
  }
  async function playlist(s: DemoStreams, camera: string): Promise<{ status: number; text: string }> {
    const res = await get(s, `${camera}/360p/index.m3u8`);
    return { status: res.status, text: await res.text() };
  }

  it("slides a window of six 2 s segments with program date-time and no discontinuity", async () => {
    let now = 1_800_000_000_000;
    const s = DemoStreams.open(dir, silentLogger, () => now)!;
    const a = await playlist(s, "cam-01");
    expect(a.status).toBe(200);
    expect(a.text.match(/#EXTINF:2\.000,/g)).toHaveLength(6);
    expect(a.text).toContain("#EXT-X-PROGRAM-DATE-TIME:2027-01-15T08:00:00.000Z");
    expect(a.text).not.toContain("DISCONTINUITY");
    now += 4000;
    const b = await playlist(s, "cam-01");
    const seq = (t: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(t)![1]);
    expect(seq(b.text) - seq(a.text)).toBe(2);
  });

  it("freezes a camera that drops out, 404s one that is gone, and brings them back", async () => {
    let now = 1_800_000_000_000;
    const s = DemoStreams.open(dir, silentLogger, () => now)!;
    s.setMode("cam-02", "dropout");
    const frozen = await playlist(s, "cam-02");
    now += 10_000;
    expect((await playlist(s, "cam-02")).text).toBe(frozen.text);
    s.setMode("cam-02", "normal");
    expect((await playlist(s, "cam-02")).text).not.toBe(frozen.text);
    expect((await playlist(s, "cam-12")).status).toBe(404);
    s.setMode("cam-12", "normal");
    expect(s.setMode("no-such-camera", "normal")).toBe(false);
  });

  it("sends black pictures, or one still picture, in a camera's place and on its timeline when asked", async () => {
    const s = DemoStreams.open(dir, silentLogger, () => 1_800_000_000_000)!;
    const segment = async () => Buffer.from(await (await get(s, "cam-03/360p/13.ts")).arrayBuffer());
    const own = await segment();
    const size = (loop: string) => fs.statSync(path.join(dir, loop, "360p", "seg3.ts")).size;
    expect(own.length).toBe(size("cam-03"));
    s.setMode("cam-03", "black");
    expect((await segment()).length).toBe(size("_black"));
    s.setMode("cam-03", "frozen");
    expect((await segment()).length).toBe(size("_frozen"));
    s.setMode("cam-03", "normal");
    expect((await segment()).equals(own)).toBe(true);
  });
});
