import type { Socket } from "socket.io-client";
import { CAPTURE_PART_CHARS, events } from "../../common/protocol.js";

/** A JPEG-looking picture (its magic, then bytes) large enough to need several parts. */
export const PICTURE = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100_000, 7), Buffer.from([0xff, 0xd9])]);

/** Sends a picture as a display's controller does: in parts under the message limit. */
export function sendPicture(s: Socket, id: string, picture = PICTURE): void {
  const data = picture.toString("base64");
  const count = Math.ceil(data.length / CAPTURE_PART_CHARS);
  for (let index = 0; index < count; index++) s.emit(events.displayCapturePart, { id, index, count, data: data.slice(index * CAPTURE_PART_CHARS, (index + 1) * CAPTURE_PART_CHARS) });
}
