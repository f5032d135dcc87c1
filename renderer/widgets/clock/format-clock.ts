import type { ClockOptions } from "../../../electron/common/widgets/clock-options.js";

const cache = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function formatters(localeTag: string, options: Pick<ClockOptions, "timeZone" | "showSeconds">) {
  const key = `${localeTag}|${options.timeZone}|${options.showSeconds}`;
  let f = cache.get(key);
  if (!f) {
    f = {
      time: new Intl.DateTimeFormat(localeTag, {
        timeZone: options.timeZone,
        hour: "2-digit",
        minute: "2-digit",
        ...(options.showSeconds ? { second: "2-digit" } : {}),
        hourCycle: "h23",
      }),
      date: new Intl.DateTimeFormat(localeTag, { timeZone: options.timeZone, weekday: "long", day: "2-digit", month: "2-digit", year: "numeric" }),
    };
    cache.set(key, f);
  }
  return f;
}

/** Time as HH:mm:ss (24 h) and the long date, in the tile's time zone: "Thứ Bảy, 28/11/2026". */
export function formatClock(now: Date, localeTag: string, options: Pick<ClockOptions, "timeZone" | "showSeconds">): { time: string; date: string } {
  const f = formatters(localeTag, options);
  const date = f.date.format(now);
  return { time: f.time.format(now), date: date.charAt(0).toLocaleUpperCase(localeTag) + date.slice(1) };
}
