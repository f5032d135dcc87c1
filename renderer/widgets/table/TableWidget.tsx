import { pickText } from "../../../electron/common/localized-text.js";
import type { TableOptions } from "../../../electron/common/widgets/data-options.js";
import { formatNumber } from "../../ui/format.js";
import { translate } from "../../ui/i18n.js";
import { DataFrame } from "../data/DataFrame.js";
import { sortItems } from "../data/sort-items.js";
import { useDataWidget } from "../data/use-data-widget.js";
import { flowSlice, type WidgetProps } from "../widget-props.js";
import "./table.css";

export default function TableWidget({ options, language, setStatus, flow }: WidgetProps<TableOptions>) {
  const { value, ts, status, wrongKind } = useDataWidget(options, "breakdown", setStatus);
  let body = null;
  if (value) {
    const { rows, first } = flowSlice(sortItems(value.items, options.sort, options.limit), flow);
    const behind = (v: number) => options.target !== undefined && (options.higherIsBetter ? v < options.target : v > options.target);
    body = (
      <table className="ranked">
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
    );
  }
  return (
    <DataFrame status={status} ts={ts} topic={options.topic} expected="breakdown" wrongKind={wrongKind} language={language}>
      {body}
    </DataFrame>
  );
}
