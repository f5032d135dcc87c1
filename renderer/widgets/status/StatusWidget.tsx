import type { StatusOptions } from "../../../electron/common/widgets/data-options.js";
import { formatTime } from "../../ui/format.js";
import { translate } from "../../ui/i18n.js";
import { DataFrame } from "../data/DataFrame.js";
import { useDataWidget } from "../data/use-data-widget.js";
import { flowSlice, type WidgetProps } from "../widget-props.js";
import "./status.css";
import { fitTextSize, fittedTextStyle } from "../data/fit-text.js";

export default function StatusWidget({ options, width, height, language, setStatus, flow }: WidgetProps<StatusOptions>) {
  const { value, ts, status, wrongKind } = useDataWidget(options, "status", setStatus);
  let body = null;
  if (value) {
    const up = value.items.filter((i) => i.up).length;
    // Systems that are down come first: they are what the operator must see.
    const { rows: items } = flowSlice([...value.items].sort((a, b) => Number(a.up) - Number(b.up)), flow);
    // The list fills its frame: rows as tall as the frame allows, each label still on one line.
    const rows = Math.max(3, Math.ceil(items.length / options.columns)) + 1;
    const longest = Math.max(10, ...items.map((i) => i.label.length + (i.up ? 10 : 20)));
    const size = fitTextSize({ height, rows, rowEms: 2, max: 40, width: width / options.columns, chars: longest, fixedPx: 40 });
    body = (
      <div className="systems" style={fittedTextStyle(size)}>
        <div className={`systems-summary ${up === value.items.length ? "tone-ok" : "tone-bad"}`}>{translate(language, "systemsUp", { up, total: value.items.length })}</div>
        <ul className="systems-grid" style={{ gridTemplateColumns: `repeat(${options.columns}, minmax(0, 1fr))` }}>
          {items.map((s) => (
            <li key={s.id} className={`system ${s.up ? "system-up" : "system-down"}`} data-system-id={s.id} data-up={s.up ? "true" : "false"}>
              <span className="system-dot" />
              <span className="system-label">{s.label}</span>
              <span className="system-state">
                {translate(language, s.up ? "up" : "down")}
                {!s.up && s.since !== undefined ? ` ${translate(language, "sinceTime", { time: formatTime(s.since, language) })}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <DataFrame status={status} ts={ts} topic={options.topic} expected="status" wrongKind={wrongKind} language={language}>
      {body}
    </DataFrame>
  );
}
