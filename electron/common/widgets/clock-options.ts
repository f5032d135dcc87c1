import { z } from "zod";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("vi-VN", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const clockOptionsSchema = z.strictObject({
  /** IANA zone; the province's own by default. */
  timeZone: z.string().refine(isTimeZone, "unknown IANA time zone").default("Asia/Ho_Chi_Minh"),
  showSeconds: z.boolean().default(true),
  showDate: z.boolean().default(true),
});
export type ClockOptions = z.output<typeof clockOptionsSchema>;
