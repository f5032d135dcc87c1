import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { useStore } from "zustand";
import type { Language } from "../../electron/common/localized-text.js";
import { planWall, type TilePart } from "../../electron/common/plan.js";
import type { WallState } from "../../electron/common/protocol.js";
import { keyWall, preparingParts, type KeyedWall } from "../../electron/common/switching.js";
import { useFeedStore } from "../data/FeedProvider.js";
import type { WallStore } from "../data/wall-store.js";
import { formatTime } from "../ui/format.js";
import { translate } from "../ui/i18n.js";
import { webglSlots } from "../widgets/map/webgl-slots.js";
import type { SwapTimer } from "./swap-timer.js";
import { TileView } from "./TileView.js";

function useWindowSize() {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return size;
}

function usePlan(wall: WallState | undefined, displayId: string) {
  return useMemo(() => (wall ? planWall(wall.topology, wall.layout).find((p) => p.displayId === displayId) : undefined), [wall, displayId]);
}

/** The components' keys, carried from one render's layouts to the next (see keyWall). */
function useKeyedWall(shown: { layoutId: string; parts: TilePart[] } | undefined, pending: { layoutId: string; parts: TilePart[] } | undefined): KeyedWall {
  const memo = useRef<{ shown?: TilePart[]; pending?: TilePart[]; result: KeyedWall; next: number }>({ result: { shown: [], pending: [] }, next: 0 });
  const m = memo.current;
  if (m.shown !== shown?.parts || m.pending !== pending?.parts) {
    // Computed in render but idempotent for the same plans, as StrictMode's second render needs.
    m.result = shown ? keyWall(m.result, shown, pending, () => `t${++m.next}`) : { shown: [], pending: [] };
    m.shown = shown?.parts;
    m.pending = pending?.parts;
  }
  return m.result;
}

export function WallApp({ store, swapTimer, displayId, language }: { store: WallStore; swapTimer: SwapTimer; displayId: string; language: Language }) {
  const wall = useStore(store, (s) => s.wall);
  const pending = useStore(store, (s) => s.pending);
  const online = useStore(store, (s) => s.online);
  const refusal = useStore(store, (s) => s.refusal);
  const position = useStore(store, (s) => s.briefingPosition);
  const connections = useStore(store, (s) => s.connections);
  const feedStore = useFeedStore();
  const dropped = useStore(feedStore, (s) => s.dropped);
  const simulated = useStore(feedStore, (s) => s.simulated);
  const windowSize = useWindowSize();
  const webglBudget = wall?.topology.webglPerDisplay;
  // A layout effect: it runs before the maps' own effects ask for contexts in the same commit.
  useLayoutEffect(() => {
    if (webglBudget) webglSlots.setBudget(webglBudget);
  }, [webglBudget]);
  const plan = usePlan(wall, displayId);
  const pendingPlan = usePlan(pending, displayId);
  const keyed = useKeyedWall(plan && wall && { layoutId: wall.layoutId, parts: plan.tiles }, pendingPlan && pending && { layoutId: pending.layoutId, parts: pendingPlan.tiles });
  const preparing = useMemo(() => preparingParts(keyed), [keyed]);
  const clockOffset = useStore(store, (s) => s.clockOffset);
  useEffect(() => swapTimer.update(preparing), [swapTimer, preparing, pending, clockOffset]);

  // Refused, the display says why and when it asks again; the last picture stays beneath.
  const why = refusal && (
    <>
      <span>{translate(language, refusal.reason === "unauthorized" ? "refusedUnauthorized" : "refusedOther", { reason: refusal.reason })}</span>
      <span className="slate-detail">
        {displayId} · {translate(language, "retryAt", { time: formatTime(refusal.retryAt, language, false, true) })}
      </span>
    </>
  );
  const marker = !online && (
    <div className="offline-marker" role="status" data-testid="offline-marker" data-refusal={refusal?.reason}>
      <span className="offline-dot" /> {why ?? translate(language, "offline")}
    </div>
  );

  if (!wall) {
    return (
      <div className="wall-root" data-display-id={displayId} data-connection={online ? "online" : "offline"} data-refusal={refusal?.reason}>
        <div className={refusal ? "slate slate-error" : "slate"}>{why ?? translate(language, "connecting")}</div>
      </div>
    );
  }
  if (!plan) {
    return (
      <div className="wall-root" data-display-id={displayId} data-layout-id={wall.layoutId} data-connection={online ? "online" : "offline"}>
        <div className="slate slate-error">
          <div>{translate(language, "unknownDisplay", { id: displayId })}</div>
          <div className="slate-detail">{translate(language, "knownDisplays", { ids: wall.topology.displays.map((d) => d.id).join(", ") })}</div>
        </div>
        {marker}
      </div>
    );
  }
  const { width, height } = wall.topology.display;
  const scale = `scale(${windowSize.width / width}, ${windowSize.height / height})`;
  const deviceScale = (windowSize.width / width) * window.devicePixelRatio;
  const context = { cameras: wall.cameras, deviceScale, mapViews: wall.mapViews, bezel: wall.topology.bezel };
  const pendingContext = pending ? { cameras: pending.cameras, deviceScale, mapViews: pending.mapViews, bezel: pending.topology.bezel } : context;
  return (
    <div
      className="wall-root"
      data-display-id={displayId}
      data-layout-id={wall.layoutId}
      data-revision={wall.revision}
      data-pending-layout-id={pending?.layoutId}
      data-connection={online ? "online" : "offline"}
      data-power={wall.power ?? "on"}
      data-feed-dropped={dropped.malformed + dropped.tooLarge + dropped.unknownTopic}
      data-feed-dropped-detail={`malformed=${dropped.malformed} tooLarge=${dropped.tooLarge} unknownTopic=${dropped.unknownTopic}`}
    >
      {/* One list, so a tile keeps its component when it goes from prepared to shown, or stays across a switch. */}
      {/* Off by the power schedule: nothing mounted, so no camera decodes and no map draws all night. */}
      {wall.power !== "off" && (
        <div className="wall-canvas" style={{ width, height, transform: scale, "--u": height / 1080 } as CSSProperties}>
          {[...keyed.shown.map((p) => ({ ...p, preparing: false })), ...preparing.map((p) => ({ ...p, preparing: true }))].map(({ key, part, preparing: off }) => (
            <TileView key={key} tileKey={key} part={part} language={language} retryKey={connections} context={off ? pendingContext : context} preparing={off} onStatus={swapTimer.onStatus} />
          ))}
        </div>
      )}
      {wall.power && <div className={`power-cover power-${wall.power}`} data-testid="power-cover" />}
      {/* Discreet, on the display at the wall's bottom right: where the briefing is. */}
      {position && displayId === [...wall.topology.displays].sort((a, b) => b.row - a.row || b.col - a.col)[0]?.id && (
        <div className="briefing-position" data-testid="briefing-position">
          {position.index + 1} / {position.count}
        </div>
      )}
      {/* Discreet, on the display at the wall's top right (where the clock is): these figures are not the province's. */}
      {simulated && displayId === [...wall.topology.displays].sort((a, b) => a.row - b.row || b.col - a.col)[0]?.id && (
        <div className="simulated-mark" data-testid="simulated-mark">
          {translate(language, "simulatedData")}
        </div>
      )}
      {marker}
    </div>
  );
}
