import { z } from "zod";

/** Text shown to people: Vietnamese is required, English is the second language. */
export const localizedTextSchema = z.strictObject({
  vi: z.string().min(1),
  en: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export type Language = "vi" | "en";

export function pickText(text: LocalizedText | undefined, language: Language): string {
  if (!text) return "";
  return language === "en" ? (text.en ?? text.vi) : text.vi;
}
