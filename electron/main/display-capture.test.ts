import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorSlateUrl } from "./error-slate.js";
import { CAPTURE_MAX_WIDTH, DISPLAY_CAPTURE_CHANNEL, captureDisplayWindow, type CapturedImage } from "./display-capture.js";

const SERVICE = "http://127.0.0.1:8080";
const SERVICES = [SERVICE];

/** Electron's NativeImage, as far as a capture uses it: a size, and a JPEG that says how it was made. */
function image(width: number, height: number, empty = false): CapturedImage {
  return {
    isEmpty: () => empty,
    getSize: () => ({ width, height }),
    resize: ({ width: w }) => image(w, Math.round((height * w) / width)),
    toJPEG: (quality) => Buffer.from(`${width}x${height}@${quality}`),
  };
}
const decoded = (b64: string | undefined) => (b64 === undefined ? undefined : Buffer.from(b64, "base64").toString());

describe("a display window's capture", () => {
  it("is taken for the service's display pages, scaled down to full HD at most", async () => {
    expect(decoded(await captureDisplayWindow(`${SERVICE}/wall/D1`, SERVICES, async () => image(1920, 1080)))).toBe("1920x1080@80");
    expect(decoded(await captureDisplayWindow(`${SERVICE}/wall/D1`, SERVICES, async () => image(3840, 2160)))).toBe(`${CAPTURE_MAX_WIDTH}x1080@80`);
  });

  it("is refused to every other page, and to the error slate", async () => {
    let taken = 0;
    const capture = async () => {
      taken += 1;
      return image(1920, 1080);
    };
    for (const url of [`${SERVICE}/console`, "http://127.0.0.1:9999/wall/D1", errorSlateUrl("x"), undefined]) {
      expect(await captureDisplayWindow(url, SERVICES, capture), String(url)).toBeUndefined();
    }
    expect(taken).toBe(0);
  });

  it("gives nothing for an empty or failed capture (a window not drawn yet, a renderer gone)", async () => {
    expect(await captureDisplayWindow(`${SERVICE}/wall/D1`, SERVICES, async () => image(0, 0, true))).toBeUndefined();
    expect(await captureDisplayWindow(`${SERVICE}/wall/D1`, SERVICES, () => Promise.reject(new Error("render process gone")))).toBeUndefined();
  });

  it("is asked for on the channel the preload spells", () => {
    const preload = readFileSync(new URL("../preload/preload.cts", import.meta.url), "utf8");
    expect(preload).toContain(`"${DISPLAY_CAPTURE_CHANNEL}"`);
    expect(preload).toContain("ipcRenderer.invoke(DISPLAY_CAPTURE_CHANNEL)");
  });
});
