import { z } from "zod";
import { readJsonIfExists, writeFileAtomic } from "../service/json-file.js";
import type { Logger } from "../service/log.js";
import type { RememberedOutputs } from "./display-mapping.js";

const rememberedSchema = z.record(z.string().max(64), z.string().max(120)).refine((r) => Object.keys(r).length <= 256, "at most 256 displays");

/**
 * Which output drove each wall display on this controller, kept in a file beside the app's state
 * so a restart with a monitor unplugged still knows whose output is missing. A file that cannot be
 * read or parsed is reported and treated as empty: the mapping starts again from positions.
 */
export class RememberedOutputsFile {
  private last = "";

  constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {}

  async load(): Promise<RememberedOutputs> {
    try {
      const parsed = rememberedSchema.safeParse((await readJsonIfExists(this.file)) ?? {});
      if (parsed.success) {
        this.last = JSON.stringify(parsed.data);
        return parsed.data;
      }
      this.log("warn", "remembered outputs unreadable; mapping by position", { file: this.file, error: parsed.error.issues[0]?.message ?? "invalid" });
    } catch (e) {
      this.log("warn", "remembered outputs unreadable; mapping by position", { file: this.file, error: (e as Error).message });
    }
    return {};
  }

  /** Written only when it changed. */
  async save(remembered: RememberedOutputs): Promise<void> {
    const json = JSON.stringify(remembered);
    if (json === this.last) return;
    this.last = json;
    await writeFileAtomic(this.file, `${JSON.stringify(remembered, null, 2)}\n`);
  }
}
