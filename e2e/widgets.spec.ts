import { widgetKinds, type WidgetKindId } from "../electron/common/widgets/widget-kinds.js";
import { expect, test } from "./fixtures.js";

test("every registered widget kind mounts with its example options and becomes ready on live data", async ({ wall, openDisplay }) => {
  const kinds = Object.keys(widgetKinds) as WidgetKindId[];
  // One tile per kind on D1 and D2 (grid 12×6: a display is 4×3), two per row.
  await wall.addLayout({
    id: "conformance",
    title: { vi: "Mọi loại ô" },
    grid: { columns: 12, rows: 6 },
    tiles: kinds.map((kind, i) => ({ id: `w-${kind}`, x: (i % 4) * 2, y: Math.floor(i / 4) * 1, w: 2, h: 1, widget: kind, options: widgetKinds[kind].example })),
  });
  await wall.show("conformance");
  const d1 = await openDisplay("D1");
  const d2 = await openDisplay("D2");
  for (const kind of kinds) {
    const page = kinds.indexOf(kind) % 4 < 2 ? d1 : d2;
    const tile = page.locator(`[data-tile-id="w-${kind}"]`);
    await expect(tile, kind).toHaveAttribute("data-widget", kind);
    await expect(tile, kind).toHaveAttribute("data-status", "ready");
    await expect(tile.locator(".tile-body"), kind).not.toBeEmpty();
  }
});
