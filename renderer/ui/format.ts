import type { Language } from "../../electron/common/localized-text.js";
import { locale } from "./i18n.js";

const numberFormats = new Map<string, Intl.NumberFormat>();

/** vi-VN: 1.234.567,8 — formatters are cached, one per locale and precision. */
export function formatNumber(value: number, language: Language, decimals?: number): string {
  const d = decimals ?? (Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 1);
  const key = `${language}|${d}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(language), { minimumFractionDigits: d, maximumFractionDigits: d });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

const DAY = 86_400_000;
/** Việt Nam keeps UTC+7 all year. */
export const VN_OFFSET = 7 * 3_600_000;

/** The day, in Việt Nam, a moment falls on (a count of days): two moments of one day have the same. */
export function vnDay(ts: number): number {
  return Math.floor((ts + VN_OFFSET) / DAY);
}

export function formatTime(ts: number, language: Language, withDate = false, withSeconds = false): string {
  const key = `${language}|${withDate}|${withSeconds}`;
  let f = timeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(language), {
      timeZone: "Asia/Ho_Chi_Minh",
      hour: "2-digit",
      minute: "2-digit",
      ...(withSeconds ? { second: "2-digit" } : {}),
      hourCycle: "h23",
      ...(withDate ? { day: "2-digit", month: "2-digit" } : {}),
    });
    timeFormats.set(key, f);
  }
  return f.format(ts);
}

export function formatSigned(value: number, language: Language, decimals = 1): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${formatNumber(Math.abs(value), language, decimals)}`;
}
