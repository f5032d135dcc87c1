import { Component, lazy, Suspense, useCallback, useMemo, useState, type ComponentType, type ReactNode } from "react";
import { pickText, type Language } from "../../electron/common/localized-text.js";
import { intersect, type TilePart } from "../../electron/common/plan.js";
import { translate } from "../ui/i18n.js";
import { findWidget } from "../widgets/registry.js";
import type { TileStatus, WidgetProps } from "../widgets/widget-props.js";
import { TileIdContext } from "./wall-context.js";

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

/**
 * One tile's visible part on this display. The widget lays out at the whole tile's size and
 * is shifted so that this display shows exactly its share: a spanning tile reads as one picture.
 */
export function TileView({ part, language, retryKey }: { part: TilePart; language: Language; retryKey: number }) {
  const [status, setStatus] = useState<TileStatus>("loading");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- retryKey: look the widget up again after a failed download
  const Widget = useMemo(() => lazyWidget(part.widget), [part.widget, retryKey]);
  const onError = useCallback(() => setStatus("error"), []);
  const title = pickText(part.title, language);
  const bodyTop = title ? TITLE_HEIGHT : 0;
  const bodyHeight = part.tile.height - bodyTop;
  const visible = useMemo(() => {
    const shown = intersect(part.inTile, { x: 0, y: bodyTop, width: part.tile.width, height: bodyHeight });
    return shown ? { ...shown, y: shown.y - bodyTop } : { x: 0, y: 0, width: 0, height: 0 };
  }, [part.inTile, part.tile.width, bodyTop, bodyHeight]);
  const fallback = <div className="tile-error">{translate(language, "widgetFailed", { tile: part.tileId })}</div>;
  return (
    <div
      className="tile"
      data-tile-id={part.tileId}
      data-widget={part.widget}
      data-status={Widget ? status : "error"}
      style={{ left: part.window.x, top: part.window.y, width: part.window.width, height: part.window.height }}
    >
      <div
        className="tile-content"
        style={{ left: -part.inTile.x, top: -part.inTile.y, width: part.tile.width, height: part.tile.height }}
      >
        {title && (
          <div className="tile-title" style={{ height: TITLE_HEIGHT }}>
            {title}
          </div>
        )}
        <div className="tile-body" style={{ height: bodyHeight }}>
          {Widget ? (
            <TileIdContext.Provider value={part.tileId}>
              <TileBoundary onError={onError} fallback={fallback} retryKey={retryKey}>
                <Suspense fallback={null}>
                  <Widget options={part.options} width={part.tile.width} height={bodyHeight} visible={visible} language={language} setStatus={setStatus} />
                </Suspense>
              </TileBoundary>
            </TileIdContext.Provider>
          ) : (
            fallback
          )}
        </div>
      </div>
    </div>
  );
}
