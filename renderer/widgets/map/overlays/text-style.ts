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

/** Waits until the bundled font can draw these characters, so the atlas is not built from a fallback. */
export async function fontReady(sample: string): Promise<void> {
  await Promise.all([document.fonts.load(`600 24px "Be Vietnam Pro"`, sample), document.fonts.ready]);
}
