import type { ReactNode } from "react";
import type { FeedValueKind } from "../../../electron/common/feed-protocol.js";
import type { Language } from "../../../electron/common/localized-text.js";
import { formatTime } from "../../ui/format.js";
import { translate } from "../../ui/i18n.js";
import type { TileStatus } from "../widget-props.js";
import "./data-frame.css";

/**
 * The common frame of data widgets: the content (always the last value, even when stale), and a
 * note that says plainly when the value is old, missing or of the wrong shape.
 */
export function DataFrame(props: {
  status: TileStatus;
  ts: number | undefined;
  topic: string;
  expected: FeedValueKind;
  wrongKind: FeedValueKind | undefined;
  language: Language;
  children: ReactNode;
}) {
  const { status, ts, language } = props;
  let note: ReactNode = null;
  if (props.wrongKind) note = <div className="data-note data-note-error">{translate(language, "wrongKind", { topic: props.topic, kind: props.wrongKind, expected: props.expected })}</div>;
  else if (status === "loading") note = <div className="data-note data-note-waiting">{translate(language, "waitingData", { topic: props.topic })}</div>;
  else if (status === "stale" && ts !== undefined) note = <div className="data-note data-note-stale">{translate(language, "staleSince", { time: formatTime(ts, language, Date.now() - ts > 86_400_000) })}</div>;
  return (
    <div className={`data-frame data-frame-${status}`} data-updated-at={ts}>
      <div className="data-content">{props.wrongKind ? null : props.children}</div>
      {note}
    </div>
  );
}
