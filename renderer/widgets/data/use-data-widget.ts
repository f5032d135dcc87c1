import { useEffect } from "react";
import type { FeedValueKind } from "../../../electron/common/feed-protocol.js";
import type { DataOptions } from "../../../electron/common/widgets/data-options.js";
import { useNow } from "../../data/clock.js";
import { useTopic, valueOfKind, type ValueOf } from "../../data/FeedProvider.js";
import { freshness } from "../../data/freshness.js";
import type { TileStatus } from "../widget-props.js";

export interface DataWidgetState<K extends FeedValueKind> {
  value: ValueOf<K> | undefined;
  ts: number | undefined;
  history: number[];
  status: TileStatus;
  /** The topic carries another shape than this widget shows. */
  wrongKind: FeedValueKind | undefined;
}

/** A data widget's topic, its freshness on the shared clock, and the tile status it implies. */
export function useDataWidget<K extends FeedValueKind>(options: DataOptions, kind: K, setStatus: (s: TileStatus) => void): DataWidgetState<K> {
  const entry = useTopic(options.topic);
  const now = useNow();
  const value = valueOfKind(entry?.update, kind);
  const wrongKind = entry && !value ? entry.update.value.kind : undefined;
  const status: TileStatus = wrongKind ? "error" : freshness(entry?.update, now, options.maxAgeSeconds);
  useEffect(() => {
    setStatus(status);
  }, [status, setStatus]);
  return { value, ts: entry?.update.ts, history: entry?.history ?? [], status, wrongKind };
}
