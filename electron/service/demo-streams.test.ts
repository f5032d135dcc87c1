import path from "node:path";
import { describe, expect, it } from "vitest";
import { DemoStreams } from "./demo-streams.js";
import { silentLogger } from "./log.js";

const dir = path.resolve(".demo-streams");

// The streams come from `npm run streams` (part of `npm test`); without them this fails, on purpose.
describe("DemoStreams live playlists", () => {
  async function playlist(s: DemoStreams, camera: string): Promise<{ status: number; text: string }> {
    const express = (await import("express")).default;
    const app = express();
    app.use("/streams", s.router);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/streams/${camera}/360p/index.m3u8`);
    const text = await res.text();
    server.close();
    return { status: res.status, text };
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
});
