import { CAPTURE_MAX_PARTS, CAPTURE_PART_CHARS, captureRequestSchema, events } from "../../electron/common/protocol.js";
import type { WallBridge } from "./bridge.js";

type Send = (event: string, payload: unknown) => void;

/**
 * Answers the service's `display:capture`: the Electron controller captures this window (the
 * preload's `capture`) and the JPEG goes back in parts under the socket's message limit; a browser
 * display has no way to capture its own screen and says so.
 */
export async function answerCapture(request: unknown, send: Send, bridge: WallBridge | undefined = window.iocWall): Promise<void> {
  const parsed = captureRequestSchema.safeParse(request);
  if (!parsed.success) return;
  const { id } = parsed.data;
  if (!bridge?.capture) return send(events.displayCaptureFail, { id, reason: "unsupported" });
  let jpeg: string | undefined;
  try {
    jpeg = await bridge.capture();
  } catch {
    jpeg = undefined;
  }
  const count = jpeg ? Math.ceil(jpeg.length / CAPTURE_PART_CHARS) : 0;
  if (!jpeg || count > CAPTURE_MAX_PARTS) return send(events.displayCaptureFail, { id, reason: "failed" });
  for (let index = 0; index < count; index++) send(events.displayCapturePart, { id, index, count, data: jpeg.slice(index * CAPTURE_PART_CHARS, (index + 1) * CAPTURE_PART_CHARS) });
}
