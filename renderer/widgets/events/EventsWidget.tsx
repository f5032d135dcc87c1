import type { EventsOptions } from "../../../electron/common/widgets/data-options.js";
import { formatTime } from "../../ui/format.js";
import { translate, type TextKey } from "../../ui/i18n.js";
import { DataFrame } from "../data/DataFrame.js";
import { useDataWidget } from "../data/use-data-widget.js";
import { useWholeItems } from "../data/use-whole-items.js";
import { flowSlice, type WidgetProps } from "../widget-props.js";
import "./events.css";
import { fitTextSize, fittedTextStyle } from "../data/fit-text.js";

const knownStatus = new Set(["received", "processing", "resolved", "overdue"]);

/** Newest first. Every field from the feed is rendered as text: React escapes it; nothing is parsed as HTML. */
export default function EventsWidget({ options, height, language, setStatus, flow }: WidgetProps<EventsOptions>) {
  const { value, ts, status, wrongKind } = useDataWidget(options, "events", setStatus);
  const all = value ? flowSlice([...value.items].sort((a, b) => b.ts - a.ts).slice(0, options.limit), flow).rows : [];
  const size = fitTextSize({ height, rows: Math.max(all.length, 3), rowEms: options.showText ? 5 : 3.6, max: 34 });
  const { ref, shown } = useWholeItems<HTMLUListElement>(`${all.map((e) => e.id).join()}|${size}|${height}`, all.length);
  let body = null;
  if (value) {
    const items = all.slice(0, shown);
    body =
      all.length === 0 ? (
        flow?.index ? null : <div className="events-empty">{translate(language, "noItems")}</div>
      ) : (
        <ul ref={ref} className="events" style={fittedTextStyle(size)}>
          {items.map((e) => (
            <li key={e.id} className={`event ${e.priority === "high" || e.priority === "urgent" ? "event-high" : ""}`} data-event-id={e.id}>
              <div className="event-head">
                <span className="event-time">{formatTime(e.ts, language)}</span>
                <span className="event-title">{e.title}</span>
                {e.status && (
                  <span className={`event-status event-status-${knownStatus.has(e.status) ? e.status : "other"}`}>
                    {knownStatus.has(e.status) ? translate(language, `status_${e.status}` as TextKey) : e.status}
                  </span>
                )}
              </div>
              {options.showText && e.text && <div className="event-text">{e.text}</div>}
              {(e.district || e.category) && <div className="event-meta">{[e.district, e.category].filter(Boolean).join(" · ")}</div>}
            </li>
          ))}
        </ul>
      );
  }
  return (
    <DataFrame status={status} ts={ts} topic={options.topic} expected="events" wrongKind={wrongKind} language={language}>
      {body}
    </DataFrame>
  );
}
