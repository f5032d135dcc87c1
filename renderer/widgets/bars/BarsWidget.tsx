import type { BarsOptions } from "../../../electron/common/widgets/data-options.js";
import { formatNumber } from "../../ui/format.js";
import { DataFrame } from "../data/DataFrame.js";
import { sortItems } from "../data/sort-items.js";
import { useDataWidget } from "../data/use-data-widget.js";
import type { WidgetProps } from "../widget-props.js";
import "./bars.css";

const palette = ["#2fb4ff", "#2ecc71", "#f5b041", "#af7ac5", "#ff7f50", "#48c9b0", "#f1948a", "#85929e", "#5dade2", "#f7dc6f"];

function Donut({ items, language, decimals, unit }: { items: Array<{ key: string; label: string; value: number }>; language: "vi" | "en"; decimals?: number | undefined; unit?: string | undefined }) {
  const total = items.reduce((n, i) => n + Math.max(0, i.value), 0) || 1;
  let acc = 0;
  const r = 70;
  const c = 2 * Math.PI * r;
  return (
    <div className="donut">
      <svg viewBox="0 0 200 200" className="donut-svg">
        {items.map((it, i) => {
          const len = (Math.max(0, it.value) / total) * c;
          const el = <circle key={it.key} cx="100" cy="100" r={r} fill="none" stroke={palette[i % palette.length]} strokeWidth="36" strokeDasharray={`${len} ${c - len}`} strokeDashoffset={-acc} transform="rotate(-90 100 100)" />;
          acc += len;
          return el;
        })}
        <text x="100" y="108" textAnchor="middle" className="donut-total">
          {formatNumber(total, language, 0)}
        </text>
      </svg>
      <ul className="donut-legend">
        {items.map((it, i) => (
          <li key={it.key}>
            <span className="swatch" style={{ background: palette[i % palette.length] }} />
            <span className="bar-label">{it.label}</span>
            <span className="bar-value">
              {formatNumber(it.value, language, decimals)}
              {unit ? ` ${unit}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function BarsWidget({ options, language, setStatus }: WidgetProps<BarsOptions>) {
  const { value, ts, status, wrongKind } = useDataWidget(options, "breakdown", setStatus);
  let body = null;
  if (value) {
    const items = sortItems(value.items, options.sort, options.limit);
    const max = Math.max(...items.map((i) => i.value), 0) || 1;
    body =
      options.style === "donut" ? (
        <Donut items={items} language={language} decimals={options.decimals} unit={value.unit} />
      ) : (
        <ul className="bars">
          {items.map((it) => (
            <li key={it.key} className="bar-row">
              <span className="bar-label">{it.label}</span>
              <span className="bar-track">
                <span className="bar-fill" style={{ width: `${Math.max(0, (it.value / max) * 100)}%` }} />
              </span>
              <span className="bar-value">
                {formatNumber(it.value, language, options.decimals)}
                {value.unit ? ` ${value.unit}` : ""}
              </span>
            </li>
          ))}
        </ul>
      );
  }
  return (
    <DataFrame status={status} ts={ts} topic={options.topic} expected="breakdown" wrongKind={wrongKind} language={language}>
      {body}
    </DataFrame>
  );
}
