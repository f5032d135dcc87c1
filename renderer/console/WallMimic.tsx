import { useDroppable } from "@dnd-kit/core";
import { pickText, type Language } from "../../electron/common/localized-text.js";
import { displayCanvasRect, tileCanvasRect } from "../../electron/common/plan.js";
import type { ConnectedDisplay, WallState } from "../../electron/common/protocol.js";
import { findWidgetKind } from "../../electron/common/widgets/widget-kinds.js";
import { formatNumber } from "../ui/format.js";
import { translate } from "../ui/i18n.js";
import { useConsole } from "./console-store.js";
import { displayCondition, type TileView } from "./mimic-model.js";

const percent = (part: number, whole: number) => `${(100 * part) / whole}%`;

/** What a tile shows, in a few words: its camera's name, or its topic. */
export function tileSubject(wall: WallState, tile: WallState["layout"]["tiles"][number], language: Language): string {
  const o = tile.options as { camera?: string; topic?: string; group?: string };
  if (o.camera) return wall.cameras.cameras.find((c) => c.id === o.camera)?.name ?? o.camera;
  if (o.group) return wall.cameras.groups.find((g) => g.id === o.group)?.name ?? o.group;
  return o.topic ?? pickText(findWidgetKind(tile.widget)?.name ?? { vi: tile.widget }, language);
}

function MimicTile({ wall, tile, view, language, canDrop }: { wall: WallState; tile: WallState["layout"]["tiles"][number]; view: TileView | undefined; language: Language; canDrop: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: tile.id, disabled: !canDrop });
  const selected = useConsole((s) => s.selectedTile === tile.id);
  const select = useConsole((s) => s.set);
  const rect = tileCanvasRect(wall.topology, wall.layout, tile);
  const { width, height } = wall.topology.canvas;
  const condition = view?.condition ?? "loading";
  const override = wall.overrides[tile.id];
  // A thin tile (a banner) has room for its title alone.
  const compact = rect.height / height < 0.12;
  return (
    <button
      type="button"
      ref={setNodeRef}
      className={`mimic-tile mimic-${condition}${isOver ? " mimic-drop" : ""}${selected ? " mimic-selected" : ""}${override ? " mimic-override" : ""}${compact ? " mimic-compact" : ""}`}
      style={{ left: percent(rect.x, width), top: percent(rect.y, height), width: percent(rect.width, width), height: percent(rect.height, height) }}
      data-mimic-tile={tile.id}
      data-status={condition}
      data-override={override ? "true" : undefined}
      aria-pressed={selected}
      onClick={() => select({ selectedTile: selected ? undefined : tile.id })}
    >
      <span className="mimic-tile-title">{tile.title ? pickText(tile.title, language) : tile.id}</span>
      <span className="mimic-tile-subject">{tileSubject(wall, tile, language)}</span>
      <span className="mimic-tile-state">
        {override && <span className="badge badge-info">{translate(language, "overridden")}</span>} {translate(language, `tile_${condition}`)}
        {view?.frameAgeMs !== undefined && condition !== "lost" && ` · ${translate(language, "frameAge", { s: formatNumber(view.frameAgeMs / 1000, language, 1) })}`}
      </span>
    </button>
  );
}

/**
 * The wall drawn to scale with its bezels: each display with its health, the active layout's tiles
 * with their titles and live state, overrides marked. Tiles take cameras dropped from the catalog.
 */
export function WallMimic({ wall, revisionAt, displays, views, now, language, canCommand }: { wall: WallState; revisionAt: number; displays: ConnectedDisplay[]; views: Map<string, TileView>; now: number; language: Language; canCommand: boolean }) {
  const { width, height } = wall.topology.canvas;
  const byId = new Map(displays.map((d) => [d.displayId, d]));
  return (
    <div className="mimic" style={{ aspectRatio: `${width} / ${height}` }} role="group" aria-label={translate(language, "wallMimic")}>
      {wall.topology.displays.map((d) => {
        const r = displayCanvasRect(wall.topology, d.col, d.row);
        const condition = displayCondition(byId.get(d.id), wall.revision, now, revisionAt);
        return (
          <div key={d.id} className={`mimic-display mimic-display-${condition}`} data-mimic-display={d.id} data-health={condition} style={{ left: percent(r.x, width), top: percent(r.y, height), width: percent(r.width, width), height: percent(r.height, height) }}>
            <span className="mimic-display-id">
              {d.id}
              {condition !== "ok" && ` · ${translate(language, `display_${condition}`)}`}
            </span>
          </div>
        );
      })}
      {wall.layout.tiles.map((tile) => (
        <MimicTile key={tile.id} wall={wall} tile={tile} view={views.get(tile.id)} language={language} canDrop={canCommand} />
      ))}
    </div>
  );
}
