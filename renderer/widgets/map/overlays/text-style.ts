import { tones } from "./colors.js";

/**
 * Labels are drawn by deck.gl from the bundled font (Vietnamese diacritics included), so the
 * map needs no glyph server. `characterSet: "auto"` builds the atlas from the text itself.
 */
export const labelStyle = {
  fontFamily: '"Be Vietnam Pro", sans-serif',
  fontWeight: 600,
  characterSet: "auto" as const,
  fontSettings: { sdf: true, fontSize: 48, buffer: 8, radius: 12 },
  outlineWidth: 4,
  outlineColor: tones.halo,
  getColor: tones.text,
  sizeUnits: "pixels" as const,
  pickable: false,
};

/**
 * Which label stays when two would overlap (labels-on-screen.ts places them, higher first): a
 * station's reading over a district's name over a camera's over a town's. Readings are always shown.
 */
export const labelPriority = { station: 300, district: 200, camera: 100, place: 0 } as const;

/** Waits until the bundled font can draw these characters, so the atlas is not built from a fallback. */
export async function fontReady(sample: string): Promise<void> {
  await Promise.all([document.fonts.load(`600 24px "Be Vietnam Pro"`, sample), document.fonts.ready]);
}

/** The label style with the label's priority (a spread: deck.gl passes the prop through). */
export function labelsAt(priority: number) {
  return { ...labelStyle, getCollisionPriority: priority };
}
