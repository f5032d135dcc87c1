import { io, type Socket } from "socket.io-client";
import { describe, expect, it, vi } from "vitest";
import { events } from "../common/protocol.js";
import { PICTURE, sendPicture } from "./test-support/capture-picture.js";
import { DisplayCaptures } from "./display-captures.js";
import { useWallService } from "./test-support/wall-service-fixture.js";
import { waitFor } from "./test-support/temp-wall.js";

const TOKEN = "test-admin-token-0123456789";
const ctx = useWallService(TOKEN);


function display(displayId: string, answer: (s: Socket, id: string) => void): Promise<Socket> {
  const s = io(`${ctx.service.url}/display`, { auth: { displayId }, transports: ["websocket"], reconnection: false, forceNew: true });
  ctx.sockets.push(s);
  s.on(events.displayCapture, ({ id }: { id: string }) => answer(s, id));
  return new Promise((resolve) => s.once("connect", () => resolve(s)));
}


const screenshot = (displayId: string, token: string | null = TOKEN) => fetch(`${ctx.service.url}/api/displays/${displayId}/screenshot`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("remote screenshot (GET /api/displays/:id/screenshot)", () => {
  it("returns the picture the display's controller took, sent in parts under the message limit", async () => {
    await display("D1", (s, id) => sendPicture(s, id));
    const res = await screenshot("D1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Buffer.from(await res.arrayBuffer()).equals(PICTURE)).toBe(true);
  });

  it("says plainly that a browser display cannot capture its screen (501), and which displays are gone (503) or unknown (404)", async () => {
    await display("D2", (s, id) => s.emit(events.displayCaptureFail, { id, reason: "unsupported" }));
    const browser = await screenshot("D2");
    expect(browser.status).toBe(501);
    expect(((await browser.json()) as { error: string }).error).toMatch(/D2 runs in a browser/);
    expect((await screenshot("D3")).status).toBe(503);
    expect((await screenshot("D99")).status).toBe(404);
    expect((await screenshot("D1", null)).status).toBe(401);
  });

  it("asks the display once for any number of askers at a time", async () => {
    let asked = 0;
    await display("D1", (s, id) => {
      asked += 1;
      setTimeout(() => sendPicture(s, id), 100);
    });
    const answers = await Promise.all([screenshot("D1"), screenshot("D1"), screenshot("D1")]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(asked).toBe(1);
  });

  it("takes no part from a display it did not ask, and fails a request the display scrambles", async () => {
    await display("D1", (s, id) => {
      s.emit(events.displayCapturePart, { id, index: 1, count: 3, data: "AAAA" });
    });
    const intruder = await display("D2", () => undefined);
    const rejected = async () => ((await (await fetch(`${ctx.service.url}/api/health`)).json()) as { counters: { rejectedMessages: number } }).counters.rejectedMessages;
    const before = await rejected();
    // D2 sends parts for an id it was never given: counted and dropped.
    intruder.emit(events.displayCapturePart, { id: "not-asked-of-you", index: 0, count: 1, data: PICTURE.toString("base64").slice(0, 100) });
    const res = await screenshot("D1");
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toMatch(/out of order/);
    await waitFor(async () => ((await rejected()) >= before + 2 ? true : undefined));
  });
});

describe("DisplayCaptures", () => {
  it("ends every request: a display that never answers times out, one that leaves ends it at once", async () => {
    vi.useFakeTimers();
    try {
      const captures = new DisplayCaptures(() => undefined, 10_000);
      captures.attach("D1", "s1", () => undefined);
      const silent = captures.capture("D1");
      vi.advanceTimersByTime(10_000);
      expect(await silent).toMatchObject({ ok: false, status: 504 });
      const leaving = captures.capture("D1");
      captures.detach("D1", "s1");
      expect(await leaving).toMatchObject({ ok: false, status: 503 });
      expect(await captures.capture("D1")).toMatchObject({ ok: false, status: 503, error: "display D1 is not connected to this instance of the service" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a picture that is not a JPEG", async () => {
    let asked = "";
    const captures = new DisplayCaptures(() => undefined);
    captures.attach("D1", "s1", (id) => (asked = id));
    const pending = captures.capture("D1");
    captures.part("s1", { id: asked, index: 0, count: 1, data: Buffer.from("<svg onload=alert(1)>").toString("base64") });
    expect(await pending).toMatchObject({ ok: false, status: 502 });
  });
});
