import { isDisplayPage } from "./display-credential.js";

/** The channel on which a wall window's preload asks for a picture of its own window (the preload spells it too). */
export const DISPLAY_CAPTURE_CHANNEL = "ioc-wall:capture";

/** What of Electron's NativeImage a capture uses. */
export interface CapturedImage {
  isEmpty(): boolean;
  getSize(): { width: number; height: number };
  resize(options: { width: number }): CapturedImage;
  toJPEG(quality: number): Buffer;
}

/** A screenshot is for an operator's eyes: at most full HD wide, JPEG at 80. */
export const CAPTURE_MAX_WIDTH = 1920;
const JPEG_QUALITY = 80;

/**
 * A picture of the asking window, as base64 JPEG, for the service's display pages only (another
 * page, the error slate, or a failed or empty capture get undefined). `capture` is the window's
 * webContents.capturePage.
 */
export async function captureDisplayWindow(senderFrameUrl: string | undefined, serviceOrigins: readonly string[], capture: () => Promise<CapturedImage>): Promise<string | undefined> {
  if (!isDisplayPage(senderFrameUrl, serviceOrigins)) return undefined;
  try {
    const image = await capture();
    if (image.isEmpty()) return undefined;
    const scaled = image.getSize().width > CAPTURE_MAX_WIDTH ? image.resize({ width: CAPTURE_MAX_WIDTH }) : image;
    return scaled.toJPEG(JPEG_QUALITY).toString("base64");
  } catch {
    return undefined;
  }
}
