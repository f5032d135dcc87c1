import { EventEmitter } from "node:events";
import path from "node:path";
import { z } from "zod";
import type { WallState } from "../common/protocol.js";
import { readJsonIfExists, writeFileAtomic } from "./json-file.js";
import type { LayoutStore } from "./layout-store.js";
import type { Logger } from "./log.js";

const persistedSchema = z.object({ layoutId: z.string(), revision: z.number().int().min(0) });
export const STATE_FILE = "state.json";

/**
 * The one writer of what the wall shows: the active layout and a revision that grows with every
 * change a display must see. Survives restarts through state.json.
 */
export class WallStateHolder extends EventEmitter<{ change: [WallState] }> {
  private layoutId: string;
  private revision: number;
  private persisting: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: LayoutStore,
    private readonly file: string,
    private readonly log: Logger,
    persisted: { layoutId: string; revision: number } | undefined,
    startLayout: string | undefined,
  ) {
    super();
    const ids = store.layoutIds();
    if (ids.length === 0) throw new Error(`no valid layout in ${store.dir}: add a <id>.layout.json file`);
    const pick = [persisted?.layoutId, startLayout, ids[0]].find((id) => id !== undefined && store.layout(id));
    this.layoutId = pick!;
    this.revision = (persisted?.revision ?? 0) + 1;
    store.on("change", (change) => {
      if (change.topologyChanged || change.camerasChanged || change.layoutsChanged.includes(this.layoutId)) this.bump();
    });
  }

  static async open(store: LayoutStore, stateDir: string, startLayout: string | undefined, log: Logger): Promise<WallStateHolder> {
    const file = path.join(stateDir, STATE_FILE);
    let persisted: z.infer<typeof persistedSchema> | undefined;
    try {
      const parsed = persistedSchema.safeParse(await readJsonIfExists(file));
      if (parsed.success) persisted = parsed.data;
    } catch (e) {
      log("warn", "state file unreadable; starting from the default layout", { file, error: (e as Error).message });
    }
    const holder = new WallStateHolder(store, file, log, persisted, startLayout);
    await holder.persist();
    return holder;
  }

  current(): WallState {
    return { revision: this.revision, layoutId: this.layoutId, layout: this.store.layout(this.layoutId)!, topology: this.store.topology, cameras: this.store.cameras };
  }

  /** False when no valid layout has that id. */
  switchLayout(layoutId: string): boolean {
    if (!this.store.layout(layoutId)) return false;
    this.layoutId = layoutId;
    this.bump();
    return true;
  }

  /** Resolves once every change so far is on disk. */
  flushed(): Promise<void> {
    return this.persisting;
  }

  private bump(): void {
    this.revision += 1;
    void this.persist();
    this.emit("change", this.current());
  }

  private persist(): Promise<void> {
    const content = JSON.stringify({ layoutId: this.layoutId, revision: this.revision }) + "\n";
    this.persisting = this.persisting
      .then(() => writeFileAtomic(this.file, content))
      .catch((e: Error) => this.log("error", "could not save the wall state", { file: this.file, error: e.message }));
    return this.persisting;
  }
}
