import { pickText } from "../../../electron/common/localized-text.js";
import type { TableOptions } from "../../../electron/common/widgets/data-options.js";
import { formatNumber } from "../../ui/format.js";
import { translate } from "../../ui/i18n.js";
import { DataFrame } from "../data/DataFrame.js";
import { sortItems } from "../data/sort-items.js";
import { useDataWidget } from "../data/use-data-widget.js";
import { flowSlice, type WidgetProps } from "../widget-props.js";
import "./table.css";
import { fitTextSize, fittedTextStyle } from "../data/fit-text.js";

export default function TableWidget({ options, width, height, language, setStatus, flow }: WidgetProps<TableOptions>) {
  const { value, ts, status, wrongKind } = useDataWidget(options, "breakdown", setStatus);
  let body = null;
  if (value) {
    const { rows, first } = flowSlice(sortItems(value.items, options.sort, options.limit), flow);
    const behind = (v: number) => options.target !== undefined && (options.higherIsBetter ? v < options.target : v > options.target);
    // The rows fill the frame, their text as large as a row allows (a header, the rows, a legend).
    const lines = Math.max(rows.length, 3) + 1 + (options.target !== undefined ? 1 : 0);
    // …and the longest name still on one line beside the rank and the value.
    const size = fitTextSize({ height, rows: lines, rowEms: 2.17, max: 48, width, chars: Math.max(8, ...rows.map((r) => r.label.length)), fixedEms: 8, fixedPx: 96 });
    const legend =
      options.target !== undefined ? (
        <div className="ranked-legend">
          <span className="ranked-legend-mark" />
          {translate(language, options.higherIsBetter ? "belowTarget" : "aboveTarget", { value: `${formatNumber(options.target, language, options.decimals)}${value.unit ? ` ${value.unit}` : ""}` })}
        </div>
      ) : null;
    body = (
      <div className="ranked-frame" style={fittedTextStyle(size)}>
      <table className="ranked">
        {/* Column widths in the rows' font size (the header's is smaller). */}
        <colgroup>
          <col className="ranked-rank-col" />
          <col />
          <col className="ranked-value-col" />
        </colgroup>
        <thead>
          <tr>
            <th className="ranked-rank">{translate(language, "rank")}</th>
            <th>{translate(language, "name")}</th>
            <th className="ranked-value">{options.valueHeader ? pickText(options.valueHeader, language) : `${translate(language, "value")}${value.unit ? ` (${value.unit})` : ""}`}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} className={behind(r.value) ? "ranked-behind" : ""}>
              <td className="ranked-rank">{first + i + 1}</td>
              <td className="ranked-label">{r.label}</td>
              <td className="ranked-value">{formatNumber(r.value, language, options.decimals)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {legend}
      </div>
    );
  }
  return (
    <DataFrame status={status} ts={ts} topic={options.topic} expected="breakdown" wrongKind={wrongKind} language={language}>
      {body}
    </DataFrame>
  );
}
