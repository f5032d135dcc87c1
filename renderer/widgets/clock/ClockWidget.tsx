import { useEffect, useState } from "react";
import type { ClockOptions } from "../../../electron/common/widgets/clock-options.js";
import { locale } from "../../ui/i18n.js";
import type { WidgetProps } from "../widget-props.js";
import { formatClock } from "./format-clock.js";
import "./clock.css";

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
  const timeSize = Math.max(12, Math.min(height * (options.showDate ? 0.42 : 0.6), (width * 0.9) / (options.showSeconds ? 4.6 : 3)));
  return (
    <div className="clock">
      <div className="clock-time" style={{ fontSize: timeSize }}>
        {/* Fixed-width digit cells: the face never jiggles as the seconds change. */}
        {[...time].map((c, i) => (
          <span key={i} className={/\d/.test(c) ? "clock-digit" : "clock-sep"}>
            {c}
          </span>
        ))}
      </div>
      {options.showDate && (
        <div className="clock-date" style={{ fontSize: Math.max(10, timeSize * 0.28) }}>
          {date}
        </div>
      )}
    </div>
  );
}
