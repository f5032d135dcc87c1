import type { Language } from "../../../electron/common/localized-text.js";
import type { MapOverlay } from "../../../electron/common/widgets/map-options.js";
import { useTopic, valueOfKind } from "../../data/FeedProvider.js";
import { formatNumber } from "../../ui/format.js";
import { translate, type TextKey } from "../../ui/i18n.js";
import { rampColor, tones, type Rgba } from "./overlays/colors.js";
import { choroplethRange } from "./overlays/districts-layers.js";

const css = (c: Rgba) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

function Swatches({ title, entries, language }: { title: TextKey; entries: Array<[Rgba, TextKey]>; language: Language }) {
  return (
    <div className="map-legend-row">
      <span className="map-legend-title">{translate(language, title)}</span>
      {entries.map(([colour, label]) => (
        <span key={label} className="map-legend-entry">
          <span className="map-legend-dot" style={{ background: css(colour) }} />
          {translate(language, label)}
        </span>
      ))}
    </div>
  );
}

/** The choropleth's ramp, from the lowest value shown to the highest, with the topic's unit. */
function Ramp({ topic, language }: { topic: string; language: Language }) {
  const value = valueOfKind(useTopic(topic)?.update, "breakdown");
  const range = choroplethRange(value);
  if (!value || !range) return null;
  const [min, max] = range;
  return (
    <div className="map-legend-row">
      <span className="map-legend-title">{translate(language, "legendDistricts", { unit: value.unit ?? "" })}</span>
      <span>{formatNumber(min, language, 0)}</span>
      <span className="map-legend-ramp" style={{ background: `linear-gradient(to right, ${css(rampColor(min, min, max))}, ${css(rampColor(max, min, max))})` }} />
      <span>{formatNumber(max, language, 0)}</span>
    </div>
  );
}

/** What every colour on the map means, one row per overlay that encodes something. */
export function MapLegend({ overlays, language }: { overlays: readonly MapOverlay[]; language: Language }) {
  const rows = overlays.map((o, i) => {
    switch (o.type) {
      case "districts":
        return o.topic ? <Ramp key={i} topic={o.topic} language={language} /> : null;
      case "stations":
        return <Swatches key={i} title="legendStations" entries={[[tones.good, "limit_ok"], [tones.warn, "limit_warn"], [tones.bad, "limit_bad"]]} language={language} />;
      case "feedback":
        return <Swatches key={i} title="legendFeedback" entries={[[tones.info, "status_received"], [tones.warn, "status_processing"], [tones.good, "status_resolved"], [tones.bad, "status_overdue"]]} language={language} />;
      case "cameras":
        return <Swatches key={i} title="legendCameras" entries={[[tones.good, "up"], [tones.bad, "down"], [tones.muted, "unknownState"]]} language={language} />;
    }
  });
  if (rows.every((r) => r === null)) return null;
  return (
    <div className="map-legend" data-map-legend>
      {rows}
    </div>
  );
}
