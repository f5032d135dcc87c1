import { useEffect, useState } from "react";
import type { ClockOptions } from "../../../electron/common/widgets/clock-options.js";
import { locale } from "../../ui/i18n.js";
import type { WidgetProps } from "../widget-props.js";
import { formatClock } from "./format-clock.js";
import "./clock.css";
import { fittedTextStyle } from "../data/fit-text.js";

/** Re-renders on each second boundary, not on a drifting interval. */
function useNow(stepMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = Date.now();
      setNow(new Date(t));
      timer = setTimeout(tick, stepMs - (t % stepMs) + 5);
    };
    timer = setTimeout(tick, stepMs - (Date.now() % stepMs) + 5);
    return () => clearTimeout(timer);
  }, [stepMs]);
  return now;
}

export default function ClockWidget({ options, width, height, language, setStatus }: WidgetProps<ClockOptions>) {
  const now = useNow(options.showSeconds ? 1000 : 60_000);
  useEffect(() => {
    setStatus("ready");
  }, [setStatus]);
  const { time, date } = formatClock(now, locale(language), options);
  // Digit cells 0.72 em, separators 0.36 em (clock.css): HH:MM:SS is 5.04 em wide, HH:MM 3.24 em.
  const timeSize = Math.min(height * (options.showDate ? 0.5 : 0.7), (width * 0.9) / (options.showSeconds ? 5.04 : 3.24));
  return (
    <div className="clock">
      <div className="clock-time" style={{ fontSize: `max(var(--type-xl), ${timeSize}px)` }}>
        {/* Fixed-width digit cells: the face never jiggles as the seconds change. */}
        {[...time].map((c, i) => (
          <span key={i} className={/\d/.test(c) ? "clock-digit" : "clock-sep"}>
            {c}
          </span>
        ))}
      </div>
      {options.showDate && (
        <div className="clock-date" style={fittedTextStyle(timeSize * 0.24)}>
          {date}
        </div>
      )}
    </div>
  );
}
