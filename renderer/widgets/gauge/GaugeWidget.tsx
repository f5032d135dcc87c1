import type { GaugeOptions } from "../../../electron/common/widgets/data-options.js";
import { formatNumber } from "../../ui/format.js";
import { translate } from "../../ui/i18n.js";
import { DataFrame } from "../data/DataFrame.js";
import { toneOf } from "../data/tone.js";
import { useDataWidget } from "../data/use-data-widget.js";
import type { WidgetProps } from "../widget-props.js";
import "./gauge.css";

/** A point on the half circle: 0 is the left end, 1 the right end. */
function arcPoint(f: number, r: number): [number, number] {
  const a = Math.PI * (1 - f);
  return [100 + r * Math.cos(a), 100 - r * Math.sin(a)];
}

function arc(from: number, to: number, r: number): string {
  const [x0, y0] = arcPoint(from, r);
  const [x1, y1] = arcPoint(to, r);
  return `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${r} ${r} 0 0 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}

export default function GaugeWidget({ options, language, setStatus }: WidgetProps<GaugeOptions>) {
  const { value, ts, status, wrongKind } = useDataWidget(options, "number", setStatus);
  let body = null;
  if (value) {
    const span = options.max - options.min || 1;
    const f = Math.min(1, Math.max(0, (value.value - options.min) / span));
    const tone = toneOf(value.value, { target: value.target, higherIsBetter: options.higherIsBetter });
    const t = value.target !== undefined ? Math.min(1, Math.max(0, (value.target - options.min) / span)) : undefined;
    body = (
      <div className="gauge">
        <svg viewBox="0 0 200 112" className="gauge-svg" role="img" aria-label={`${formatNumber(value.value, language, options.decimals)} ${value.unit ?? ""}`}>
          <path d={arc(0, 1, 80)} className="gauge-track" />
          {f > 0.001 && <path d={arc(0, f, 80)} className={`gauge-bar tone-${tone}`} />}
          {t !== undefined && (
            <line x1={arcPoint(t, 64)[0]} y1={arcPoint(t, 64)[1]} x2={arcPoint(t, 96)[0]} y2={arcPoint(t, 96)[1]} className="gauge-target" />
          )}
          <text x="100" y="92" textAnchor="middle" className={`gauge-value tone-${tone}`}>
            {formatNumber(value.value, language, options.decimals)}
            {value.unit && <tspan className="gauge-unit"> {value.unit}</tspan>}
          </text>
        </svg>
        {value.target !== undefined && (
          <div className="gauge-caption">{translate(language, "target", { value: `${formatNumber(value.target, language, options.decimals)}${value.unit ? ` ${value.unit}` : ""}` })}</div>
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
