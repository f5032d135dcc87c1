import { pickText } from "../../../electron/common/localized-text.js";
import type { KpiOptions } from "../../../electron/common/widgets/data-options.js";
import { formatNumber, formatSigned } from "../../ui/format.js";
import { translate } from "../../ui/i18n.js";
import { DataFrame } from "../data/DataFrame.js";
import { Sparkline } from "../data/Sparkline.js";
import { toneOf } from "../data/tone.js";
import { useDataWidget } from "../data/use-data-widget.js";
import type { WidgetProps } from "../widget-props.js";
import "./kpi.css";

export default function KpiWidget({ options, width, height, language, setStatus }: WidgetProps<KpiOptions>) {
  const { value, ts, history, status, wrongKind } = useDataWidget(options, "number", setStatus);
  let body = null;
  if (value) {
    const text = formatNumber(value.value, language, options.decimals);
    // As large as the tile allows, the whole figure and its unit always on one line.
    const ems = text.length * 0.62 + (value.unit ? value.unit.length * 0.24 + 0.4 : 0);
    const size = Math.min(height * 0.34, (width - 56) / ems);
    const tone = toneOf(value.value, { thresholds: options.thresholds, target: value.target, higherIsBetter: options.higherIsBetter });
    const delta = value.previous !== undefined ? value.value - value.previous : undefined;
    const good = delta === undefined || delta === 0 ? undefined : delta > 0 === options.higherIsBetter;
    body = (
      <div className="kpi">
        {options.label && <div className="kpi-label">{pickText(options.label, language)}</div>}
        <div className={`kpi-value tone-${tone}`} style={{ fontSize: `max(var(--type-l), ${size}px)` }}>
          <span className="kpi-number">{text}</span>
          {value.unit && <span className="kpi-unit">{value.unit}</span>}
        </div>
        <div className="kpi-facts">
          {delta !== undefined && (
            <span className={`kpi-delta ${good === undefined ? "" : good ? "tone-ok" : "tone-bad"}`}>
              {delta > 0 ? "▲" : delta < 0 ? "▼" : "■"} {formatSigned(delta, language, options.decimals ?? (Number.isInteger(delta) ? 0 : 1))} {translate(language, "vsPrevious")}
            </span>
          )}
          {value.target !== undefined && value.target !== 0 && (
            <span className="kpi-target">
              {translate(language, "ofTarget", { pct: `${formatNumber((value.value / value.target) * 100, language, 1)} %` })} ·{" "}
              {translate(language, "target", { value: `${formatNumber(value.target, language, options.decimals)}${value.unit ? ` ${value.unit}` : ""}` })}
            </span>
          )}
        </div>
        {options.sparkline && (
          <div className={`kpi-spark tone-${tone}`}>
            <Sparkline values={history} width={Math.max(40, width - 48)} height={Math.max(20, height * 0.18)} />
          </div>
        )}
      </div>
    );
  }
  return (
    <DataFrame status={status} ts={ts} topic={options.topic} expected="number" wrongKind={wrongKind} language={language}>
      {body}
    </DataFrame>
  );
}
