import { z } from "zod";
import { localizedTextSchema } from "../localized-text.js";

export const textOptionsSchema = z.strictObject({
  heading: localizedTextSchema.optional(),
  body: localizedTextSchema.default({ vi: "" }),
  size: z.enum(["small", "medium", "large", "huge"]).default("medium"),
  align: z.enum(["left", "center", "right"]).default("left"),
});
export type TextOptions = z.output<typeof textOptionsSchema>;
