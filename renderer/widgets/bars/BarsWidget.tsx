import type { BarsOptions } from "../../../electron/common/widgets/data-options.js";
import type { Language } from "../../../electron/common/localized-text.js";
import { formatNumber } from "../../ui/format.js";
import { translate, type TextKey } from "../../ui/i18n.js";
import { DataFrame } from "../data/DataFrame.js";
import { sortItems } from "../data/sort-items.js";
import { limitTone, toneOf, type Tone } from "../data/tone.js";
import { useDataWidget } from "../data/use-data-widget.js";
import { flowSlice, type WidgetProps } from "../widget-props.js";
import "./bars.css";
import { fitTextSize, fittedTextStyle } from "../data/fit-text.js";

/** Categories without a meaning: blues, teals and violets, never the good, warning or bad colours. */
const palette = ["#2fb4ff", "#48c9b0", "#af7ac5", "#5dade2", "#a9cce3", "#76d7c4", "#d2b4de", "#7f8fa6"];
const toneVar: Record<Tone, string> = { ok: "var(--ok)", warn: "var(--warn)", bad: "var(--bad)", info: "var(--info)", neutral: "var(--muted)" };

type Item = { key: string; label: string; value: number; target?: unknown };

/** An item's meaning: given by the layout, or its value against its target or limit; none: undefined. */
function itemTone(item: Item, options: BarsOptions): Tone | undefined {
  const given = options.tones?.[item.key];
  if (given) return given;
  const target = typeof item.target === "number" ? item.target : options.target;
  if (target === undefined) return undefined;
  return options.higherIsBetter ? toneOf(item.value, { target, higherIsBetter: true }) : limitTone(item.value, target);
}

/** What the colours of bars coloured by target mean, for those that appear. */
function ToneLegend({ used, higherIsBetter, language, target }: { used: Set<Tone>; higherIsBetter: boolean; language: Language; target?: string | undefined }) {
  const order: Tone[] = ["ok", "warn", "bad"];
  return (
    <div className="tone-legend">
      {/* The one target the layout gave is named; items with their own (a station's limit) are not. */}
      {target && <span className="tone-legend-item">{translate(language, "target", { value: target })}:</span>}
      {order
        .filter((t) => used.has(t))
        .map((t) => (
          <span key={t} className="tone-legend-item">
            <span className={`swatch fill-${t}`} />
            {translate(language, `${higherIsBetter ? "target" : "limit"}_${t}` as TextKey)}
          </span>
        ))}
    </div>
  );
}

function Donut({ items, colours, height, language, decimals, unit }: { items: Item[]; colours: string[]; height: number; language: Language; decimals?: number | undefined; unit?: string | undefined }) {
  const total = items.reduce((n, i) => n + Math.max(0, i.value), 0) || 1;
  let acc = 0;
  const r = 70;
  const c = 2 * Math.PI * r;
  return (
    <div className="donut">
      <svg viewBox="0 0 200 200" className="donut-svg">
        {items.map((it, i) => {
          const len = (Math.max(0, it.value) / total) * c;
          const el = <circle key={it.key} cx="100" cy="100" r={r} fill="none" stroke={colours[i]} strokeWidth="36" strokeDasharray={`${len} ${c - len}`} strokeDashoffset={-acc} transform="rotate(-90 100 100)" />;
          acc += len;
          return el;
        })}
        <text x="100" y="108" textAnchor="middle" className="donut-total">
          {formatNumber(total, language, 0)}
        </text>
      </svg>
      <ul className="donut-legend" style={fittedTextStyle(fitTextSize({ height, rows: Math.max(items.length, 4), rowEms: 2.6, max: 34 }))}>
        {items.map((it, i) => (
          <li key={it.key}>
            <span className="swatch" style={{ background: colours[i] }} />
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

export default function BarsWidget({ options, width, height, language, setStatus, flow }: WidgetProps<BarsOptions>) {
  const { value, ts, status, wrongKind } = useDataWidget(options, "breakdown", setStatus);
  let body = null;
  if (value) {
    const all: Item[] = sortItems(value.items, options.sort, options.limit);
    // Bars over a bezel flow into its parts on one scale; a donut stays whole in the first part.
    const items = options.style === "donut" ? (flow?.index ? [] : all) : flowSlice(all, flow).rows;
    const max = Math.max(...all.map((i) => i.value), 0) || 1;
    const meant = items.map((it) => itemTone(it, options));
    const colours = meant.map((t, i) => (t ? toneVar[t] : palette[i % palette.length]!));
    // Colours from targets get a legend; colours the layout gave per item are named by the items' labels.
    const byTarget = new Set(meant.filter((t, i): t is Tone => t !== undefined && !options.tones?.[items[i]!.key]));
    body =
      items.length === 0 ? null : options.style === "donut" ? (
        <Donut items={items} colours={colours} height={height} language={language} decimals={options.decimals} unit={value.unit} />
      ) : (
        <div className="bars-frame">
        <ul className="bars" style={fittedTextStyle(fitTextSize({ height, rows: Math.max(items.length, 4), rowEms: 2.2, max: 36, width: width * 0.4, chars: Math.max(8, ...items.map((i) => i.label.length)) }))}>
          {items.map((it, i) => (
            <li key={it.key} className="bar-row" data-tone={meant[i]}>
              <span className="bar-label">{it.label}</span>
              <span className="bar-track">
                <span className="bar-fill" style={{ width: `${Math.max(0, (it.value / max) * 100)}%`, background: meant[i] ? colours[i] : undefined }} />
              </span>
              <span className="bar-value">
                {formatNumber(it.value, language, options.decimals)}
                {value.unit ? ` ${value.unit}` : ""}
              </span>
            </li>
          ))}
        </ul>
        {byTarget.size > 0 && (
          <ToneLegend
            used={byTarget}
            higherIsBetter={options.higherIsBetter}
            language={language}
            target={options.target === undefined ? undefined : `${formatNumber(options.target, language, options.decimals)}${value.unit ? ` ${value.unit}` : ""}`}
          />
        )}
        </div>
      );
  }
  return (
    <DataFrame status={status} ts={ts} topic={options.topic} expected="breakdown" wrongKind={wrongKind} language={language}>
      {body}
    </DataFrame>
  );
}
