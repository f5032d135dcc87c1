/**
 * What the pixels say, beyond frames arriving: a camera that sends black pictures (a covered lens,
 * a dead sensor, an encoder fed nothing) or the same picture again and again (a stuck encoder) is
 * not live, however regularly its frames come. Judged on a tiny copy of the frame.
 */
export const SAMPLE_WIDTH = 32;
export const SAMPLE_HEIGHT = 18;
/** Luma (0–255) under which a pixel counts as black: video black is 16, and a dark night scene is above it in places. */
const BLACK_LUMA = 24;
/** Share of black pixels that makes a black picture. */
const BLACK_SHARE = 0.98;

/** A frame is black when nearly all of its pixels are (RGBA bytes). */
export function isBlack(rgba: Uint8ClampedArray): boolean {
  let black = 0;
  const pixels = rgba.length / 4;
  for (let i = 0; i < rgba.length; i += 4) {
    if (0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]! < BLACK_LUMA) black += 1;
  }
  return pixels > 0 && black / pixels >= BLACK_SHARE;
}

/** Byte for byte the same picture: a live camera's sensor noise never gives that twice. */
export function isSame(a: Uint8ClampedArray | undefined, b: Uint8ClampedArray): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export type PictureVerdict = "ok" | "black" | "frozen";
/** Black this long (two samples) before the tile says so. */
export const BLACK_AFTER_MS = 4000;
/** The same picture this long before the tile says it is frozen. */
export const FROZEN_AFTER_MS = 20_000;

/** Follows the samples of one player: how long the picture has been black, or unchanged. */
export class PictureJudge {
  private previous: Uint8ClampedArray | undefined;
  private previousAt = 0;
  private blackSince: number | undefined;
  private sameSince: number | undefined;

  add(rgba: Uint8ClampedArray, now: number): PictureVerdict {
    const black = isBlack(rgba);
    this.blackSince = black ? (this.blackSince ?? now) : undefined;
    // The same picture since the sample that first showed it; a black picture is the same too: black wins.
    this.sameSince = !black && isSame(this.previous, rgba) ? (this.sameSince ?? this.previousAt) : undefined;
    this.previous = rgba;
    this.previousAt = now;
    if (this.blackSince !== undefined && now - this.blackSince >= BLACK_AFTER_MS) return "black";
    if (this.sameSince !== undefined && now - this.sameSince >= FROZEN_AFTER_MS) return "frozen";
    return "ok";
  }

  reset(): void {
    this.previous = undefined;
    this.blackSince = undefined;
    this.sameSince = undefined;
  }
}
