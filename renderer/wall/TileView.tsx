import { Component, lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentType, type ReactNode } from "react";
import { pickText, type Language } from "../../electron/common/localized-text.js";
import { boundingBox, flowParts, intersect, mainPart, type Rect, type TilePart } from "../../electron/common/plan.js";
import { translate } from "../ui/i18n.js";
import { findWidget } from "../widgets/registry.js";
import type { TileStatus, WidgetProps } from "../widgets/widget-props.js";
import { PreparingContext, TileIdContext, WallContext, type WallContextValue } from "./wall-context.js";

const lazyWidgets = new Map<string, ComponentType<WidgetProps<unknown>>>();

function lazyWidget(kind: string): ComponentType<WidgetProps<unknown>> | undefined {
  const registration = findWidget(kind);
  if (!registration) return undefined;
  let component = lazyWidgets.get(kind);
  if (!component) {
    // A failed download (service down at that moment) is forgotten, so the next mount tries again.
    component = lazy(() =>
      registration.load().catch((e: unknown) => {
        lazyWidgets.delete(kind);
        throw e;
      }),
    );
    lazyWidgets.set(kind, component);
  }
  return component;
}

/** A widget that throws marks only its own tile as failed; the rest of the wall carries on. */
class TileBoundary extends Component<
  { onError: () => void; fallback: ReactNode; children: ReactNode; retryKey: number },
  { failed: boolean; retryKey: number }
> {
  override state = { failed: false, retryKey: this.props.retryKey };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  /** A failed tile tries again whenever the display reconnects to the service. */
  static getDerivedStateFromProps(props: { retryKey: number }, state: { failed: boolean; retryKey: number }) {
    return props.retryKey !== state.retryKey ? { failed: false, retryKey: props.retryKey } : null;
  }
  override componentDidCatch(error: unknown) {
    console.error("tile failed", error);
    this.props.onError();
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

const TITLE_HEIGHT = 56;

export interface TileViewProps {
  /** The component's identity (its React key), under which it reports its status. */
  tileKey: string;
  part: TilePart;
  language: Language;
  retryKey: number;
  /** The wall state this tile belongs to: the one on screen, or the one being prepared. */
  context: WallContextValue;
  /** Mounted off screen ahead of a switch: drawing, playing, subscribed, but not seen. */
  preparing: boolean;
  onStatus: (key: string, status: TileStatus | undefined) => void;
}

/** Where a widget lays out in its tile: one frame per area (the whole tile for pictures). */
function frameAreas(part: TilePart, bezels: "span" | "flow" | undefined): Rect[] {
  const whole = { x: 0, y: 0, width: part.tile.width, height: part.tile.height };
  // A picture spans the bezels between its parts; what lies behind the bezels at its outer edges is
  // left out, so its captions sit on a display.
  if (bezels === "span") return [boundingBox(part.parts) ?? whole];
  if (bezels === "flow") return flowParts(part.parts);
  return [mainPart(part.parts) ?? whole];
}

const noStatus = () => undefined;

/**
 * One tile's visible part on this display. Pictures lay out at the whole tile's size, shifted so
 * that this display shows exactly its share: a spanning tile reads as one picture. Text never
 * crosses a bezel: a list flows into the tile's parts between display edges, anything else sits
 * whole in its largest part (the parts come from planWall, the same on every display).
 * A tile being prepared carries none of the tile hooks (`data-tile-id`, …) until it is shown.
 */
export function TileView({ tileKey, part, language, retryKey, context, preparing, onStatus }: TileViewProps) {
  const [status, setStatus] = useState<TileStatus>("loading");
  useEffect(() => onStatus(tileKey, status), [onStatus, tileKey, status]);
  useEffect(() => () => onStatus(tileKey, undefined), [onStatus, tileKey]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- retryKey: look the widget up again after a failed download
  const Widget = useMemo(() => lazyWidget(part.widget), [part.widget, retryKey]);
  const onError = useCallback(() => setStatus("error"), []);
  const title = pickText(part.title, language);
  const bodyTop = title ? TITLE_HEIGHT : 0;
  const areas = useMemo(() => frameAreas(part, findWidget(part.widget)?.bezels), [part]);
  // Only the frames this display shows are mounted; the first of them reports the tile's status. A
  // display that shows none of them (a clock sits on the next display) has nothing to wait for.
  const here = useMemo(() => areas.map((area, index) => ({ area, index })).filter(({ area }) => intersect(part.inTile, area) !== undefined), [areas, part.inTile]);
  const reporter = here[0]?.index;
  useEffect(() => {
    if (reporter === undefined) setStatus("ready");
  }, [reporter]);
  const fallback = <div className="tile-error">{translate(language, "widgetFailed", { tile: part.tileId })}</div>;
  const hooks = preparing ? { "data-preparing-tile-id": part.tileId } : { "data-tile-id": part.tileId, "data-widget": part.widget, "data-status": Widget ? status : "error" };
  return (
    <div className={preparing ? "tile tile-preparing" : "tile"} {...hooks} style={{ left: part.window.x, top: part.window.y, width: part.window.width, height: part.window.height }}>
      <div className="tile-content" style={{ left: -part.inTile.x, top: -part.inTile.y, width: part.tile.width, height: part.tile.height }}>
        {here.map(({ area, index }) => {
          const bodyHeight = area.height - bodyTop;
          // What this display shows of the frame's body, in the body's own pixels.
          const shown = intersect(part.inTile, { x: area.x, y: area.y + bodyTop, width: area.width, height: bodyHeight });
          const visible = shown ? { ...shown, x: shown.x - area.x, y: shown.y - area.y - bodyTop } : { x: 0, y: 0, width: 0, height: 0 };
          return (
            <div key={index} className="tile-frame" style={{ left: area.x, top: area.y, width: area.width, height: area.height }}>
              {title && (
                <div className="tile-title" style={{ height: TITLE_HEIGHT }}>
                  {title}
                </div>
              )}
              <div className="tile-body" style={{ height: bodyHeight }}>
                {Widget ? (
                  <WallContext.Provider value={context}>
                    <PreparingContext.Provider value={preparing}>
                      <TileIdContext.Provider value={part.tileId}>
                        <TileBoundary onError={onError} fallback={fallback} retryKey={retryKey}>
                          <Suspense fallback={null}>
                            <Widget
                              options={part.options}
                              width={area.width}
                              height={bodyHeight}
                              visible={visible}
                              language={language}
                              setStatus={index === reporter ? setStatus : noStatus}
                              {...(areas.length > 1 ? { flow: { index, heights: areas.map((a) => a.height), widths: areas.map((a) => a.width) } } : {})}
                            />
                          </Suspense>
                        </TileBoundary>
                      </TileIdContext.Provider>
                    </PreparingContext.Provider>
                  </WallContext.Provider>
                ) : (
                  fallback
                )}
              </div>
            </div>
          );
        })}
      </div>
      {/* Shown before it drew anything (not ready at the swap, or the display just started): it says so, never blank. */}
      {!preparing && Widget && status === "loading" && <div className="tile-loading">{translate(language, "tile_loading")}…</div>}
    </div>
  );
}
