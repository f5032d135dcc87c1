import { useState } from "react";
import { pickText, type Language } from "../../electron/common/localized-text.js";
import type { WallState } from "../../electron/common/protocol.js";
import { findWidgetKind } from "../../electron/common/widgets/widget-kinds.js";
import { formatNumber, formatTime } from "../ui/format.js";
import { translate } from "../ui/i18n.js";
import type { TileView } from "./mimic-model.js";
import { tileSubject } from "./WallMimic.js";

/**
 * The selected tile: what it shows, its state on each display, when its value last changed, and
 * (for touch and keyboard) a camera to put on it or its override to take off.
 */
export function TileDetail({ wall, tileId, view, language, canCommand, pushCamera, clear }: { wall: WallState; tileId: string; view: TileView | undefined; language: Language; canCommand: boolean; pushCamera: (tileId: string, cameraId: string) => void; clear: (tileId: string) => void }) {
  const tile = wall.layout.tiles.find((t) => t.id === tileId);
  const [camera, setCamera] = useState("");
  if (!tile) return null;
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(language, key, vars);
  const override = wall.overrides[tileId];
  return (
    <section className="tile-detail" data-tile-detail={tileId}>
      <h2>{tile.title ? pickText(tile.title, language) : tile.id}</h2>
      <dl>
        <dt>{t("widget")}</dt>
        <dd>{pickText(findWidgetKind(tile.widget)?.name ?? { vi: tile.widget }, language)}</dd>
        <dt>{t("shows")}</dt>
        <dd>{tileSubject(wall, tile, language)}</dd>
        <dt>{t("state")}</dt>
        <dd>
          {view?.parts.map((p) => (
            <span key={p.displayId} className={`part part-${p.condition}`}>
              {p.displayId}: {t(`tile_${p.condition}`)}
            </span>
          ))}
        </dd>
        {view?.message && (
          <>
            <dt>{t("says")}</dt>
            <dd>{view.message}</dd>
          </>
        )}
        {view?.frameAgeMs !== undefined && (
          <>
            <dt>{t("lastFrame")}</dt>
            <dd>{t("frameAge", { s: formatNumber(view.frameAgeMs / 1000, language, 1) })}</dd>
          </>
        )}
        {view?.updatedAt && (
          <>
            <dt>{t("lastValue")}</dt>
            <dd>{formatTime(view.updatedAt, language, false, true)}</dd>
          </>
        )}
      </dl>
      {canCommand && (
        <div className="tile-actions">
          <label>
            {t("putCamera")}
            <select value={camera} onChange={(e) => setCamera(e.target.value)}>
              <option value="">—</option>
              {wall.cameras.cameras.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.id})
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!camera} onClick={() => pushCamera(tileId, camera)}>
            {t("showOnTile")}
          </button>
          {override && (
            <button type="button" onClick={() => clear(tileId)}>
              {t("removeOverride")}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
