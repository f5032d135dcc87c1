import { CollisionFilterExtension } from "@deck.gl/extensions";
import { tones } from "./colors.js";

const collision = new CollisionFilterExtension();

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
  // Labels never overlap each other: of two that would, the one of higher priority stays (a
  // station's reading over a district's name over a town's), with a margin around each.
  extensions: [collision],
  collisionGroup: "labels",
  collisionTestProps: { sizeScale: 1.25 },
};

/** Which label stays when two would overlap (CollisionFilterExtension: higher wins). */
export const labelPriority = { station: 300, district: 200, camera: 100, place: 0 } as const;

/** Waits until the bundled font can draw these characters, so the atlas is not built from a fallback. */
export async function fontReady(sample: string): Promise<void> {
  await Promise.all([document.fonts.load(`600 24px "Be Vietnam Pro"`, sample), document.fonts.ready]);
}

/**
 * The label style with its collision priority (a spread, so the extension's props pass the layer's
 * types). Readings (a station's) are never hidden: deck.gl does not honour priorities across text
 * layers (visgl/deck.gl#9479), and under the collision filter they vanished, so they go without it.
 */
export function labelsAt(priority: number) {
  if (priority === labelPriority.station) {
    const { extensions: _none, collisionGroup: _group, collisionTestProps: _test, ...plain } = labelStyle;
    return plain;
  }
  return { ...labelStyle, getCollisionPriority: priority };
}
